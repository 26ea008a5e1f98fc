/**
 * Indicator output for the `indicators` and `diff` commands: a terminal table, Markdown, CSV and the
 * stable JSON documented in docs/indicators-json.md. Pure string functions; the commands write them.
 */
import { isIllustrative, type IllustrativeFigures } from './illustrative.js';
import { Chalk, type ChalkInstance } from 'chalk';
import { isSuppressed, NOT_PUBLISHED, suppressionNote, type DisclosureInfo } from '../disclosure/disclose-indicators.js';
import { SUPPRESSED } from '../disclosure/suppress.js';
import { csvDocument, type CsvValue } from '../io/csv-writer.js';
import { oneLine, type Finding } from '../findings.js';
import type { YearComparison } from './diff.js';
import { formatChange, formatIndicatorValue, publishedValue } from './format.js';
import type { Change, ComparatorValue, Direction, IndicatorDef, IndicatorReport, IndicatorRow, IndicatorValue } from './types.js';

/** Output formats of `indicators` and `diff`. */
export const OUTPUT_FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Version of the JSON layout; raised only when a field is removed or its meaning changes. */
export const JSON_SCHEMA_VERSION = 1;

// ---------------------------------------------------------------------------------------------------------
// Plain building blocks

interface Column {
  header: string;
  align?: 'left' | 'right';
}

/** A fixed-width text table; `paint` colours a cell after padding so widths ignore escape codes. */
function textTable(columns: Column[], rows: string[][], paint?: (row: number, col: number, padded: string) => string): string {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const pad = (s: string, i: number) => (columns[i]!.align === 'right' ? s.padStart(widths[i]!) : s.padEnd(widths[i]!));
  const line = (cells: string[], rowIndex: number | null) =>
    cells
      .map((cell, i) => {
        const padded = pad(cell, i);
        return rowIndex !== null && paint ? paint(rowIndex, i, padded) : padded;
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header), null), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r, i) => line(r, i))].join('\n') + '\n';
}

