/**
 * The report sections the tool knows how to render. A board's configuration chooses which appear, in which
 * order and under which titles; each has a partial `templates/<template>/partials/<id>.hbs` and a narrative
 * file `<year>/narrative/<id>.md`.
 */

/** A section the default template can render. */
export interface SectionInfo {
  id: string;
  /** Default title, as in the reference report. */
  title: string;
  /** Appendices are lettered/numbered separately and not paragraph-numbered as main sections. */
  appendix?: boolean;
  /** What statutory guidance expects the section to show (used for `init` placeholders and docs). */
  guidance: string;
}

/** Every section id the default template knows, in the reference report's order. */
export const KNOWN_SECTIONS: SectionInfo[] = [
  { id: 'foreword', title: 'Foreword', guidance: "The independent chair's overall judgement of how well children in the area are safeguarded: achievements, weaknesses and what must change." },
  { id: 'essential-information', title: 'Essential information', guidance: 'Who wrote the report, when it went to the board, who receives it, the sources of its information and how to get in touch.' },
  { id: 'local-context', title: 'Local background and context', guidance: "The area and its children: population, deprivation, and what the figures say about children's vulnerabilities compared with last year." },
  { id: 'the-board', title: 'The Board', guidance: "The board's statutory role, its structure, sub-groups and how it relates to other partnerships." },
  { id: 'policies-procedures', title: 'Provision of policies, procedures and guidance', guidance: 'Multi-agency policies and procedures developed or revised in the year and how practitioners learned of them.' },
  { id: 'assessment-framework', title: 'Assessment framework', guidance: 'How the local assessment framework and thresholds for help work, and what audits found about them.' },
  { id: 'training', title: 'Training provision', guidance: 'Multi-agency training delivered, who took it up, e-learning completions and evidence of its impact on practice.' },
  { id: 'quality-effectiveness', title: 'Quality and effectiveness of arrangements and practice', guidance: 'A rigorous assessment of the quality of frontline practice from audits, inspections and performance data, naming weaknesses and their causes.' },
  { id: 'section-11', title: 'Section 11 audit', guidance: 'How agencies met their duties under section 11 of the Children Act 2004, what the challenge events found and what follows.' },
  { id: 'case-reviews', title: 'Case review function', guidance: 'Serious case reviews and other reviews in the year, their lessons and actions; the child death overview panel figures and findings.' },
  { id: 'engagement', title: 'Engagement with and participation of children', guidance: 'How children and young people shaped the work of the board and what they told it.' },
  { id: 'equality', title: 'Equality and diversity', guidance: 'How the board understands and responds to the needs of particular groups of children.' },
  { id: 'priority-groups', title: 'Priority groups of children', guidance: 'Children on child protection plans, looked after, at risk of sexual exploitation, missing or privately fostered: figures against last year and what they mean.' },
  { id: 'board-effectiveness', title: 'LSCB effectiveness', guidance: "The board's own effectiveness: inspection findings, membership and attendance, and what it will change." },
  { id: 'allegations', title: 'Allegations against professionals', guidance: 'Allegations against people who work with children: referrals by year, source, nature and outcome, and how quickly they were resolved.' },
  { id: 'conclusions', title: 'Conclusions', guidance: 'An honest overall conclusion on the effectiveness of safeguarding in the area.' },
  { id: 'recommendations', title: 'Recommendations', guidance: 'Recommendations grouped by strategic objective, each with the paragraphs of this report that support it.' },
  { id: 'finance', title: 'Financial statement', guidance: "Each partner's contribution and what the board spent, including on case reviews, child death reviews and training." },
  { id: 'appendix-protocol', title: 'Protocol between the partnership boards', appendix: true, guidance: 'How the board relates to the children and young people partnership and the health and wellbeing board.' },
  { id: 'appendix-section-11', title: 'Section 11 overview', appendix: true, guidance: 'The section 11 audit overview table, agency by agency.' },
  { id: 'appendix-cse', title: 'Annual report on child sexual exploitation work', appendix: true, guidance: 'The year’s work against child sexual exploitation: governance, awareness, the operational group and next steps.' },
];

