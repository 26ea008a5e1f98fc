/**
 * The `board.yaml` a new board starts with: every setting of the board configuration schema, each
 * explained in a comment, with the values a person must supply marked "To write:".
 */
import { boardSections, knownSection, PARTNERSHIP_SECTIONS, type SectionInfo } from '../config/sections.js';
import type { BodyKind } from '../guidance/catalogue.js';
import { TO_WRITE_PREFIX } from './placeholders.js';
import { comment, yamlScalar } from './yaml-text.js';

/** What `init` knows about the board when it writes `board.yaml`. */
export interface BoardYamlOptions {
  /** The financial year the folder is started for, e.g. `2013-14`. */
  year: string;
  boardName?: string;
  area?: string;
  /** A local safeguarding children board (the default) or a safeguarding partnership. */
  kind?: BodyKind;
}

/** The guidance edition a new folder of each kind answers to: the latest for its kind. */
export const INIT_EDITION: Record<BodyKind, string> = { board: 'wt2015', partnership: 'wt2023' };

/**
 * The sections `init` lists for a kind of body, in order: a board's written sections, or a partnership's
 * default sections (PARTNERSHIP_SECTIONS, in the order of the yearly report's requirements).
 */
export function initSections(kind: BodyKind = 'board'): SectionInfo[] {
  return kind === 'partnership' ? PARTNERSHIP_SECTIONS.map((id) => knownSection(id)!) : boardSections();
}

/**
 * The board's name as `init` was told it (`--board-name`, else "<area> Safeguarding Children Board", or
 * "<area> Safeguarding Children Partnership" for a partnership), if it was.
 */
export function givenBoardName(options: Pick<BoardYamlOptions, 'boardName' | 'area' | 'kind'>): string | undefined {
  const body = options.kind === 'partnership' ? 'Safeguarding Children Partnership' : 'Safeguarding Children Board';
  return options.boardName?.trim() || (options.area?.trim() ? `${options.area.trim()} ${body}` : undefined);
}

