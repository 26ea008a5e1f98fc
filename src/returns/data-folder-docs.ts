/**
 * The reference part of docs/data-folder.md, generated from the definitions the tool itself uses (returns
 * and their columns, board.yaml's schema, recommendations.yaml's schema, the checks and the finding codes),
 * so the guide cannot drift from what `validate` accepts. The hand-written part of the guide sits above
 * the markers; `updateDataFolderDocs` replaces what lies between them.
 */
import { z } from 'zod';
import { boardConfigSchema } from '../config/board-config.js';
import { KNOWN_SECTIONS, knownSection } from '../config/sections.js';
import { CHECKS } from '../validate/checks/index.js';
import { FINDING_CODES } from '../validate/checks/finding-codes.js';
import {
  COMPARATOR_COLUMNS,
  OTHER_FILES,
  PUBLISHED_FIGURES_COLUMNS,
  RETURNS,
  type ColumnDef,
  type ColumnType,
} from './definitions.js';
import { csvLine } from '../io/csv-writer.js';
import { recommendationsSchema } from './schemas.js';

/** The markers around the generated part of docs/data-folder.md. */
export const GENERATED_START = '<!-- BEGIN GENERATED REFERENCE: do not edit by hand; see src/returns/data-folder-docs.ts -->';
export const GENERATED_END = '<!-- END GENERATED REFERENCE -->';