function markdownTable(columns: Column[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const head = `| ${columns.map((c) => esc(c.header)).join(' | ')} |`;
  const rule = `| ${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`;
  return [head, rule, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n') + '\n';
}

/** A CSV document through the one CSV writer (byte-order mark, formulas neutralised). */
function csv(header: string[], rows: CsvValue[][]): string {
  return csvDocument(header, rows);
}

const DIRECTION_TEXT: Record<Direction, string> = {
  improved: 'improved',
  worsened: 'worsened',
  unchanged: 'unchanged',
  not_applicable: '-',
};

function paintDirection(c: ChalkInstance, direction: Direction, text: string): string {
  switch (direction) {
    case 'improved':
      return c.green(text);
    case 'worsened':
      return c.red(text);
    case 'unchanged':
    case 'not_applicable':
      return c.dim(text);
  }
}

/** Numbered notes for reasons, so a table says "not available [1]" once per reason. */
class Notes {
  private readonly reasons: string[] = [];
  ref(reason: string | undefined): string {
    if (!reason) return '';
    let i = this.reasons.indexOf(reason);
    if (i < 0) i = this.reasons.push(reason) - 1;
    return ` [${i + 1}]`;
  }
  text(): string {
    return this.reasons.length ? `\nNotes:\n${this.reasons.map((r, i) => `[${i + 1}] ${r}`).join('\n')}\n` : '';
  }
}

function valueCell(def: IndicatorDef, v: IndicatorValue, notes?: Notes): string {
  const shown = formatIndicatorValue(def, v);
  return v.value === null && notes ? `${shown}${notes.ref(v.reason)}` : shown;
}

/** Change for a table cell: the change, or "-" when it is absent because a value is (the value's note says why). */
function changeCell(def: IndicatorDef, change: Change, a: IndicatorValue, b: IndicatorValue, notes?: Notes): string {
  const numbers = change.absolute ?? change.points;
  if (numbers !== null) return formatChange(def, change);
  if (a.value === null || b.value === null) return '-';
  return notes ? `-${notes.ref(change.reason)}` : '-';
}

// ---------------------------------------------------------------------------------------------------------
// JSON

interface JsonProvenance {
  kind: 'computed' | 'supplied';
  file: string;
  source: string | null;
  /** The period the figure describes when it is not the year it is given for ("mid-2010 estimate"). */
  period: string | null;
}

const jsonProvenance = (v: IndicatorValue): JsonProvenance | null =>
  v.provenance ? { kind: v.provenance.kind, file: v.provenance.file, source: v.provenance.source ?? null, period: v.period ?? null } : null;

function jsonChange(def: IndicatorDef, change: Change) {
  return {
    absolute: change.absolute,
    percent: change.percent,
    points: change.points,
    direction: change.direction,
    display: formatChange(def, change),
    reason: change.reason ?? null,
  };
}

function jsonComparator(c: ComparatorValue) {
  return { comparator: c.comparator, value: c.value, difference: c.difference, source: c.source, period: c.period ?? null };
}

/** A value as the published files show it: "[c]" when withheld by disclosure control. */
function displayValue(def: IndicatorDef, v: IndicatorValue): string {
  return isSuppressed(v) ? SUPPRESSED : formatIndicatorValue(def, v);
}

/** A change as the published files show it: "not published" when it would give away a suppressed value. */
function displayChange(row: IndicatorRow): string {
  return isSuppressed(row.current) || isSuppressed(row.previous) ? NOT_PUBLISHED : formatChange(row.def, row.change);
}

/**
 * One indicator of `indicators --format json` (key order is part of the contract). With `disclosed`, as
 * in the files a build publishes, each value also says whether it was suppressed.
 */
function jsonIndicatorRow(row: IndicatorRow, disclosed: boolean) {
  const { def } = row;
  const suppressed = (v: IndicatorValue) => (disclosed ? { suppressed: isSuppressed(v) } : {});
  return {
    id: def.id,
    title: def.title,
    unit: def.unit,
    polarity: def.polarity,
    breakdownOf: def.breakdownOf ?? null,
    // Present only for the board's own indicators (declared in its indicators.yaml).
    ...(def.owner === 'board' ? { definedBy: 'board' as const, supplier: def.supplier ?? null } : {}),
    value: publishedValue(def, row.current),
    ...suppressed(row.current),
    display: displayValue(def, row.current),
    previous: {
      year: row.previousYear,
      value: publishedValue(def, row.previous),
      ...suppressed(row.previous),
      display: displayValue(def, row.previous),
      reason: row.previous.value === null ? (row.previous.reason ?? null) : null,
      period: row.previous.period ?? null,
    },
    change: { ...jsonChange(def, row.change), display: displayChange(row) },
    provenance: jsonProvenance(row.current),
    reason: row.current.value === null ? (row.current.reason ?? null) : null,
    comparators: row.comparators.map(jsonComparator),
  };
}

/** Options for the indicator files a build publishes. */
export interface PublishedFileOptions {
  /** What the disclosure stage did; adds the edition and a `suppressed` flag to every value. */
  disclosure?: DisclosureInfo | null;
  /** Figures the board declares illustrative: listed in the JSON (`illustrative`) with the board's note. */
  illustrative?: IllustrativeFigures | null;
}

function jsonDisclosure(d: DisclosureInfo) {
  return {
    edition: d.edition,
    disclosure: {
      threshold: d.threshold,
      suppressedValues: d.primary + d.secondary,
      symbol: SUPPRESSED,
      note: d.threshold > 0 ? suppressionNote(d.threshold) : null,
    },
  };
}

function jsonFinding(f: Finding) {
  return { code: f.code, severity: f.severity, file: f.file, row: f.row ?? null, column: f.column ?? null, value: f.value ?? null, message: oneLine(f.message), hint: f.hint === undefined ? null : oneLine(f.hint) };
}

/** The `indicators --format json` document; with `options.disclosure`, the published indicators file. */
export function indicatorsJson(report: IndicatorReport, rows: readonly IndicatorRow[], generatedBy: string, options: PublishedFileOptions = {}): string {
  const disclosure = options.disclosure ?? null;
  return `${JSON.stringify(
    {
      schemaVersion: JSON_SCHEMA_VERSION,
      year: report.year,
      previousYear: rows[0]?.previousYear ?? null,
      generatedBy,
      ...(disclosure ? jsonDisclosure(disclosure) : {}),
      ...(options.illustrative
        ? {
            illustrative: {
              note: options.illustrative.note,
              indicators: rows.filter((r) => isIllustrative(options.illustrative!, r.def.id)).map((r) => r.def.id),
              returns: options.illustrative.returns,
            },
          }
        : {}),
      indicators: rows.map((r) => jsonIndicatorRow(r, disclosure !== null)),
      findings: report.findings.map(jsonFinding),
    },
    null,
    2,
  )}\n`;
}

/** The `diff --format json` document. */
export function diffJson(comparison: YearComparison, generatedBy: string, findings: readonly Finding[]): string {
  const side = (def: IndicatorDef, v: IndicatorValue) => ({
    year: v.year,
    value: publishedValue(def, v),
    display: formatIndicatorValue(def, v),
    provenance: jsonProvenance(v),
    reason: v.value === null ? (v.reason ?? null) : null,
  });
  return `${JSON.stringify(
    {
      schemaVersion: JSON_SCHEMA_VERSION,
      yearA: comparison.yearA,
      yearB: comparison.yearB,
      consecutive: comparison.consecutive,
      generatedBy,
      indicators: comparison.rows.map((r) => ({
        id: r.def.id,
        title: r.def.title,
        unit: r.def.unit,
        polarity: r.def.polarity,
        breakdownOf: r.def.breakdownOf ?? null,
        a: side(r.def, r.a),
        b: side(r.def, r.b),
        change: jsonChange(r.def, r.change),
      })),
      findings: findings.map(jsonFinding),
    },
    null,
    2,
  )}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// indicators <year>

const provenanceText = (v: IndicatorValue) => v.provenance?.kind ?? '';

/** `indicators` as a terminal table, with numbered notes for figures that are not available. */
export function indicatorsTable(report: IndicatorReport, rows: readonly IndicatorRow[], colour: boolean): string {
  const c = new Chalk({ level: colour ? 1 : 0 });
  const notes = new Notes();
  const previousYear = rows[0]?.previousYear ?? '';
  const columns: Column[] = [
    { header: 'Indicator' },
    { header: report.year, align: 'right' },
    { header: previousYear, align: 'right' },
    { header: 'Change' },
    { header: 'Direction' },
    { header: 'Source' },
  ];
  const cells = rows.map((r) => [
    r.def.id,
    valueCell(r.def, r.current, notes),
    valueCell(r.def, r.previous, notes),
    changeCell(r.def, r.change, r.previous, r.current, notes),
    DIRECTION_TEXT[r.change.direction],
    provenanceText(r.current),
  ]);
  const table = textTable(columns, cells, (i, col, padded) => {
    const row = rows[i]!;
    if (col === 4) return paintDirection(c, row.change.direction, padded);
    if ((col === 1 && row.current.value === null) || (col === 2 && row.previous.value === null)) return c.dim(padded);
    return padded;
  });
  const heading = c.bold(`Indicators for ${report.year}, with ${previousYear} and the change`);
  return `${heading}\n\n${table}${notes.text()}`;
}

/** `indicators` as a Markdown table (with titles), notes below. */
export function indicatorsMarkdown(report: IndicatorReport, rows: readonly IndicatorRow[]): string {
  const notes = new Notes();
  const previousYear = rows[0]?.previousYear ?? '';
  const columns: Column[] = [
    { header: 'Indicator' },
    { header: 'Title' },
    { header: report.year, align: 'right' },
    { header: previousYear, align: 'right' },
    { header: 'Change' },
    { header: 'Direction' },
    { header: 'Source' },
  ];
  const cells = rows.map((r) => [
    `\`${r.def.id}\``,
    r.def.title,
    valueCell(r.def, r.current, notes),
    valueCell(r.def, r.previous, notes),
    changeCell(r.def, r.change, r.previous, r.current, notes),
    DIRECTION_TEXT[r.change.direction],
    provenanceText(r.current),
  ]);
  return `## Indicators for ${report.year}\n\n${markdownTable(columns, cells)}${notes.text()}`;
}