/** The text of a new board's `board.yaml`. */
export function boardYaml(options: BoardYamlOptions): string {
  const partnership = options.kind === 'partnership';
  const body = partnership ? 'partnership' : 'board';
  const area = options.area?.trim() || `${TO_WRITE_PREFIX} the local authority area the ${body} covers, e.g. Calderdale`;
  const name =
    givenBoardName(options) ??
    `${TO_WRITE_PREFIX} the ${body}'s full name, e.g. Calderdale Safeguarding Children ${partnership ? 'Partnership' : 'Board'}`;
  const chair = partnership
    ? `${TO_WRITE_PREFIX} the name of the independent scrutineer (or chair) who signs the foreword, as it is to be printed`
    : `${TO_WRITE_PREFIX} the independent chair's name, as it is to be printed`;
  const partner = (what: string) => yamlScalar(`${TO_WRITE_PREFIX} ${what}`);
  const edition = INIT_EDITION[options.kind ?? 'board'];

  const lines: string[] = [
    ...comment(
      (partnership
        ? 'Partnership configuration: who the safeguarding partnership is, which sections its yearly report has and ' +
          'in what order, and how the report is published. '
        : 'Board configuration: who the board is, which sections its annual report has and in what order, and ' +
          'how the report is published. ') +
        'It is shared by every year folder; the figures live in the year folders ' +
        '(like ' + options.year + '/) and in aggregates/.',
    ),
    '#',
    ...comment(
      'Made by `lscb-report init`. Replace every value that starts with "' + TO_WRITE_PREFIX + '" (until you do, ' +
        '`lscb-report validate` lists them as warnings). A line starting with # is a comment and is ignored; to ' +
        'use an optional setting, delete the # in front of it. Indent with spaces, never tabs, and put text that ' +
        'contains a colon (:) in double quotes. Dates are written 2014-09-25.',
    ),
    '',
    ...comment('Who the board is. Printed on the cover, in the essential information and in the PDF metadata.'),
    'board:',
    ...comment("The board's full name, as on its letterhead.", '  '),
    `  name: ${yamlScalar(name)}`,
    ...comment('Optional. A short name or abbreviation used in running text and page headers, e.g. CSCB.', '  '),
    '  # shortName: CSCB',
    ...comment('The local authority area the board covers; used in headings such as "children in Calderdale".', '  '),
    `  area: ${yamlScalar(area)}`,
    ...comment(
      partnership
        ? 'Who signs the foreword: the independent scrutineer, or the chair the partners have chosen.'
        : 'The independent chair, who publishes the report and signs the foreword.',
      '  ',
    ),
    `  chair: ${yamlScalar(chair)}`,
    ...comment('The chair\'s title as printed under the foreword (default "Independent Chair").', '  '),
    `  chairTitle: ${partnership ? 'Independent Scrutineer' : 'Independent Chair'}`,
    ...comment('Optional. The board business manager who prepares the report (named in the essential information).', '  '),
    '  # businessManager: Jo Bloggs',
    ...comment('Optional. A contact address for the report: use a shared mailbox rather than a person\'s own address.', '  '),
    '  # contactEmail: safeguarding.board@example.gov.uk',
    ...comment('Optional. The board\'s website, where the report is published (must start with https://).', '  '),
    '  # website: https://www.example.gov.uk/safeguarding-board',
    ...comment(
      'Optional. The sub-groups and panels that do the board\'s work, each with a one-line purpose, shown in ' +
        'the section on the board. To list them, delete the # in front of these lines and write your own.',
      '  ',
    ),
    '  # subgroups:',
    '  #   - name: Audit and Quality Assurance sub-group',
    '  #     purpose: Runs the multi-agency audits and the performance scorecard.',
    '  #   - name: Learning and Development sub-group',
    '  #     purpose: Plans, delivers and evaluates the multi-agency training programme.',
    '  #   - name: Child Death Overview Panel',
    '  #     purpose: Reviews the death of every child resident in the area.',
    '',
    ...comment('How the report is published.'),
    'publication:',
    ...comment('Language of the report (a BCP 47 tag), used by screen readers and stamped on the PDF.', '  '),
    '  language: en-GB',
    ...comment(
      'Details for each year\'s report, keyed by the year in quotes. presentedDate is when the report went to the ' +
        'board, publishedDate when it was published; the PDF is dated from them, never from the day it was built, ' +
        'so rebuilding gives the same file. presentedTo lists who ' +
        'received it. All three are optional: delete the # in front of each line as the dates are fixed.',
      '  ',
    ),
    '  years:',
    `    ${JSON.stringify(options.year)}:`,
    '      # presentedDate: 2014-09-25',
    '      # publishedDate: 2014-10-01',
    partnership
      ? "      # presentedTo: The safeguarding partners' executive; also the Health and Wellbeing Board"
      : '      # presentedTo: The Safeguarding Children Board; also the Health and Wellbeing Board',
    ...comment(
      'sentTo lists who the report was sent to, by the ids of the recipients the guidance edition names ' +
        '(guidance: below; templates/guidance/<edition>.yaml); the guidance check warns until it lists them all.',
      '      ',
    ),
    partnership ? '      # sentTo: [national-panel, what-works-centre]' : '      # sentTo: [chief-executive, council-leader, police-crime-commissioner, hwb-chair]',
    '',
    ...comment(
      'The report\'s sections, in the order they are printed. ' +
        (partnership
          ? 'These are the default sections of a partnership\'s yearly report, in the order of the requirements of ' +
            'Working Together (docs/guidance.md); the last, appendix-guidance, is written by the tool from the guidance ' +
            'check. Any section the tool knows may be added (see docs/sections.md); '
          : 'Every section the tool knows is listed, in the order of the reference report; ') +
        'delete a line to leave that section out, or move lines to reorder. ' +
        'Each section\'s commentary is written in ' + options.year + '/narrative/<section>.md. To print a section under ' +
        'your own title, write its entry with an id and a title instead of the plain id, like this:',
    ),
    '#   - id: finance',
    '#     title: Budget and spending',
    ...comment(
      'An entry can also say numbered: false (no number and no paragraph numbers, as for a foreword) or ' +
        'appendix: true (printed as an appendix, with all its tables). A section of your own is declared with ' +
        'an id, a title and, if you like, what guidance expects of it:',
    ),
    '#   - id: early-help',
    '#     title: Early help for families',
    '#     guidance: How help reaches families before problems become entrenched.',
    '#   - id: foreword',
    '#     numbered: false',
    '#   - id: finance',
    '#     appendix: true',
    'sections:',
  ];
  for (const section of initSections(options.kind)) {
    lines.push(...comment(`${section.title}${section.appendix ? ' (appendix)' : ''}: ${section.guidance}`, '  '));
    lines.push(`  - ${section.id}`);
  }
  lines.push(
    '',
    ...comment(
      'Disclosure control for the published report. A very small count (say, two allegations about one kind ' +
        'of worker in one sector) can identify a child or a member of staff. With suppress: true every count ' +
        'below the threshold is printed as [c] instead of its value; where a suppressed count could be worked ' +
        'out by subtracting the other figures from a total, a second figure is suppressed too, and a rate or ' +
        'percentage is never printed from a suppressed count. Keep suppress: true unless your information ' +
        'governance lead has agreed that small counts in these tables cannot identify anyone.',
    ),
    'disclosure:',
    ...comment('true to suppress small counts in the published report, false to print every count.', '  '),
    '  suppress: true',
    ...comment('Counts from 1 up to this number are suppressed (a whole number; 5 is usual practice).', '  '),
    '  threshold: 5',
    ...comment(
      'Optional. Context measures that count children (from context.csv) which are public already, so are ' +
        'never suppressed, e.g. [looked_after_children]. Leave out unless your information governance lead agrees.',
      '  ',
    ),
    '  # publicMeasures: [looked_after_children]',
    '',
    ...comment(
      'The "year at a glance" page printed after the contents: the headline figures with last year, the ' +
        'change and whether it is better or worse. Set enabled: false to leave it out.',
    ),
    'glance:',
    '  enabled: true',
    ...comment('Which indicators it shows, in order (see `lscb-report indicators --list`); leave out for the defaults.', '  '),
    '  # indicators: [cp.plans_open_at_year_end, lado.referrals, cdop.deaths_notified, training.participants]',
    '',
    ...comment('How the report is numbered and laid out on the page (all optional; these are the defaults).'),
    '# layout:',
    ...comment('Appendices numbered 1, 2, 3 (numbers) or lettered A, B, C (letters).', '  '),
    '#   appendixNumbering: numbers',
    ...comment('Number the paragraphs of numbered sections, like 3.4.', '  '),
    '#   paragraphNumbers: true',
    ...comment('Start every section on a new page (false lets short sections run on).', '  '),
    '#   newPagePerSection: false',
    ...comment('Recommendations numbered under each objective (per-objective) or straight through (continuous).', '  '),
    '#   recommendationNumbering: per-objective',
    '',
    ...comment(
      'Optional: returns the board does not collect (not reported missing; their figures say why they are not ' +
        'available), and optional returns it does collect, such as the course-level training return.',
    ),
    '# returns:',
    '#   cdop-cases:',
    '#     collected: false',
    '#     reason: Child deaths are reviewed by a regional panel, which reports separately',
    '#   training-courses: collected',
    '',
    ...comment(
      'Optional, for sample and training boards only: figures that are illustrative, not real. The report says ' +
        'so on the cover and beside every table that shows them. Leave it out for a real board.',
    ),
    '# illustrative:',
    '#   note: The training figures are made up for the example.',
    '#   figures: [training.participants]',
    '#   returns: [training-attendance.csv]',
    '',
    ...comment('Optional: the board\'s logo on the cover, a PNG, JPEG or SVG file in this folder (at most 512 KB), with what it says for screen readers.'),
    '# logo:',
    '#   file: images/logo.png',
    '#   alt: The board\'s name as the logo shows it',
    ...comment(
      'Optional: a Markdown file in this folder printed on the inside cover: who publishes the report, its licence, ' +
        'the offer of other formats and the date the board approved it.',
    ),
    '# insideCover: inside-cover.md',
    ...comment('Optional: a back page with the board\'s contact details.'),
    '# backPage:',
    '#   heading: Contact us',
    '#   address: |',
    '#     Town Hall',
    '#     High Street',
    '#   telephone: 01234 567890',
    '#   email: safeguarding@example.org',
    '#   website: https://www.example.org/safeguarding',
    '#   text: This report is available in large print and other languages on request.',
    '',
    ...comment(
      'The report template: default (the tool\'s own layout), or a folder inside this board folder holding your ' +
        'own partials/<section>.hbs files, e.g. template: my-template',
    ),
    'template: default',
    '',
    ...(partnership ? partnershipLines(partner, edition) : boardKindLines()),
    '',
  );
  return lines.join('\n');
}