/** Find a known section by id. */
export function knownSection(id: string): SectionInfo | undefined {
  return KNOWN_SECTIONS.find((s) => s.id === id);
}

/** The HTML id of a section's heading: `section-` and the id in lower case (so ids differing only in case clash). */
export function sectionAnchor(id: string): string {
  return `section-${id.toLowerCase().replace(/_/g, '-')}`;
}

/** True for a section laid out as an appendix unless the board says otherwise: a built-in appendix, or an id starting "appendix". */
export function defaultAppendix(id: string): boolean {
  return knownSection(id)?.appendix ?? /^appendix/i.test(id);
}

/** A section entry of board.yaml: a bare id, or an object declaring or adjusting a section. */
export type SectionEntry =
  | string
  | { id: string; title?: string | undefined; numbered?: boolean | undefined; appendix?: boolean | undefined; guidance?: string | undefined };

/** The sections board.yaml asks for, in order, with titles, numbering and appendix resolved. */
export function resolveSections(entries: readonly SectionEntry[]): { id: string; title: string; numbered: boolean; appendix: boolean; guidance: string }[] {
  return entries.map((entry) => {
    const e = typeof entry === 'string' ? { id: entry } : entry;
    const known = knownSection(e.id);
    return {
      id: e.id,
      title: e.title ?? known?.title ?? e.id,
      numbered: e.numbered ?? true,
      appendix: e.appendix ?? defaultAppendix(e.id),
      guidance: e.guidance ?? known?.guidance ?? '',
    };
  });
}

/** A problem with the list of sections in board.yaml: where it is (index into `sections`) and what it is. */
export interface SectionStructureProblem {
  code: 'unknown-section' | 'section-duplicate' | 'section-id-clash';
  index: number;
  id: string;
  message: string;
  hint: string;
}

/**
 * Check the section list: an id listed twice, or two ids that would give the same HTML id, is an error; a
 * bare id the tool does not know (not declared with a title) is a warning, since it is most likely a typo.
 */
export function sectionStructureProblems(entries: readonly SectionEntry[]): SectionStructureProblem[] {
  const problems: SectionStructureProblem[] = [];
  const firstById = new Map<string, number>();
  const firstByAnchor = new Map<string, { index: number; id: string }>();
  entries.forEach((entry, index) => {
    const id = typeof entry === 'string' ? entry : entry.id;
    const declared = typeof entry !== 'string' && entry.title !== undefined;
    const earlier = firstById.get(id);
    if (earlier !== undefined) {
      problems.push({
        code: 'section-duplicate',
        index,
        id,
        message: `The section "${id}" is listed twice (also as entry ${earlier + 1}).`,
        hint: 'List each section once; to print a figure in two places, place it in the narrative instead.',
      });
      return;
    }
    firstById.set(id, index);
    const anchor = sectionAnchor(id);
    const clash = firstByAnchor.get(anchor);
    if (clash !== undefined) {
      problems.push({
        code: 'section-id-clash',
        index,
        id,
        message: `The section ids "${clash.id}" and "${id}" differ only in case or in "_" against "-", so they would get the same link in the report.`,
        hint: 'Give one of them a clearly different id.',
      });
      return;
    }
    firstByAnchor.set(anchor, { index, id });
    if (!declared && !knownSection(id)) {
      problems.push({
        code: 'unknown-section',
        index,
        id,
        message: `The section "${id}" is not one the tool knows and has no title, so it may be a misspelling; it will be rendered from its narrative only, unless the board supplies a partial for it.`,
        hint: `Declare the board's own section with a title, e.g. { id: ${id}, title: "…" }, or use a known section: ${KNOWN_SECTIONS.map((s) => s.id).join(', ')}.`,
      });
    }
  });
  return problems;
}
