/**
 * The companion guide written into a new year folder (`<year>/README.md`): how to fill in each return,
 * generated from the return definitions so it always says exactly what `validate` accepts.
 */
import { KNOWN_SECTIONS } from '../config/sections.js';
import type { BodyKind } from '../guidance/catalogue.js';
import {
  COMPARATOR_COLUMNS,
  OTHER_FILES,
  PUBLISHED_FIGURES_COLUMNS,
  returnsFor,
  type ColumnDef,
  type ReturnDef,
} from '../returns/definitions.js';
import { csvLine } from '../io/csv-writer.js';
import { parseYear, shiftYear } from '../returns/year.js';
import { RETURN_SUPPLIERS } from './return-suppliers.js';

const TYPE_WORDS: Record<ColumnDef['type'], string> = {
  ref: 'reference: letters, digits, - _ / . (at most 40); never a name',
  date: 'date: YYYY-MM-DD or DD/MM/YYYY',
  count: 'whole number, 0 or more',
  money: 'pounds, 0 or more, at most 2 decimal places (£ and commas allowed)',
  number: 'number (percentages as numbers; a trailing % is accepted and ignored)',
  enum: 'one of the allowed values below',
  yesno: 'yes or no (y, n and x also accepted)',
  text: 'text',
  indicator: 'indicator id (`lscb-report indicators --list`)',
};

/** Escape text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function typeWords(col: ColumnDef): string {
  const words = TYPE_WORDS[col.type];
  return col.blankMeans === 'no' ? `${words}; blank means no` : words;
}

function sectionTitles(def: ReturnDef): string {
  return def.sections.map((id) => KNOWN_SECTIONS.find((s) => s.id === id)?.title ?? id).join(', ');
}

/** `date` moved by `years` whole years (29 February becomes the 28th in a year that has none). */
function shiftDate(y: number, m: number, d: number, years: number): [number, number, number] {
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [year, m, m === 2 && d === 29 && !leap ? 28 : d];
}

/**
 * An example value moved `years` years on: ISO and UK dates and financial-year labels inside it. The
 * definitions' examples are written for one year; the guide shows them for the year it is made for, so a
 * pasted example row is dated inside that year.
 */
export function shiftExample(value: string, years: number): string {
  if (years === 0) return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return value
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_, y: string, m: string, d: string) => {
      const [ny, nm, nd] = shiftDate(Number(y), Number(m), Number(d), years);
      return `${ny}-${pad(nm)}-${pad(nd)}`;
    })
    .replace(/\b(\d{2})\/(\d{2})\/(\d{4})\b/g, (_, d: string, m: string, y: string) => {
      const [ny, nm, nd] = shiftDate(Number(y), Number(m), Number(d), years);
      return `${pad(nd)}/${pad(nm)}/${ny}`;
    })
    .replace(/\b(\d{4})-(\d{2})\b(?!-)/g, (label: string) => (parseYear(label) ? shiftYear(label, years) : label));
}

/**
 * How many years the examples of `columns` must move to fall in `year`: they are written for the
 * financial year of their first date (2012-13 when they have none).
 */
function exampleOffset(columns: readonly ColumnDef[], year: string): number {
  const target = parseYear(year)!.startYear;
  const first = columns.find((c) => c.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(c.example))?.example;
  if (!first) return target - 2012;
  const [y, m] = first.split('-').map(Number) as [number, number];
  return target - (m >= 4 ? y : y - 1);
}

/** The columns of a file as a Markdown table, its allowed values and one example row, dated in `year`. */
function columnsBlock(columns: readonly ColumnDef[], year: string): string[] {
  const offset = exampleOffset(columns, year);
  const lines = [
    '| column | required | what to write | meaning |',
    '|---|---|---|---|',
    ...columns.map(
      (c) => `| ${cell(c.header)} | ${c.required ? 'yes' : 'no'} | ${cell(typeWords(c))} | ${cell(c.description)} |`,
    ),
    '',
  ];
  for (const c of columns) {
    if (c.type !== 'enum' || !c.values) continue;
    lines.push(`Allowed values for **${c.header}** (write the code or the label):`, '');
    for (const v of c.values) lines.push(`- \`${v.code}\`: ${v.label}`);
    lines.push('');
  }
  lines.push(
    'An example row, under the header row:',
    '',
    '```csv',
    csvLine(columns.map((c) => c.header)),
    csvLine(columns.map((c) => shiftExample(c.example, offset))),
    '```',
    '',
  );
  return lines;
}