/** The end of a board's board.yaml: its kind, a commented partnership example, and a commented guidance example. */
function boardKindLines(): string[] {
  return [
    ...comment('board for a local safeguarding children board; partnership for safeguarding partners\' arrangements.'),
    'kind: board',
    ...comment('A partnership names its three safeguarding partners and its relevant agencies:'),
    '# partners:',
    '#   localAuthority: Kirklees Council',
    '#   police: West Yorkshire Police',
    '#   health: West Yorkshire Integrated Care Board',
    '#   relevantAgencies: [Schools in Kirklees, Probation Service]',
    '',
    ...comment(
      'The statutory guidance the report answers to (docs/guidance.md). validate then warns about every ' +
        'requirement of the edition the report does not meet, and the appendix-guidance section prints how the ' +
        'report meets it. Editions: wt2010, wt2013, wt2015 (boards), wt2018, wt2023 (partnerships). Map your own ' +
        'sections to requirement ids, say why a requirement is unmet, or add requirements of your own:',
    ),
    '# guidance:',
    '#   edition: wt2015',
    '#   sections:',
    '#     the-board: [wt2015.publish]',
    '#   unmet:',
    '#     wt2015.recipients: The report went to the council\'s scrutiny committee instead.',
    '#   requirements:',
    '#     - id: local.section-11',
    '#       text: The report summarises the section 11 audit.',
    '#       reference: Board business plan, priority 2',
    '#       confirmed: true',
    '#       source: Board business plan 2013-16',
    '#       evidence:',
    '#         sections: [section-11]',
    '#         returns: [section11]',
    '#         recipients: false',
  ];
}