/**
 * `indicators` as CSV: one row per indicator, published values and the change. With `options.disclosure`
 * (the published indicators file), two more columns say whether each value was suppressed.
 */
export function indicatorsCsv(rows: readonly IndicatorRow[], options: PublishedFileOptions = {}): string {
  const disclosed = Boolean(options.disclosure);
  const yesNo = (v: IndicatorValue) => (isSuppressed(v) ? 'yes' : 'no');
  return csv(
    [
      'id', 'title', 'unit', 'polarity', 'year', 'value', 'display', 'previous_year', 'previous_value', 'previous_display',
      'change_absolute', 'change_percent', 'change_points', 'direction', 'change_display', 'provenance', 'file', 'source', 'reason',
      ...(disclosed ? ['suppressed', 'previous_suppressed'] : []),
    ],
    rows.map((r) => [
      r.def.id,
      r.def.title,
      r.def.unit,
      r.def.polarity,
      r.year,
      publishedValue(r.def, r.current),
      displayValue(r.def, r.current),
      r.previousYear,
      publishedValue(r.def, r.previous),
      displayValue(r.def, r.previous),
      r.change.absolute,
      r.change.percent,
      r.change.points,
      r.change.direction,
      displayChange(r),
      r.current.provenance?.kind,
      r.current.provenance?.file,
      r.current.provenance?.source,
      r.current.value === null ? r.current.reason : '',
      ...(disclosed ? [yesNo(r.current), yesNo(r.previous)] : []),
    ]),
  );
}