/** What each setting of board.yaml means, by path (`[]` marks a list entry, `<year>` a year key). */
export const BOARD_SETTING_DOCS: Record<string, string> = {
  board: 'Who the board is. Printed on the cover, in the essential information and in the PDF metadata.',
  'board.name': 'The board\'s full name, as on the report cover (e.g. "Calderdale Safeguarding Children Board").',
  'board.shortName': 'The usual abbreviation (e.g. "CSCB"), used in running headers where space is short.',
  'board.area': 'The local authority area the board covers.',
  'board.chair': 'Name of the chair, who signs the foreword and is the PDF\'s author.',
  'board.chairTitle': 'The chair\'s title as printed under the foreword.',
  'board.businessManager': 'Name of the board business manager, given as the contact for the report.',
  'board.contactEmail': 'E-mail address for enquiries about the report. Use a team mailbox rather than a person\'s own address.',
  'board.website': 'The board\'s website (a full address starting https://).',
  'board.subgroups': 'The board\'s sub-groups and panels, for the section on the board\'s structure.',
  'board.subgroups[].name': 'Name of the sub-group.',
  'board.subgroups[].purpose': 'One sentence on what it does.',
  publication: 'How and when the report is published.',
  'publication.language': 'Language of the report as a language tag; sets the language of the HTML and the PDF for screen readers.',
  'publication.years': 'Details of each year\'s report, keyed by the year in quotes, e.g. `"2012-13":`.',
  'publication.years.<year>': 'One year\'s publication details.',
  'publication.years.<year>.publishedDate': 'Date the report was (or will be) published. It is also the date stamped in the PDF, so rebuilding the report gives an identical file.',
  'publication.years.<year>.presentedDate': 'Date the report was presented to the board.',
  'publication.years.<year>.presentedTo': 'Who the report was presented and sent to, in words.',
  'publication.years.<year>.sentTo': 'The recipients the guidance edition names that the report was sent to, by id (e.g. `[chief-executive, council-leader, police-crime-commissioner, hwb-chair]`; see docs/guidance.md). The guidance check and the cover paper use it.',
  sections:
    'The report\'s sections in the order they appear. Each entry is a section id (see the table of known sections below), or `id` and `title` to print it under the board\'s own title. Only the sections listed appear.',
  'sections[].id': 'The section id (letters, digits, `-` and `_`): it names the narrative file `<year>/narrative/<id>.md`. Listing an id twice, or two ids that differ only in case or in `_` against `-`, is an error.',
  'sections[].title': 'The title to print instead of the default one. Giving a title to an id the tool does not know declares a section of the board\'s own (no `unknown-section` warning).',
  'sections[].numbered': 'Whether the section has a number in the contents and numbered paragraphs (default `true`; a foreword is usually `false`, so the first numbered section is 1).',
  'sections[].appendix': 'Whether the section is laid out as an appendix, numbered apart from the main sections (default: the built-in section\'s setting, or `true` for an id starting `appendix`). An appendix keeps all its tables and charts.',
  'sections[].guidance': 'For a board\'s own section: what statutory guidance expects it to show (a note for the authors).',
  returns: 'Returns the board does not collect, by name (the file name without `.csv`): `cdop-cases: not-collected`, or `{ collected: false, reason: … }` to say why. Such a return is not reported missing; every figure that needs it is not available, saying the board does not collect it (and why). A totals file counts as the return it stands in for.',
  'returns.<year>': 'A return name (the key: `cdop-cases`, `training-events`, …) and `not-collected`, `collected`, or `{ collected, reason }`.',
  layout: 'How the report\'s parts are numbered and laid out on the page.',
  'layout.appendixNumbering': '`numbers` (Appendix 1, 2, 3; the default) or `letters` (Appendix A, B, C).',
  'layout.paragraphNumbers': 'Whether the paragraphs of numbered sections are numbered ("3.4"; default `true`).',
  'layout.newPagePerSection': 'Whether every section starts on a new page of the PDF (default `false`: a short section runs on after the one before; appendices always start a new page).',
  'layout.recommendationNumbering': '`per-objective` (1, 2, … under each strategic objective; the default) or `continuous` (one run of numbers through the whole section).',
  glance: 'The "year at a glance" page printed after the contents: the headline figures with last year, the change and whether it is better or worse.',
  'glance.enabled': 'Whether the report starts with the year-at-a-glance page (default `true`).',
  'glance.indicators': 'Indicator ids to show on it, in order (default: the child protection, LADO, child death, training and finance headlines).',
  logo: 'Optional. A logo printed on the cover, embedded in the HTML and PDF (never fetched).',
  'logo.file': 'A PNG, JPEG or SVG file in the board folder, at most 512 KB, e.g. `images/logo.png`. A missing file (`matter-file-missing`), one that is not an image (`logo-not-image`) or too large (`logo-too-large`) is an error.',
  'logo.alt': 'Required with a logo: what it says or shows, read out by screen readers (e.g. the board\'s name).',
  insideCover: 'Optional. A Markdown file in the board folder printed on the inside cover, the page after the cover: publisher, licence, the offer of other formats, the date the board approved the report. A missing file is `matter-file-missing`.',
  backPage: 'Optional. The back page: how to contact the board, printed on a page of its own at the end.',
  'backPage.heading': 'The back page\'s heading (default "Contact us").',
  'backPage.address': 'The postal address; write each line on its own line (a YAML block, `address: |`).',
  'backPage.telephone': 'The telephone number, as it is to be printed.',
  'backPage.email': 'The board\'s e-mail address (printed as a link).',
  'backPage.website': 'The board\'s web address, `http` or `https` (printed as a link).',
  'backPage.text': 'A short paragraph (Markdown) under the contact details, e.g. the offer of the report in other formats or languages.',
  disclosure: 'Disclosure control: hiding small counts in the published edition so no child can be identified.',
  illustrative: 'Optional. Declares figures that are illustrative rather than real (for a sample or training board): the report says so on the cover, in the source line of each table and chart showing them, and in the indicators JSON.',
  'illustrative.note': 'Why the figures are illustrative, printed on the cover.',
  'illustrative.figures': 'Indicator ids whose values are illustrative, or a family ending in `.*` (`cp.category.*`).',
  'illustrative.returns': 'Return files whose figures are all illustrative, such as `training-attendance.csv`.',
  'disclosure.suppress': 'Whether to suppress small counts in the published edition. Keep `true` unless the board has decided otherwise with its information governance lead.',
  'disclosure.threshold': 'Counts from 1 up to this number are printed as `[c]`, with any further cells that would let them be worked out; 0 suppresses nothing.',
  'disclosure.publicMeasures': 'Context measures that count children but which the board declares public (for example `looked_after_children`, which the local authority publishes anyway): never suppressed. Other context counts of children are suppressed like the returns\' counts.',
  kind: '`board` (a local safeguarding children board; the default) or `partnership` (the safeguarding partners\' multi-agency arrangements, which publish a yearly report and collect the practice-reviews return).',
  partners: 'For a partnership: the three safeguarding partners and the relevant agencies named in its published arrangements.',
  'partners.localAuthority': 'The local authority, as it is to be printed.',
  'partners.police': 'The chief officer of police (the police force), as it is to be printed.',
  'partners.health': 'The health partner (the integrated care board, formerly the clinical commissioning group), as it is to be printed.',
  'partners.relevantAgencies': 'The relevant agencies the arrangements name, as they are to be printed.',
  guidance: 'The statutory guidance the report answers to; `validate` warns about each requirement it does not meet (see docs/guidance.md).',
  'guidance.edition': 'Edition id from the catalogue in templates/guidance/: `wt2010`, `wt2013`, `wt2015` (boards) or `wt2018`, `wt2023` (partnerships). An unknown id, or one for the other kind of body, is an error.',
  'guidance.sections': 'The board\'s own mapping: a section id, then the requirement ids it meets (added to the catalogue\'s evidence). A requirement id that does not exist is an error.',
  'guidance.sections.<year>': 'A section id (the key) and the list of requirement ids it meets.',
  'guidance.unmet': 'Requirements the report does not meet, by id, with the reason in words; printed in the statement instead of a warning.',
  'guidance.unmet.<year>': 'A requirement id (the key) and why the report does not meet it.',
  'guidance.requirements': 'Requirements of the board\'s own, checked like the edition\'s (same fields as the catalogue).',
  'guidance.requirements[].id': 'Its id: lower-case letters, digits, dots and hyphens, not used by the edition.',
  'guidance.requirements[].text': 'What is required, in short.',
  'guidance.requirements[].reference': 'Where the requirement comes from (document, chapter, paragraph).',
  'guidance.requirements[].source': 'Where the wording (and, when confirmed, the paragraph) was read: the document, named as the edition names its sources.',
  'guidance.requirements[].confirmed': 'Whether the reference has been checked against the source (default `true`).',
  'guidance.requirements[].evidence': 'What shows it is met; every kind given must be satisfied.',
  'guidance.requirements[].evidence.sections': 'Section ids: any one of them in the report with its narrative written.',
  'guidance.requirements[].evidence.returns': 'Return ids (e.g. `finance`, `practiceReviews`): each present with at least one row.',
  'guidance.requirements[].evidence.recipients': '`true` when the report must be recorded as sent (publication.years.<year>.sentTo) to every recipient the edition names.',
  template:
    'Where the report template comes from: `default` uses the built-in template, with any files the board puts in a `templates/` folder of its data folder (`report.css`, `partials/<section-id>.hbs`) used in place of the built-in ones; any other value names such a folder inside the board folder.',
};

