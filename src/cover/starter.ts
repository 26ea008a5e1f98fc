/**
 * A starting `cover-paper.yaml` for a new year: every setting present and explained, the words to write
 * marked "To write:" (so `cover` warns until they are replaced), the figures left to the defaults. For
 * `init`, or for a business manager to copy.
 */
import { TO_WRITE_PREFIX } from '../init/placeholders.js';
import { comment, yamlScalar } from '../init/yaml-text.js';
import { parseYear, shiftYear } from '../returns/year.js';
import { DEFAULT_COVER_HEADLINE_IDS } from '../glance/headline.js';
import { DEFAULT_MOVER_COUNT, DEFAULT_MOVER_GROUPS } from './schema.js';

/** Who the starter names; anything not given is left "To write:". */
export interface StarterOptions {
  year: string;
  boardName?: string;
  chair?: string;
  chairTitle?: string;
  businessManager?: string;
}

const toWrite = (what: string) => yamlScalar(`${TO_WRITE_PREFIX} ${what}`);

/** The text of a starting cover-paper.yaml for `options.year`. */
export function starterCoverPaperYaml(options: StarterOptions): string {
  const fy = parseYear(options.year);
  if (!fy) throw new Error(`not a financial year: ${options.year}`);
  const board = options.boardName ?? 'the safeguarding children board';
  // A date in the autumn after the year ends, when annual reports usually go to partner boards.
  const meetingDate = `${fy.startYear + 1}-09-30`;
  const contacts: string[] = [];
  const person = (name: string | undefined, role: string, what: string) => {
    contacts.push(`  - name: ${name ? yamlScalar(name) : toWrite(`the name of the ${what}`)}`, `    role: ${yamlScalar(role)}`);
    if (options.boardName) contacts.push(`    organisation: ${yamlScalar(options.boardName)}`);
    contacts.push('    # email: name@example.gov.uk', "    # phone: '01234 567890'");
  };
  person(options.chair, options.chairTitle ?? 'Independent Chair', 'independent chair');
  person(options.businessManager, 'Business Manager', 'business manager');

  return [
    ...comment(
      `The words of the cover paper that takes the ${options.year} annual report to another board (the health and wellbeing board, say). ` +
        `\`lscb-report cover ${options.year}\` turns this file and the year's figures into a paper, as HTML and PDF.`,
    ),
    '#',
    ...comment(
      'Replace every value that starts with "To write:"; `lscb-report cover` warns about any left. Text settings are Markdown, and ' +
        'purpose, statutoryRequirement and keyIssues may quote figures live: {{value "id"}}, {{previous "id"}} (last year) and ' +
        '{{change "id"}}. `lscb-report indicators --list` lists every id.',
    ),
    '',
    'meeting:',
    `  board: ${toWrite('the board the paper goes to, e.g. Health and Wellbeing Board')}`,
    `  date: ${meetingDate}   # the meeting, as YYYY-MM-DD: change it to the real date`,
    '  # item: 7            # agenda item, if the board numbers them',
    '',
    ...comment(`The report's title. Without this line: "${options.boardName ?? '<board name>'} annual report ${options.year}".`),
    `# title: ${yamlScalar(`${options.boardName ?? 'Safeguarding Children Board'} annual report ${options.year}`)}`,
    '',
    `reportOf: ${options.chair ? yamlScalar(`${options.chair}, ${options.chairTitle ?? 'Independent Chair'}`) : toWrite(`whose report it is, e.g. the independent chair of ${board}`)}`,
    '',
    '# Who can answer questions about the paper: a name and a role each; email and phone are optional.',
    'contacts:',
    ...contacts,
    '',
    '# Why the report comes to this board, in that board\'s own terms (its protocol, its strategy).',
    'purpose: |',
    `  ${TO_WRITE_PREFIX} why the annual report comes to this board, and what the board is asked to use it for.`,
    '',
    '# The statutory duty to publish the report. Leave this out to use the standard wording.',
    '# statutoryRequirement: |',
    '#   ...',
    '',
    '# The key issues: what the report shows, in a few paragraphs, quoting figures live.',
    'keyIssues: |',
    `  ${TO_WRITE_PREFIX} the key issues for the board. For example: {{value "cp.plans_open_at_year_end"}} children`,
    `  had a child protection plan at the end of ${options.year}, against {{previous "cp.plans_open_at_year_end"}} a year before.`,
    '',
    '# The sentence before the list of actions (default "The board may wish to:"), then the list.',
    '# actionsIntro: "The board may wish to:"',
    'actions:',
    `  - ${toWrite('what the board could do with the report, one action per line')}`,
    '',
    '# Whether the paper must be kept from publication: yes or no. A "yes" needs exemptReason saying why.',
    'exempt: no',
    '# exemptReason: ...',
    '',
    '# Papers that go with this one: a title, or a title and a description.',
    'appendices:',
    `  - title: ${yamlScalar(`${options.boardName ?? 'Safeguarding Children Board'} annual report ${options.year}`)}`,
    '',
    `# The headline figures table (default: ${DEFAULT_COVER_HEADLINE_IDS.join(', ')}).`,
    '# headlineFigures:',
    ...DEFAULT_COVER_HEADLINE_IDS.map((id) => `#   - ${id}`),
    '',
    ...comment(
      `The "Better" and "Worse" lists of the figures that moved furthest: how many of each, and which groups of indicators may appear (context figures describe the area, not how well it is served, so they are left out unless added). ` +
        `Last year, for comparison, is ${shiftYear(options.year, -1)}.`,
    ),
    '# movers:',
    `#   count: ${DEFAULT_MOVER_COUNT}`,
    `#   groups: [${DEFAULT_MOVER_GROUPS.join(', ')}]`,
    '',
  ].join('\n');
}