// ---------------------------------------------------------------------------------------------------------
// diff <yearA> <yearB>

function diffNote(comparison: YearComparison): string {
  return comparison.consecutive
    ? ''
    : `Change is only given between consecutive years; ${comparison.yearA} and ${comparison.yearB} are not, so both values are shown without a change.\n`;
}

/** `diff` as a terminal table. */
export function diffTable(comparison: YearComparison, colour: boolean): string {
  const c = new Chalk({ level: colour ? 1 : 0 });
  const notes = new Notes();
  const columns: Column[] = [
    { header: 'Indicator' },
    { header: comparison.yearA, align: 'right' },
    { header: comparison.yearB, align: 'right' },
    { header: 'Change' },
    { header: 'Direction' },
  ];
  const cells = comparison.rows.map((r) => [
    r.def.id,
    valueCell(r.def, r.a, notes),
    valueCell(r.def, r.b, notes),
    comparison.consecutive ? changeCell(r.def, r.change, r.a, r.b, notes) : '-',
    DIRECTION_TEXT[r.change.direction],
  ]);
  const table = cells.length
    ? textTable(columns, cells, (i, col, padded) => {
        const row = comparison.rows[i]!;
        if (col === 4) return paintDirection(c, row.change.direction, padded);
        if ((col === 1 && row.a.value === null) || (col === 2 && row.b.value === null)) return c.dim(padded);
        return padded;
      })
    : 'No indicator changed.\n';
  const heading = c.bold(`Indicators: ${comparison.yearA} and ${comparison.yearB}`);
  return `${heading}\n${diffNote(comparison)}\n${table}${notes.text()}`;
}

/** `diff` as Markdown. */
export function diffMarkdown(comparison: YearComparison): string {
  const notes = new Notes();
  const columns: Column[] = [
    { header: 'Indicator' },
    { header: 'Title' },
    { header: comparison.yearA, align: 'right' },
    { header: comparison.yearB, align: 'right' },
    { header: 'Change' },
    { header: 'Direction' },
  ];
  const cells = comparison.rows.map((r) => [
    `\`${r.def.id}\``,
    r.def.title,
    valueCell(r.def, r.a, notes),
    valueCell(r.def, r.b, notes),
    comparison.consecutive ? changeCell(r.def, r.change, r.a, r.b, notes) : '-',
    DIRECTION_TEXT[r.change.direction],
  ]);
  const note = diffNote(comparison);
  return `## Indicators: ${comparison.yearA} and ${comparison.yearB}\n\n${note ? `${note}\n` : ''}${markdownTable(columns, cells)}${notes.text()}`;
}