/** What each field of recommendations.yaml means. */
export const RECOMMENDATION_FIELD_DOCS: Record<string, string> = {
  objectives: 'The board\'s strategic objectives for the year, in order.',
  'objectives[].number': 'The objective\'s number (1, 2, 3, …).',
  'objectives[].title': 'The objective in a few words.',
  'objectives[].recommendations': 'The recommendations under this objective.',
  'objectives[].recommendations[].text': 'The recommendation, as it is to be printed.',
  'objectives[].recommendations[].paragraphs': 'Paragraph numbers of the report that support it, such as `"7.3"` (in quotes, so 7.10 is not read as 7.1).',
  'objectives[].recommendations[].status': 'Where it stands.',
};

/** How each kind of cell is written, for the column tables. */
const TYPE_WORDS: Record<ColumnType, string> = {
  ref: 'reference',
  date: 'date',
  count: 'whole number',
  money: 'amount (£)',
  number: 'number',
  enum: 'code',
  yesno: 'yes/no',
  text: 'text',
  indicator: 'indicator id',
};

/** Escape text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}


function allowedWords(col: ColumnDef): string {
  switch (col.type) {
    case 'enum':
      return (col.values ?? []).length <= 3
        ? (col.values ?? []).map((v) => `\`${v.code}\``).join(', ')
        : `one of the ${(col.values ?? []).length} codes below`;
    case 'yesno':
      return col.blankMeans === 'no' ? '`yes` or `x`; empty means no' : '`yes` or `no`';
    case 'date':
      return '`2012-06-30` or `30/06/2012`';
    case 'count':
      return '0 or more';
    case 'money':
      return '0 or more, at most 2 decimal places';
    case 'ref':
      return 'letters, digits, `-` `_` `/` `.`; up to 40 characters';
    case 'indicator':
      return 'an id from `lscb-report indicators --list`';
    case 'number':
      return 'any number; a trailing % is ignored';
    case 'text':
      return '';
  }
}

function columnTable(columns: readonly ColumnDef[]): string[] {
  const lines = [
    '| column | type | required | allowed values | example | description |',
    '|---|---|---|---|---|---|',
  ];
  for (const col of columns) {
    const required = col.required ? 'yes' : 'no';
    const description = `${col.description}${col.unique && !/unique/i.test(col.description) ? ' Unique in the file.' : ''}`;
    const example = col.example === '' ? '(empty)' : `\`${col.example}\``;
    const allowed = `${allowedWords(col)}${col.notRecorded ? '; or `not recorded`' : ''}`;
    lines.push(`| ${cell(col.header)} | ${TYPE_WORDS[col.type]} | ${required} | ${cell(allowed)} | ${cell(example)} | ${cell(description)} |`);
  }
  for (const col of columns) {
    if (col.type !== 'enum' || (col.values ?? []).length <= 3) continue;
    lines.push('', `Codes for **${col.header}** (the label is accepted too):`, '', '| code | label |', '|---|---|');
    for (const v of col.values ?? []) lines.push(`| \`${v.code}\` | ${cell(v.label)} |`);
  }
  lines.push('', 'Example:', '', '```csv', csvLine(columns.map((c) => c.header)), csvLine(columns.map((c) => c.example)), '```');
  return lines;
}

/** One row of a settings table, from a JSON schema walk. */
interface SettingRow {
  path: string;
  type: string;
  required: string;
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  enum?: unknown[];
  default?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
};