/** The Markdown of `<year>/README.md`. */
export function yearGuide(year: string, kind: BodyKind = 'board'): string {
  const fy = parseYear(year);
  if (!fy) throw new Error(`not a financial year: ${year}`);
  const lines: string[] = [
    `# Returns for ${year}: what to collect and how to fill it in`,
    '',
    `This folder holds the ${kind === 'partnership' ? 'partnership' : 'board'}'s data for the financial year ${year} (1 April to 31 March). It was made by`,
    '`lscb-report init`, with a blank template for every return: a CSV file that has its header row and nothing',
    'else. Send each agency its template, put the completed file back here under the same name, and run',
    '',
    '```sh',
    `lscb-report validate ${year} --data <board folder>`,
    '```',
    '',
    'to see what is still to collect and what needs correcting. Every finding names the file, the row and the',
    'column, as a spreadsheet shows them.',
    '',
    '## Rules for every return',
    '',
    '- Keep the header row exactly as it is (row 1). Columns may be in any order; other columns are ignored, with a warning.',
    '- One row per record, as each return says below. Leave no blank rows in the middle.',
    '- Save as **CSV UTF-8 (Comma delimited)**, not as an Excel workbook.',
    `- Dates are written ${fy.startYear}-06-30 or 30/06/${fy.startYear}, and fall inside ${year} unless the column says otherwise.`,
    '- **No personal data.** Never a name, date of birth, address or case-system number of a child or of the',
    '  person an allegation is about: case-level returns carry pseudonymous references only (like CP-0042).',
    '  `validate` refuses a return with a column that looks like personal data.',
    '- A return left with its header row only, or deleted, is shown in the report as **not available**, never as 0',
    '  (`validate` lists it as still to collect). Where a return does not apply, or an agency cannot supply it,',
    "  say why in the section's narrative.",
    '',
    '## The returns',
    '',
    '| file | return | one row per | collect it from |',
    '|---|---|---|---|',
    ...returnsFor(kind).map((d) => `| [${d.file}](#${d.id.toLowerCase()}) | ${cell(d.title)} | ${cell(d.grain.replace(/^one row per /, ''))} | ${cell(RETURN_SUPPLIERS[d.id])} |`),
    '',
  ];
  for (const def of returnsFor(kind)) {
    lines.push(
      `<a id="${def.id.toLowerCase()}"></a>`,
      '',
      `### ${def.title}: \`${def.file}\``,
      '',
      `One row per ${def.grain.replace(/^one row per /, '')}. Collect it from ${RETURN_SUPPLIERS[def.id]}. It feeds the report sections: ${sectionTitles(def)}.` +
        (def.caseLevel ? ' This is a case-level return: pseudonymous references only.' : ''),
      '',
      ...columnsBlock(def.columns, year),
    );
  }
  if (kind === 'board') {
    lines.push(
      `## Recommendations: \`${OTHER_FILES.recommendations}\``,
      '',
      "The year's recommendations, grouped under the board's strategic objectives. The file explains itself in",
      'its comments and has a complete example; replace the placeholder objective with your own.',
      '',
    );
  }
  lines.push(
    `## Narrative: \`${OTHER_FILES.narrativeDir}/<section>.md\``,
    '',
    "One Markdown file per report section, named after the section's id in `board.yaml`. Each starts as a note",
    'saying what statutory guidance expects the section to show; replace the note (and delete the',
    '`<!-- lscb-report: placeholder ... -->` line above it) with the board\'s own words. Each paragraph becomes a',
    'numbered paragraph of the report. Write `## Heading` for a sub-heading and `- item` for a list.',
    '',
    'Quote figures as **live figures**, so the text always agrees with the tables:',
    '`{{value "cp.plans_open_at_year_end"}}` prints this year\'s figure, `{{previous "cp.plans_open_at_year_end"}}`',
    'last year\'s and `{{change "cp.plans_open_at_year_end"}}` the change between them. `lscb-report indicators',
    '--list` lists every figure id.',
    '',
    '## Figures for earlier years and for comparison (board folder, `aggregates/`)',
    '',
    'These two files sit in the board folder, not in a year folder, and hold one row per figure for any year.',
    'Fill in last year\'s published figures so the report can show the change from last year, and England,',
    'regional and statistical-neighbour figures so it can compare the area with them.',
    '',
    `### Published figures: \`${OTHER_FILES.publishedFigures}\``,
    '',
    ...columnsBlock(PUBLISHED_FIGURES_COLUMNS, year),
    `### Comparators: \`${OTHER_FILES.comparators}\``,
    '',
    ...columnsBlock(COMPARATOR_COLUMNS, year),
  );
  return `${lines.join('\n').trimEnd()}\n`;
}