/** `diff` as CSV. */
export function diffCsv(comparison: YearComparison): string {
  return csv(
    [
      'id', 'title', 'unit', 'polarity', 'year_a', 'value_a', 'display_a', 'year_b', 'value_b', 'display_b',
      'change_absolute', 'change_percent', 'change_points', 'direction', 'change_display', 'reason_a', 'reason_b',
    ],
    comparison.rows.map((r) => [
      r.def.id,
      r.def.title,
      r.def.unit,
      r.def.polarity,
      r.a.year,
      publishedValue(r.def, r.a),
      formatIndicatorValue(r.def, r.a),
      r.b.year,
      publishedValue(r.def, r.b),
      formatIndicatorValue(r.def, r.b),
      r.change.absolute,
      r.change.percent,
      r.change.points,
      r.change.direction,
      formatChange(r.def, r.change),
      r.a.value === null ? r.a.reason : '',
      r.b.value === null ? r.b.reason : '',
    ]),
  );
}

// ---------------------------------------------------------------------------------------------------------
// indicators --list

const POLARITY_TEXT = { higher_is_better: 'higher is better', lower_is_better: 'lower is better', neither: 'neither' } as const;
const UNIT_TEXT = { count: 'count', percent: 'percentage', rate_per_10k: 'rate per 10,000', money: 'money (£)', days: 'days', ratio: 'ratio' } as const;

/** The catalogue in any output format. */
export function catalogueOutput(defs: readonly IndicatorDef[], format: OutputFormat, colour: boolean): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(
        {
          schemaVersion: JSON_SCHEMA_VERSION,
          indicators: defs.map((d) => ({
            id: d.id,
            title: d.title,
            unit: d.unit,
            decimals: d.decimals,
            polarity: d.polarity,
            definition: d.definition,
            numerator: d.numerator ?? null,
            denominator: d.denominator ?? null,
            source: d.source,
            breakdownOf: d.breakdownOf ?? null,
            ...(d.owner === 'board' ? { definedBy: 'board' as const, supplier: d.supplier ?? null } : {}),
          })),
        },
        null,
        2,
      )}\n`;
    case 'csv':
      return csv(
        ['id', 'title', 'unit', 'decimals', 'polarity', 'definition', 'numerator', 'denominator', 'source', 'breakdown_of'],
        defs.map((d) => [d.id, d.title, d.unit, d.decimals, d.polarity, d.definition, d.numerator, d.denominator, d.source, d.breakdownOf]),
      );
    case 'markdown':
      return `## Indicator catalogue\n\n${markdownTable(
        [{ header: 'Id' }, { header: 'Title' }, { header: 'Unit' }, { header: 'Polarity' }, { header: 'Definition' }, { header: 'Source' }],
        defs.map((d) => [d.owner === 'board' ? `\`${d.id}\` (board's own)` : `\`${d.id}\``, d.title, UNIT_TEXT[d.unit], POLARITY_TEXT[d.polarity], d.definition, d.source]),
      )}`;
    case 'table': {
      const c = new Chalk({ level: colour ? 1 : 0 });
      return `${c.bold(`${defs.length} indicators`)}\n\n${textTable(
        [{ header: 'Id' }, { header: 'Unit' }, { header: 'Polarity' }, { header: 'Source' }, { header: 'Title' }],
        defs.map((d) => [d.owner === 'board' ? `${d.id} (board's own)` : d.id, UNIT_TEXT[d.unit], POLARITY_TEXT[d.polarity], d.source, d.title]),
      )}\nRun with --format markdown or json for each indicator's definition.\n`;
    }
  }
}