function leafType(s: JsonSchema): string {
  if (s.enum) return `one of ${s.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  if (s.format === 'email') return 'e-mail address';
  if (s.format === 'uri') return 'web address';
  if (s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return 'date (YYYY-MM-DD)';
  if (s.type === 'boolean') return '`true` or `false`';
  if (s.type === 'integer') {
    const max = s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER ? s.maximum : undefined;
    return max !== undefined ? `whole number, ${s.minimum ?? 0} to ${max}` : `whole number${s.minimum !== undefined ? `, ${s.minimum} or more` : ''}`;
  }
  if (Array.isArray(s.type)) return s.type.map((t) => (t === 'string' ? 'text' : t)).join(' or ');
  if (s.type === 'string') return 'text';
  return s.type ?? 'value';
}

function defaultWords(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : JSON.stringify(value);
  if (typeof value === 'object' && value !== null) return '';
  return `\`${String(value)}\``;
}

function walkSchema(s: JsonSchema, path: string, required: boolean, rows: SettingRow[]): void {
  const def = defaultWords(s.default);
  const req = required && s.default === undefined ? 'yes' : def ? `no (default ${def})` : 'no';
  if (s.properties) {
    if (path) rows.push({ path, type: 'group of settings', required: req });
    for (const [key, child] of Object.entries(s.properties)) {
      walkSchema(child, path ? `${path}.${key}` : key, (s.required ?? []).includes(key), rows);
    }
    return;
  }
  if (s.type === 'array' && s.items) {
    const variants = s.items.anyOf ?? [s.items];
    const objects = variants.filter((v) => v.properties);
    const words = variants.map((v) => (v.properties ? 'groups of settings' : leafType(v))).join(' or ');
    rows.push({ path, type: `list${s.minItems ? ` (at least ${s.minItems})` : ''} of ${words}`, required: req });
    for (const o of objects) {
      for (const [key, child] of Object.entries(o.properties ?? {})) {
        walkSchema(child, `${path}[].${key}`, (o.required ?? []).includes(key), rows);
      }
    }
    return;
  }
  if (typeof s.additionalProperties === 'object' && s.propertyNames) {
    rows.push({ path, type: path.endsWith('years') ? 'one entry per year' : 'one entry per name', required: req });
    walkSchema(s.additionalProperties, `${path}.<year>`, false, rows);
    return;
  }
  rows.push({ path, type: leafType(s), required: req });
}

