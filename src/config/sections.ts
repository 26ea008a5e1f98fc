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