/**
 * The end of a partnership's board.yaml: its kind, the three safeguarding partners (to write), the relevant
 * agencies, and the guidance edition its yearly report answers to.
 */
function partnershipLines(partner: (what: string) => string, edition: string): string[] {
  return [
    ...comment('board for a local safeguarding children board; partnership for safeguarding partners\' arrangements.'),
    'kind: partnership',
    ...comment(
      'The three safeguarding partners, as named in the published arrangements (Children Act 2004 as amended in ' +
        '2017), and the relevant agencies the arrangements name. Printed in "Our safeguarding arrangements".',
    ),
    'partners:',
    `  localAuthority: ${partner('the local authority, e.g. Kirklees Council')}`,
    `  police: ${partner('the chief officer of police\'s force, e.g. West Yorkshire Police')}`,
    `  health: ${partner('the integrated care board, e.g. West Yorkshire Integrated Care Board')}`,
    ...comment('The relevant agencies, e.g. [Schools and colleges in Kirklees, Kirklees Probation Service]', '  '),
    '  relevantAgencies: []',
    '',
    ...comment(
      'The statutory guidance the yearly report answers to (docs/guidance.md). validate warns about every ' +
        'requirement of the edition the report does not meet, and the appendix-guidance section prints how the ' +
        'report meets it. Editions for a partnership: wt2018, wt2023. Map your own sections to requirement ids, ' +
        'or say why a requirement is unmet:',
    ),
    'guidance:',
    `  edition: ${edition}`,
    '#   sections:',
    `#     our-year: [${edition}.publish]`,
    '#   unmet:',
    `#     ${edition}.recipients: The report went to the national panel only.`,
  ];
}