/** The settings of a YAML file's schema, each with its description; throws if one is undocumented. */
export function settingsTable(schema: z.ZodType, docs: Record<string, string>, fileName: string): string[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const rows: SettingRow[] = [];
  walkSchema(json, '', true, rows);
  const undocumented = rows.filter((r) => docs[r.path] === undefined).map((r) => r.path);
  if (undocumented.length) {
    throw new Error(`${fileName}: setting(s) ${undocumented.join(', ')} have no description in src/returns/data-folder-docs.ts`);
  }
  const lines = ['| setting | type | required | description |', '|---|---|---|---|'];
  for (const r of rows) lines.push(`| \`${r.path}\` | ${cell(r.type)} | ${cell(r.required)} | ${cell(docs[r.path]!)} |`);
  return lines;
}

/** Paths documented in `docs` that the schema no longer has (stale descriptions). */
export function staleSettingDocs(schema: z.ZodType, docs: Record<string, string>): string[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const rows: SettingRow[] = [];
  walkSchema(json, '', true, rows);
  const paths = new Set(rows.map((r) => r.path));
  return Object.keys(docs).filter((p) => !paths.has(p));
}

function sectionTitles(ids: string[]): string {
  return ids.map((id) => knownSection(id)?.title ?? id).join(', ');
}

/** The generated reference part of docs/data-folder.md (without the markers). */
export function renderDataFolderDocs(): string {
  const out: string[] = [];
  out.push(
    '## Reference',
    '',
    'Everything from here to the end of this page is generated from the definitions `validate` itself uses, so it is always exact.',
  );

  out.push('', `### \`${OTHER_FILES.boardConfig}\``, '', 'At the root of the board folder. Unknown settings are errors, so a misspelt setting is caught rather than ignored.', '');
  out.push(...settingsTable(boardConfigSchema, BOARD_SETTING_DOCS, OTHER_FILES.boardConfig));
  out.push('', '#### Section ids', '', 'The sections the default template can print, in the order of the reference report. Each has a narrative file `<year>/narrative/<id>.md`.', '');
  out.push('| id | default title | what it should show |', '|---|---|---|');
  for (const s of KNOWN_SECTIONS) out.push(`| \`${s.id}\` | ${cell(s.title)}${s.appendix ? ' (appendix)' : ''} | ${cell(s.guidance)} |`);

  out.push('', '### The year\'s returns', '', 'Each year folder (named like `2012-13`) holds these CSV files. Headers are matched ignoring case and spaces around them; columns may come in any order.');
  for (const def of RETURNS) {
    out.push('', `#### \`<year>/${def.file}\`: ${def.title}`, '');
    out.push(`${def.grain.charAt(0).toUpperCase()}${def.grain.slice(1)}.`);
    out.push(`Report sections that use it: ${sectionTitles(def.sections)}.`);
    if (def.caseLevel) out.push('This is a case-level return: people appear only as pseudonymous references.');
    out.push('');
    out.push(...columnTable(def.columns));
    if (def.totals) {
      const standsIn = (def.alternativeTo ?? []).map((id) => `\`${RETURNS.find((r) => r.id === id)!.file}\``).join(' and ');
      out.push('', `It stands in for ${standsIn} when the board holds only totals: give one or the other. Each row gives one figure (Breakdown) or one part of a breakdown (Breakdown and Code), as a Count or as a Percent of its base. A percentage of a count figure is turned into a count of its base, rounded, and the report says so; a figure that is itself a percentage keeps the precision it was written with. Every indicator the file does not give is "not available", never 0. When the case-level return is given too, the report uses its rows and \`totals-agree\` checks that the two agree.`, '');
      out.push('| Breakdown | what it counts | base | gives |', '|---|---|---|---|');
      for (const x of def.totals.figures) {
        const gives = [x.indicator, x.percentIndicator, x.family ? `${x.family}.<code>` : undefined].filter(Boolean).map((i) => `\`${i}\``).join(', ') || (x.freeCodes ? 'the agency table and chart' : 'the base of a percentage');
        const codes = x.codes ? ` Codes: ${x.codes.map((c) => `\`${c.code}\``).join(', ')}.` : x.freeCodes ? ' Code: the name, in the board\'s own words.' : '';
        out.push(`| \`${x.code}\` | ${cell(x.label)}${x.addsUp ? ' (the parts add up to the base)' : ''}.${codes} | ${x.base ? `\`${x.base}\`` : ''} | ${gives} |`);
      }
    }
  }

  out.push('', `### \`<year>/${OTHER_FILES.recommendations}\``, '', 'The recommendations of the year, grouped by strategic objective. Unknown fields are errors.', '');
  out.push(...settingsTable(recommendationsSchema, RECOMMENDATION_FIELD_DOCS, OTHER_FILES.recommendations));

  out.push('', '### The aggregates folder', '', 'Figures the board does not compute from case-level rows: earlier years\' published figures and comparators. These files apply to every year.');
  out.push('', `#### \`${OTHER_FILES.publishedFigures}\``, '', 'One row per figure already published for a year (for example from last year\'s annual report), with where it was published.', '');
  out.push(...columnTable(PUBLISHED_FIGURES_COLUMNS));
  out.push('', `#### \`${OTHER_FILES.comparators}\``, '', 'One row per comparator figure (England, region or statistical neighbours) for a year and indicator.', '');
  out.push(...columnTable(COMPARATOR_COLUMNS));

  out.push('', '### Checks', '', 'Beyond reading each cell, `validate` runs these business rules:', '', '| check | what it enforces |', '|---|---|');
  for (const check of CHECKS) out.push(`| \`${check.id}\` | ${cell(check.description)} |`);

  out.push('', '### Finding codes', '', 'Every code `validate` can report. Errors stop the report being built; warnings are listed and the build goes on.', '');
  out.push('| code | severity | meaning |', '|---|---|---|');
  for (const f of FINDING_CODES) out.push(`| \`${f.code}\` | ${f.severity} | ${cell(f.meaning)} |`);
  return `${out.join('\n')}\n`;
}

/** Replace the generated part of the guide's text (between the markers) with `generated`. */
export function updateDataFolderDocs(existing: string, generated: string = renderDataFolderDocs()): string {
  const start = existing.indexOf(GENERATED_START);
  const end = existing.indexOf(GENERATED_END);
  if (start === -1 || end === -1 || end < start) {
    throw new Error('docs/data-folder.md has lost its generated-reference markers');
  }
  return `${existing.slice(0, start + GENERATED_START.length)}\n\n${generated.trimEnd()}\n\n${existing.slice(end)}`;
}

/** The generated part currently in the guide's text, or null when the markers are missing. */
export function generatedPartOf(existing: string): string | null {
  const start = existing.indexOf(GENERATED_START);
  const end = existing.indexOf(GENERATED_END);
  if (start === -1 || end === -1 || end < start) return null;
  return existing.slice(start + GENERATED_START.length, end).trim();
}
