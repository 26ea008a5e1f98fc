/**
 * Assemble stage: from the board, the year's returns and its indicators, build the report as plain data:
 * sections in the configured order and titles, numbered paragraphs, tables with every number already
 * formatted, chart specs, and a plain "not available" note wherever a return or figure is missing (never
 * a zero). Nothing here is HTML except the narrative, which the Markdown renderer has made safe; the
 * templates escape everything else.
 */
import { illustrativeOf, isIllustrative, type IllustrativeFigures } from '../indicators/illustrative.js';
import { breakdownMembers, indicatorDef } from '../indicators/catalogue.js';
import { formatChange, formatIndicatorValue, formatNumber, NOT_AVAILABLE } from '../indicators/format.js';
import type { IndicatorDef, IndicatorReport, IndicatorRow, IndicatorValue } from '../indicators/types.js';
import type { BoardData, YearData } from '../load/load-board.js';
import { defaultAppendix, knownSection, sectionAnchor } from '../config/sections.js';
import { guidanceStatement, type GuidanceStatementModel } from '../guidance/statement.js';
import { NOTIFICATION_LIMIT, RAPID_REVIEW_LIMIT, summarisePracticeReviews } from '../guidance/practice-reviews.js';
import { DEFAULT_LAYOUT } from '../config/board-config.js';

export { sectionAnchor } from '../config/sections.js';
import {
  DEFAULT_THRESHOLD,
  discloseIndicators,
  disclosureOf,
  INTERNAL_MARKING,
  isSuppressed,
  NOT_PUBLISHED,
  suppressionNote,
  type DisclosedReport,
  type Edition,
} from '../disclosure/disclose-indicators.js';
import { SUPPRESSED } from '../disclosure/suppress.js';
import {
  COMPARATORS,
  CONTEXT_MEASURES,
  LADO_NATURES,
  OTHER_FILES,
  LADO_OUTCOMES,
  LADO_SOURCES,
  PRACTICE_REVIEW_DECISIONS,
  TRAINING_TYPES,
  TRAINING_DELIVERY,
  RETURNS,
  returnDef,
  type ReturnId,
} from '../returns/definitions.js';
import { financeStatement } from '../returns/finance-statement.js';
import { totalsInUse } from '../indicators/compute.js';
import { entryCount, readTotals } from '../returns/totals.js';
import { collectedReturns, notCollectedPhrase, notCollectedReturns } from '../returns/collection.js';
import { formatPence } from '../returns/money.js';
import type { FinanceRow, RowTypes } from '../returns/schemas.js';
import { parseYear, shiftYear } from '../returns/year.js';
import { VERDICT_WORDS } from '../glance/headline.js';
import { chartCategories, type ChartSpec } from './charts.js';
import { BUILT_IN_TABLES, CHART_TYPES, COMPARATOR_COLUMNS, comparatorChoice, fillTitle, rowOfDeclaration, type ChartDeclaration, type ComparatorChoice, type TableDeclaration } from './figure-declarations.js';
import { liveFiguresFrom, NarrativeError, paragraphAnchor, placeHolder, REFERENCE, renderNarrative, resolveLiveFigures, type RenderedNarrative } from './narrative.js';

/** One cell of a table body or footer. */
export interface TableCell {
  /** Text shown (already formatted); empty for a mark cell that is "no". */
  text: string;
  /** Right-aligned number. */
  numeric: boolean;
  /** A row header (`<th scope="row">`). */
  header: boolean;
  /** A tick-mark cell (shown as ✓ with a text alternative). */
  mark: boolean;
  markYes: boolean;
  /** Text alternative read instead of the mark ("Yes" / "No"); empty for other cells. */
  srText: string;
  /** Indented sub-row label ("of which"). */
  indent: boolean;
  /** Indented twice (a part of a part). */
  indent2: boolean;
}

/** A column header. */
export interface TableColumn {
  text: string;
  numeric: boolean;
  /** A column of tick marks (centred). */
  mark: boolean;
  /** A one-word header (a year, "Total") that should not wrap. */
  nowrap: boolean;
}

/** A table ready to render: caption, scoped headers, formatted cells, totals in the footer. */
export interface TableModel {
  /** HTML id, unique in the report. */
  id: string;
  caption: string;
  available: boolean;
  /** "Not available: …" sentence when the table cannot be shown; empty otherwise. */
  unavailable: string;
  columns: TableColumn[];
  rows: TableCell[][];
  /** Total rows, rendered in `<tfoot>`. */
  totals: TableCell[][];
  /** Notes printed under the table (definitions, reasons a figure is not available, sources). */
  notes: string[];
  /** Small enough that it should never be split across pages. */
  compact: boolean;
  /** "Source: …" line printed under the table: the return or published figures, and the period. */
  source: string;
  /** Placed elsewhere in the narrative, so not printed in its usual place. */
  placed: boolean;
  /** So many columns that a number cell may wrap ("not available" on two lines), keeping room for the row labels. */
  wide?: boolean;
  /** The comparator columns, last of the columns in this order, and the notes each added. */
  comparatorColumns?: { comparator: string; notes: string[] }[];
}

/** A chart: what to draw (for charts.ts) and, after rendering, its figure HTML. */
export interface ChartModel {
  id: string;
  available: boolean;
  unavailable: string;
  spec: ChartSpec;
  /** Printed under the chart, before its source line (a board's caption). */
  notes: string[];
  /** "Source: …" line printed under the chart. */
  source: string;
  /** Placed elsewhere in the narrative, so not printed in its usual place. */
  placed: boolean;
}

/** A paragraph reference in a recommendation, linked when the paragraph exists in this report. */
export interface ParagraphRef {
  ref: string;
  anchor: string;
  linked: boolean;
}

/** The recommendations of the report, by strategic objective. */
export interface RecommendationsModel {
  available: boolean;
  unavailable: string;
  objectives: {
    number: number;
    title: string;
    /** Number of the objective's first recommendation (1, or where the last objective stopped). */
    start: number;
    recommendations: {
      text: string;
      paragraphs: ParagraphRef[];
      hasParagraphs: boolean;
      /** "paragraph" or "paragraphs". */
      paragraphWord: string;
      status: string;
      showStatus: boolean;
    }[];
  }[];
}

/** One section of the report. */
export interface SectionModel {
  id: string;
  /** Id of the heading; contents links and bookmarks point here. */
  anchor: string;
  /** "3", "Appendix 2" or "Appendix B"; empty for an unnumbered section. */
  label: string;
  /** It has a number (a foreword usually has not). */
  numbered: boolean;
  title: string;
  isAppendix: boolean;
  /** Partial that renders it: the section id, or `generic-section` for sections without a partial. */
  partial: string;
  /** Narrative HTML before and after the section's tables and charts. */
  narrative: { html: string; after: string; missing: boolean; paragraphs: string[] };
  tables: Record<string, TableModel>;
  charts: Record<string, ChartModel>;
  /** Figures its narrative places (`<!-- table: key -->`), by `table:key` / `chart:key`. */
  placed: Record<string, { kind: 'table' | 'chart'; table: TableModel | null; chart: ChartModel | null }>;
  recommendations: RecommendationsModel | null;
  /** The statutory guidance statement (the `appendix-guidance` section only). */
  guidance: GuidanceStatementModel | null;
}

/** An entry of the contents page. */
export interface ContentsEntry {
  anchor: string;
  /** "3", "Appendix 2"; empty for an unnumbered section. */
  label: string;
  title: string;
  isAppendix: boolean;
}

/** The whole report as data. */
export interface ReportModel {
  lang: string;
  /** "Calderdale Safeguarding Children Board annual report 2012-13". */
  title: string;
  board: {
    name: string;
    shortName: string;
    area: string;
    chair: string;
    chairTitle: string;
    businessManager: string;
    contactEmail: string;
    website: string;
    /** A partnership's three statutory partners and its relevant agencies (board.yaml `partners`); null for a board. */
    partners: { localAuthority: string; police: string; health: string; relevantAgencies: string[] } | null;
  };
  year: string;
  previousYear: string;
  /** "1 April 2012 to 31 March 2013". */
  period: string;
  /** Date shown on the cover, e.g. "29 August 2013"; empty when there is none. */
  publishedDateText: string;
  /** Running header text for the printed page. */
  runningHeader: string;
  presentedTo: string;
  /** Printed on the cover when the board declares figures illustrative (board.yaml `illustrative`); empty otherwise. */
  illustrativeNote: string;
  contents: ContentsEntry[];
  /** Every section starts a new printed page (board.yaml layout.newPagePerSection). */
  newPageSections: boolean;
  sections: SectionModel[];
  /** Which edition this is, and what disclosure control did to it. */
  edition: EditionModel;
  /** The logo on the cover, the inside cover and the back page (board.yaml); each absent when not set. */
  matter: MatterModel;
}

/** The id of the back page's heading (its contents entry and bookmark point here). */
export const BACK_PAGE_ANCHOR = 'back-page-heading';

/** Front and back matter as the templates show it. */
export interface MatterModel {
  /** The logo as a data URI and its alternative text; null when there is none. */
  logo: { src: string; alt: string } | null;
  /** The inside cover's Markdown as safe HTML; empty when there is none. */
  insideCoverHtml: string;
  /** The back page's contact details; null when board.yaml has no backPage. */
  backPage: { heading: string; addressLines: string[]; telephone: string; email: string; website: string; textHtml: string } | null;
}

/** The edition of the report: what the reader must be told about suppressed figures or internal use. */
/** The marking of a draft report (`build --draft`), on every page. */
export const DRAFT_MARKING = 'DRAFT – NOT FOR PUBLICATION';

export interface EditionModel {
  name: Edition;
  /** The internal edition: unsuppressed figures, marked as not for publication on every page. */
  internal: boolean;
  /** A draft (`build --draft`): placeholder text or unwritten sections allowed, marked DRAFT on every page. */
  draft: boolean;
  /** True when every page carries `marking` (the internal edition, a draft or both). */
  marked: boolean;
  /** "INTERNAL EDITION – NOT FOR PUBLICATION", "DRAFT – NOT FOR PUBLICATION" or both; empty otherwise. */
  marking: string;
  /** The sentence under the marking in the banner; empty when not marked. */
  markingDetail: string;
  /** Counts from 1 to this were suppressed; 0 when none were. */
  threshold: number;
  /** True when at least one figure in the report is shown as [c]. */
  anySuppressed: boolean;
  /** The sentence explaining [c], when anything was suppressed; empty otherwise. */
  symbolNote: string;
}

/** Options for assembling the model. */
export interface ReportModelOptions {
  /** SOURCE_DATE_EPOCH (seconds), used for the shown date only when board.yaml gives no publication date. */
  sourceDateEpoch?: number | null;
  /** Section ids that have a partial (default template or the board's own); others render generically. */
  partials?: ReadonlySet<string>;
  /** A draft: every page is marked DRAFT (see EditionModel.draft). */
  draft?: boolean;
}

/**
 * The indicators as this edition publishes them: as given when they have been through the disclosure
 * stage (the build decides the edition), otherwise the published edition with board.yaml's settings, so
 * that a caller who forgets the stage still gets suppressed figures.
 */
export function disclosedIndicators(board: BoardData, indicators: IndicatorReport): DisclosedReport {
  if (disclosureOf(indicators)) return indicators as DisclosedReport;
  const settings = board.config?.disclosure ?? { suppress: true, threshold: DEFAULT_THRESHOLD };
  return discloseIndicators(indicators, { edition: 'published', threshold: settings.suppress ? settings.threshold : 0, publicMeasures: board.config?.disclosure.publicMeasures });
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2013-08-29" → "29 August 2013". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The ISO date shown as the publication date: board.yaml's, else SOURCE_DATE_EPOCH's, else none. */
export function publicationDate(board: BoardData, year: string, sourceDateEpoch?: number | null): string | null {
  const configured = board.config?.publication.years[year]?.publishedDate;
  if (configured) return configured;
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== null && Number.isFinite(sourceDateEpoch)) {
    return new Date(sourceDateEpoch * 1000).toISOString().slice(0, 10);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Cells and tables

const cell = (text: string, extra: Partial<TableCell> = {}): TableCell => ({
  text,
  numeric: false,
  header: false,
  mark: false,
  markYes: false,
  srText: '',
  indent: false,
  indent2: false,
  ...extra,
});
const rowHeader = (text: string, indent: boolean | 2 = false): TableCell => cell(text, { header: true, indent: indent === true, indent2: indent === 2 });
const num = (text: string): TableCell => cell(text, { numeric: true });
const mark = (yes: boolean): TableCell => cell(yes ? '✓' : '', { mark: true, markYes: yes, srText: yes ? 'Yes' : 'No' });
const col = (text: string, numeric = true): TableColumn => ({ text, numeric, mark: false, nowrap: !/\s/.test(text) });
const markCol = (text: string): TableColumn => ({ text, numeric: false, mark: true, nowrap: false });

const count = (n: number): string => formatNumber(n, 0);

function table(id: string, caption: string, columns: TableColumn[], rows: TableCell[][], extra: Partial<TableModel> = {}): TableModel {
  return { id, caption, available: true, unavailable: '', columns, rows, totals: [], notes: [], compact: rows.length <= 22, source: '', placed: false, ...extra };
}

function unavailableTable(id: string, caption: string, reason: string): TableModel {
  return { id, caption, available: false, unavailable: `Not available: ${reason}`, columns: [], rows: [], totals: [], notes: [], compact: true, source: '', placed: false };
}

/** An available chart drawn from `spec`, in its usual place until the narrative places it. */
function chart(spec: ChartSpec): ChartModel {
  return { id: spec.id, available: true, unavailable: '', notes: [], source: '', placed: false, spec };
}

function unavailableChart(id: string, title: string, reason: string): ChartModel {
  return {
    id,
    available: false,
    unavailable: `Not available: ${reason}`,
    spec: { id, title, description: title, data: [], valueTitle: '', categoryTitle: '' },
    notes: [],
    source: '',
    placed: false,
  };
}

/** Why a return's rows are not there: not supplied, or could not be read. */
function returnRows<K extends ReturnId>(ctx: { data: YearData; board: BoardData }, id: K): { rows: RowTypes[K][] } | { reason: string } {
  const data = ctx.data;
  const rows = data.returns[id];
  const def = returnDef(id);
  const notCollected = notCollectedReturns(ctx.board.config?.returns);
  if (rows === undefined && notCollected.has(id)) return { reason: `${notCollectedPhrase(def, ctx.board.config?.board.name, notCollected.get(id) ?? null)}.` };
  if (rows === undefined) return { reason: `the ${def.title.toLowerCase()} return (${def.file}) for ${data.year.label} was not supplied.` };
  if (rows === null) return { reason: `the ${def.title.toLowerCase()} return (${def.file}) for ${data.year.label} could not be read.` };
  return { rows: rows as RowTypes[K][] };
}

// ---------------------------------------------------------------------------------------------------
// Indicators

class Figures {
  private readonly rows: Map<string, IndicatorRow>;
  constructor(
    readonly report: IndicatorReport,
    readonly year: string,
  ) {
    this.rows = new Map(report.rows.map((r) => [r.def.id, r]));
  }
  row(id: string): IndicatorRow | undefined {
    return this.rows.get(id);
  }
  def(id: string): IndicatorDef | undefined {
    return this.rows.get(id)?.def ?? indicatorDef(id);
  }
  current(id: string): IndicatorValue | null {
    return this.rows.get(id)?.current ?? null;
  }
  previous(id: string): IndicatorValue | null {
    return this.rows.get(id)?.previous ?? null;
  }
  value(id: string): number | null {
    return this.current(id)?.value ?? null;
  }
  /** True when the figure was withheld by disclosure control (shown as [c]). */
  suppressed(id: string, which: 'current' | 'previous' = 'current'): boolean {
    return isSuppressed(which === 'current' ? this.current(id) : this.previous(id));
  }
  /** True when there is a figure, published or suppressed (as opposed to "not available"). */
  has(id: string, which: 'current' | 'previous' = 'current'): boolean {
    const v = which === 'current' ? this.current(id) : this.previous(id);
    return v !== null && (v.value !== null || isSuppressed(v));
  }
  text(id: string, which: 'current' | 'previous' = 'current'): string {
    const d = this.def(id);
    if (!d) return NOT_AVAILABLE;
    return valueText(d, which === 'current' ? this.current(id) : this.previous(id));
  }
  reason(id: string, which: 'current' | 'previous' = 'current'): string | null {
    const v = which === 'current' ? this.current(id) : this.previous(id);
    if (v && (v.value !== null || isSuppressed(v))) return null;
    return v?.reason ?? `no figure for ${which === 'current' ? this.year : shiftYear(this.year, -1)}`;
  }
  series(id: string): Map<string, IndicatorValue> {
    return this.report.series.get(id) ?? new Map();
  }
}

/** A value as published: "[c]" when suppressed, "not available" when there is none. */
function valueText(def: IndicatorDef, v: IndicatorValue | null): string {
  return isSuppressed(v) ? SUPPRESSED : formatIndicatorValue(def, v);
}

/** A change's direction in the words the glance page and cover paper use (one vocabulary everywhere). */
const DIRECTION_WORDS: Record<string, string> = {
  improved: VERDICT_WORDS.improved,
  worsened: VERDICT_WORDS.worsened,
  unchanged: VERDICT_WORDS.unchanged,
  not_applicable: VERDICT_WORDS['not-rated'],
};

/** Add a note for each figure shown as "not available", saying why (once per distinct reason). */
function noteReasons(notes: string[], reasons: (string | null)[]): void {
  for (const r of reasons) {
    if (!r) continue;
    const note = `Not available: ${r.replace(/\.$/, '')}.`;
    if (!notes.includes(note)) notes.push(note);
  }
}

/** Options of an indicator table: the columns beyond the row label. */
interface IndicatorTableOptions {
  /** Row labels replacing the catalogue titles, by indicator id. */
  labels?: Record<string, string>;
  /** Years shown before this year (default 1). */
  earlierYears?: number;
  /** A "Change" column (default true). */
  change?: boolean;
  /** A "Compared with last year" column: Better, Worse, No change, Not judged. */
  direction?: boolean;
  /** Comparator columns (this year's England, region or statistical-neighbour figure); default every one a row has. */
  comparators?: ComparatorChoice;
}

/** A comparator cell for a row that has no comparator figure, and the note that explains it. */
export const COMPARATOR_NOT_AVAILABLE = '[x]';
export const COMPARATOR_NOT_AVAILABLE_NOTE = '[x] not available: no comparator figure has been supplied for this row.';

/** Column headings for comparators: their labels in the returns' definitions (aggregates/comparators.csv codes). */
const COMPARATOR_NAMES: Record<string, string> = Object.fromEntries(COMPARATORS.map((c) => [c.code, c.label]));

/**
 * Comparator columns for a table that shows indicators' values for the year: one for each comparator (of
 * those chosen) that at least one row has a figure for, headed with the comparator's name (and its period
 * where that is not the year), in that row's unit at the precision supplied; a row without one shows "not
 * available", never 0 or a blank. `rowIds` and `totalIds` give the indicator of each body and footer row
 * (null: the row is not an indicator). The comparators' sources go in the notes. A table where no row has
 * a comparator is left as it is.
 */
function addComparatorColumns(t: TableModel, rowIds: readonly (string | null)[], totalIds: readonly (string | null)[], f: Figures, choice: ComparatorChoice = 'all'): TableModel {
  if (!t.available || choice === 'none') return t;
  const valuesOf = (id: string | null) => (id === null ? [] : (f.row(id)?.comparators ?? []));
  const wanted = choice === 'all' ? COMPARATOR_COLUMNS : choice.filter((c): c is (typeof COMPARATOR_COLUMNS)[number] => (COMPARATOR_COLUMNS as readonly string[]).includes(c));
  const ids = [...rowIds, ...totalIds];
  const shown = [...new Set(wanted)].filter((c) => ids.some((id) => valuesOf(id).some((v) => v.comparator === c)));
  for (const c of shown) {
    const name = COMPARATOR_NAMES[c] ?? c;
    const periods = new Set(ids.flatMap((id) => valuesOf(id).filter((v) => v.comparator === c).map((v) => v.period ?? f.year)));
    const period = periods.size === 1 ? [...periods][0]! : f.year;
    t.columns.push(col(period === f.year ? name : `${name}, ${period}`));
    const added: string[] = [];
    const fill = (cells: TableCell[], id: string | null) => {
      const d = id === null ? undefined : f.def(id);
      const v = valuesOf(id).find((x) => x.comparator === c);
      if (!d || !v) {
        // The Government Statistical Service symbol for "not available", explained in a note under the table:
        // a column of the words beside every count would bury the comparators that are there.
        cells.push(num(COMPARATOR_NOT_AVAILABLE));
        if (!t.notes.includes(COMPARATOR_NOT_AVAILABLE_NOTE)) t.notes.push(COMPARATOR_NOT_AVAILABLE_NOTE);
        return;
      }
      // A figure for another period than the column's says which, in the cell.
      const own = v.period ?? f.year;
      cells.push(num(`${withUnitText(d, v.value, v.decimals)}${own === period ? '' : ` (${own})`}`));
      const note = `${name}: ${v.source.replace(/\.\s*$/, '')}.`;
      if (!t.notes.includes(note)) t.notes.push(note);
      if (!added.includes(note)) added.push(note);
    };
    t.rows.forEach((cells, i) => fill(cells, rowIds[i] ?? null));
    t.totals.forEach((cells, i) => fill(cells, totalIds[i] ?? null));
    (t.comparatorColumns ??= []).push({ comparator: c, notes: added });
  }
  t.wide = t.columns.length > WIDE_TABLE_COLUMNS;
  return t;
}

/** Keep only the comparator columns `choice` allows (with their notes): how a board sets them for the tool's own tables. */
function restrictComparators(t: TableModel, choice: ComparatorChoice): void {
  const added = t.comparatorColumns ?? [];
  if (choice === 'all' || added.length === 0) return;
  const keep = added.map((a) => choice !== 'none' && choice.includes(a.comparator));
  const first = t.columns.length - added.length;
  const pick = <T>(xs: T[]): T[] => [...xs.slice(0, first), ...xs.slice(first).filter((_, i) => keep[i])];
  t.columns = pick(t.columns);
  t.rows = t.rows.map(pick);
  t.totals = t.totals.map(pick);
  const dropped = new Set(added.filter((_, i) => !keep[i]).flatMap((a) => a.notes));
  t.notes = t.notes.filter((n) => !dropped.has(n));
  t.comparatorColumns = added.filter((_, i) => keep[i]);
  const stillMissing = [...t.rows, ...t.totals].some((r) => r.slice(first).some((c) => c.text === COMPARATOR_NOT_AVAILABLE));
  if (!stillMissing) t.notes = t.notes.filter((n) => n !== COMPARATOR_NOT_AVAILABLE_NOTE);
  t.wide = t.columns.length > WIDE_TABLE_COLUMNS;
}

/** Columns beyond which a table's number cells may wrap. */
const WIDE_TABLE_COLUMNS = 6;

/**
 * A table of indicators: this year and `earlierYears` before it (newest first), the change from last year
 * and its direction in words, and comparators. Built-in tables and a board's own (tables.yaml) alike.
 */
function indicatorComparisonTable(id: string, caption: string, ids: string[], f: Figures, options: IndicatorTableOptions = {}): TableModel {
  const prev = shiftYear(f.year, -1);
  const earlier = Array.from({ length: options.earlierYears ?? 1 }, (_, i) => shiftYear(f.year, -(i + 1)));
  const columns = [col('Measure', false), col(f.year), ...earlier.map((y) => col(y))];
  const withChange = options.change ?? true;
  if (withChange) columns.push(col('Change', false));
  if (options.direction) columns.push(col('Compared with last year', false));
  const notes: string[] = [];
  const rows: TableCell[][] = [];
  const shownIds: string[] = [];
  for (const indicatorId of ids) {
    const r = f.row(indicatorId);
    const d = f.def(indicatorId);
    if (!d) continue;
    // The age band as the data gives it, and each figure's period where it is not the column's year.
    const current = f.current(indicatorId);
    const previous = f.previous(indicatorId);
    const band = current?.ageBand ?? previous?.ageBand;
    const title = options.labels?.[indicatorId] ?? d.title;
    const periods =
      current?.period && current.period === previous?.period
        ? [current.period]
        : [current?.period ? `${f.year}: ${current.period}` : null, previous?.period ? `${prev}: ${previous.period}` : null].filter((p): p is string => p !== null);
    const label = `${band ? title.replace(/aged \d+\s*[-–]\s*\d+/, `aged ${band}`) : title}${periods.length ? ` (${periods.join('; ')})` : ''}`;
    // A change that is not available says so in the cell; the reason goes in the notes, not the cell.
    const withheld = f.suppressed(indicatorId) || f.suppressed(indicatorId, 'previous');
    const changeText = r && r.change ? formatChange(d, r.change) : NOT_AVAILABLE;
    const changeCell = withheld ? NOT_PUBLISHED : changeText.startsWith(NOT_AVAILABLE) ? NOT_AVAILABLE : changeText;
    const both = f.value(indicatorId) !== null && f.previous(indicatorId)?.value != null;
    if (withChange && r && both && changeText !== changeCell && r.change.reason) noteReasons(notes, [r.change.reason]);
    const cells = [rowHeader(label), num(f.text(indicatorId)), num(f.text(indicatorId, 'previous'))];
    // Years before last year come from the indicator's series.
    for (const y of earlier.slice(1)) {
      const v = f.series(indicatorId).get(y) ?? null;
      cells.push(num(valueText(d, v)));
      if (!v || (v.value === null && !isSuppressed(v))) noteReasons(notes, [v?.reason ?? `no figure for ${y}`]);
    }
    if (earlier.length === 0) cells.pop();
    if (withChange) cells.push(cell(capitalise(changeCell)));
    if (options.direction) cells.push(cell(r ? (DIRECTION_WORDS[r.change.direction] ?? r.change.direction) : NOT_AVAILABLE));
    rows.push(cells);
    shownIds.push(indicatorId);
    noteReasons(notes, [f.reason(indicatorId), earlier.length > 0 ? f.reason(indicatorId, 'previous') : null]);
  }
  return addComparatorColumns(table(id, caption, columns, rows, { notes }), shownIds, [], f, options.comparators);
}

/** The years a declared figure shows, newest first: this year and `earlierYears` before it. */
function declaredYears(year: string, earlierYears: number): string[] {
  return Array.from({ length: earlierYears + 1 }, (_, i) => shiftYear(year, -i));
}

/** `{year}`, `{previousYear}`, `{firstYear}` of a declaration's title. */
function titleYears(year: string, earlierYears: number) {
  return { year, previousYear: shiftYear(year, -1), firstYear: shiftYear(year, -earlierYears) };
}

/** "2012-13", or "2010-11 to 2012-13". */
function yearSpan(years: string[]): string {
  const sorted = [...years].sort();
  return sorted.length === 1 ? sorted[0]! : `${sorted[0]} to ${sorted.at(-1)}`;
}

/**
 * The source line of a declared figure: the board's words when it gives them, otherwise the returns or
 * suppliers of its indicators; then the years shown, and a word on figures taken from published totals.
 */
function declaredSource(source: string | undefined, ids: string[], years: string[], f: Figures): string {
  const values = ids.flatMap((id) => years.map((y) => (y === f.year ? f.current(id) : y === shiftYear(f.year, -1) ? f.previous(id) : f.series(id).get(y) ?? null)));
  const published = values.some((v) => v?.provenance?.kind === 'supplied' && v.provenance.file === OTHER_FILES.publishedFigures);
  // A return's file name reads as the return: "LADO referrals return (lado-referrals.csv)".
  const named = (file: string) => {
    const def = RETURNS.find((r) => r.file === file.trim());
    if (!def) return file.trim();
    const title = /^[A-Z][a-z]/.test(def.title) ? def.title.charAt(0).toLowerCase() + def.title.slice(1) : def.title;
    return `${title} return (${def.file})`;
  };
  const what =
    source?.replace(/\.\s*$/, '') ??
    [
      ...new Set(
        ids
          .map((id) => f.def(id))
          .filter((d): d is IndicatorDef => d !== undefined)
          .flatMap((d) => (d.owner === 'board' && d.supplier ? [d.supplier] : d.source.split(/\s+and\s+/).map(named))),
      ),
    ].join('; ');
  return `Source: ${what}, ${yearSpan(years)}${published ? '; figures for years without a return are those the board published (aggregates/published-figures.csv)' : ''}.`;
}

/** A declared table (tables.yaml, or a built-in one declared the same way) as a TableModel. */
function declaredTable(decl: TableDeclaration & { notes?: string[]; unavailableReturn?: ReturnId }, htmlId: string, f: Figures, ctx?: Ctx): TableModel {
  const years = declaredYears(f.year, decl.earlierYears);
  const hasFigure = (id: string) => years.some((y) => (y === f.year ? f.has(id) : y === shiftYear(f.year, -1) ? f.has(id, 'previous') : f.series(id).has(y)));
  const rows = decl.rows
    .map(rowOfDeclaration)
    .filter((r) => f.def(r.id) !== undefined)
    .filter((r) => !decl.omitEmptyRows || hasFigure(r.id));
  const ids = rows.map((r) => r.id);
  const title = fillTitle(decl.title, titleYears(f.year, decl.earlierYears));
  if (!ids.some(hasFigure)) {
    const reason = decl.unavailableReturn && ctx ? returnReason(ctx, decl.unavailableReturn) : ids.length > 0 ? (f.reason(ids[0]!) ?? 'no figures') : 'there are no figures for its rows.';
    return unavailableTable(htmlId, title, reason);
  }
  const labels = Object.fromEntries(rows.filter((r) => r.label).map((r) => [r.id, r.label!]));
  const t = indicatorComparisonTable(htmlId, title, ids, f, { labels, earlierYears: decl.earlierYears, change: decl.change, direction: decl.direction, comparators: comparatorChoice(decl.comparators) });
  t.notes.unshift(...(decl.caption ? [decl.caption] : []));
  t.notes.push(...(decl.notes ?? []));
  return t;
}

/** Words for a unit on a chart's value axis. */
const UNIT_AXIS: Record<string, string> = { count: 'Number', percent: 'Per cent', rate_per_10k: 'Per 10,000 children', money: 'Pounds (£)', days: 'Days', ratio: 'Ratio' };

/** A declared chart (tables.yaml) as a ChartModel: a bar chart of one indicator, or a line per indicator. */
function declaredChart(decl: ChartDeclaration, htmlId: string, f: Figures): ChartModel {
  const rows = decl.rows.map(rowOfDeclaration).filter((r) => f.def(r.id) !== undefined);
  const title = fillTitle(decl.title, titleYears(f.year, decl.earlierYears));
  const years = declaredYears(f.year, decl.earlierYears).reverse();
  const type = (CHART_TYPES as readonly string[]).includes(decl.type) ? decl.type : 'bar';
  const drawn = type === 'bar' ? rows.slice(0, 1) : rows;
  const valueOf = (id: string, y: string) => (y === f.year ? f.current(id) : y === shiftYear(f.year, -1) ? f.previous(id) : f.series(id).get(y) ?? null);
  const any = drawn.some((r) => years.some((y) => { const v = valueOf(r.id, y); return v !== null && (v.value !== null || isSuppressed(v)); }));
  if (!any) return unavailableChart(htmlId, title, drawn.length > 0 ? (f.reason(drawn[0]!.id) ?? 'no figures') : 'none of its rows is an indicator.');
  const named = drawn.map((r) => ({ ...r, def: f.def(r.id)!, name: r.label ?? f.def(r.id)!.title }));
  const described = named.map((r) => `${r.name}: ${years.map((y) => `${y} ${valueText(r.def, valueOf(r.id, y))}`).join(', ')}`).join('; ');
  const base = { notes: decl.caption ? [decl.caption] : [], source: declaredSource(decl.source, drawn.map((r) => r.id), years, f), placed: false, available: true, unavailable: '', id: htmlId };
  const valueTitle = UNIT_AXIS[named[0]!.def.unit] ?? '';
  if (type === 'line') {
    return {
      ...base,
      spec: {
        kind: 'line',
        id: htmlId,
        title,
        description: `Line chart of ${named.map((r) => r.name).join(' and ')} by year. ${described}.`,
        categories: years,
        // A suppressed or missing year has no point (a point's height would give a suppressed count away).
        series: named.map((r) => ({ name: r.name, values: years.map((y) => { const v = valueOf(r.id, y); return v && !isSuppressed(v) ? v.value : null; }) })),
        valueTitle,
        categoryTitle: 'Year',
      },
    };
  }
  const r = named[0]!;
  return {
    ...base,
    spec: {
      id: htmlId,
      title,
      description: `Column chart of ${r.name} by year: ${years.map((y) => `${y} ${valueText(r.def, valueOf(r.id, y))}`).join('; ')}.`,
      data: years.map((y) => {
        const v = valueOf(r.id, y);
        return isSuppressed(v) ? { label: y, value: null, text: SUPPRESSED } : { label: y, value: v?.value ?? null };
      }),
      valueTitle,
      categoryTitle: 'Year',
    },
  };
}

/** The element id of a board's own figure: `local.early-help` → `table-own-local-early-help`. */
function ownFigureHtmlId(kind: 'table' | 'chart', id: string): string {
  return `${kind}-own-${id.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** A comparator's value in its indicator's unit, at the precision it was supplied with. */
function withUnitText(def: IndicatorDef, value: number, decimals: number): string {
  return formatIndicatorValue(def, { id: def.id, year: '', value, provenance: null, decimals });
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A breakdown family (e.g. `lado.source`) as a one-column count table with a total; zero rows are left out
 * when `omitZero`. A previous-year column is added when any member has last year's figure. Small counts
 * are suppressed when the board's disclosure settings say so.
 */
function breakdownTable(
  id: string,
  caption: string,
  family: string,
  totalId: string,
  labelHeader: string,
  f: Figures,
  options: { omitZero?: boolean; valueHeader?: string } = {},
): TableModel {
  const members = breakdownMembers(family);
  if (!f.has(totalId)) return unavailableTable(id, caption, f.reason(totalId) ?? 'no figure');
  // A breakdown the board did not supply (a totals file without it) is one note, not a table of gaps.
  if (members.length > 0 && !members.some((m) => f.has(m.id))) return unavailableTable(id, caption, f.reason(members[0]!.id) ?? 'no figure');
  // Only rows that are 0 (or not available) are left out: a suppressed row stays, as [c].
  const shown = members.filter((m) => {
    const v = f.value(m.id);
    return !(options.omitZero && !f.suppressed(m.id) && (v === null || v === 0));
  });
  const withPrevious = members.some((m) => f.has(m.id, 'previous'));
  const prev = shiftYear(f.year, -1);
  const columns = [col(labelHeader, false), col(options.valueHeader ?? f.year)];
  if (withPrevious) columns.push(col(prev));
  const notes: string[] = [];
  const rows = shown.map((m) => {
    const label = (m as IndicatorDef & { breakdownLabel?: string }).breakdownLabel ?? m.title;
    const cells = [rowHeader(label), num(f.text(m.id))];
    if (withPrevious) {
      cells.push(num(f.text(m.id, 'previous')));
    }
    return cells;
  });
  const totalCells = [rowHeader('Total'), num(f.text(totalId))];
  if (withPrevious) totalCells.push(num(f.text(totalId, 'previous')));
  if (withPrevious && shown.some((m) => !f.has(m.id, 'previous'))) {
    notes.push(`Not available: no ${prev} figure was supplied for that row.`);
  }
  return addComparatorColumns(table(id, caption, columns, rows, { totals: [totalCells], notes }), shown.map((m) => m.id), [totalId], f);
}

// ---------------------------------------------------------------------------------------------------
// Section data

type SectionData = { tables: Record<string, TableModel>; charts: Record<string, ChartModel> };
const empty = (): SectionData => ({ tables: {}, charts: {} });

interface Ctx {
  board: BoardData;
  data: YearData;
  f: Figures;
  year: string;
  prev: string;
  /** Counts from 1 to this are suppressed in this edition; 0 when none are. */
  threshold: number;
  sectionIds: Set<string>;
}

function localContext(ctx: Ctx): SectionData {
  // Declared as a board would declare its own table (figure-declarations.ts): the default configuration.
  const decl = BUILT_IN_TABLES.find((t) => t.id === 'local-context.figures')!;
  return { tables: { figures: declaredTable(decl, decl.htmlId, ctx.f, ctx) }, charts: {} };
}

function returnReason(ctx: Ctx, id: ReturnId): string {
  const r = returnRows(ctx, id);
  return 'reason' in r ? r.reason : `no figures were supplied for ${ctx.year}.`;
}

function training(ctx: Ctx): SectionData {
  const out = empty();
  const events = returnRows(ctx, 'trainingEvents');
  const eventsCaption = `Direct training events by type, ${ctx.year}`;
  const totals = totalsInUse(ctx.data, 'trainingEvents');
  if (totals) {
    // Supplied as totals: the tables the totals support, from them and nothing else.
    out.tables.eventsByType = breakdownTable('table-training-events', eventsCaption, 'training.type', 'training.events', 'Type of event', ctx.f, { valueHeader: 'Events' });
    const t = readTotals(totals.def, totals.rows);
    const parts = [...(t.parts.get('agency')?.values() ?? [])].map((e) => [e.code!, entryCount(t, e)?.count ?? null] as const);
    const agencyCaption = `Participants at direct training events by agency, ${ctx.year}`;
    const reason = ctx.f.reason('training.participants') ?? `the training totals for ${ctx.year} (${totals.def.file}) give no participants by agency`;
    if (parts.length === 0 || parts.some(([, n]) => n === null)) {
      out.tables.byAgency = unavailableTable('table-training-agency', agencyCaption, parts.length ? `the training totals for ${ctx.year} give agency percentages without the participants they are of` : reason);
      out.charts.byAgency = unavailableChart('chart-training-agency', agencyCaption, out.tables.byAgency.unavailable.replace(/^Not available: /, ''));
    } else {
      addAgencyFigures(out, ctx, parts as (readonly [string, number])[], agencyCaption);
    }
    for (const tb of Object.values(out.tables)) if (tb.available) tb.source = `Source: training as totals (${totals.def.file}), ${ctx.year}.`;
    for (const c of Object.values(out.charts)) if (c.available) c.source = `Source: training as totals (${totals.def.file}), ${ctx.year}.`;
  } else if ('reason' in events) {
    out.tables.eventsByType = unavailableTable('table-training-events', eventsCaption, events.reason);
  } else {
    const rows = TRAINING_TYPES.map((t) => {
      const of = events.rows.filter((e) => e.type === t.code);
      return [rowHeader(t.label), num(count(of.length)), num(count(of.reduce((a, e) => a + e.participants, 0)))];
    });
    const total = [
      rowHeader('Total'),
      num(count(events.rows.length)),
      num(count(events.rows.reduce((a, e) => a + e.participants, 0))),
    ];
    out.tables.eventsByType = table('table-training-events', eventsCaption, [col('Type of event', false), col('Events'), col('Participants')], rows, {
      totals: [total],
    });
  }

  const attendance = returnRows(ctx, 'trainingAttendance');
  const agencyCaption = `Participants at direct training events by agency, ${ctx.year}`;
  if (totals) {
    // The agency table and chart are built above, from the totals.
  } else if ('reason' in attendance) {
    out.tables.byAgency = unavailableTable('table-training-agency', agencyCaption, attendance.reason);
    out.charts.byAgency = unavailableChart('chart-training-agency', agencyCaption, attendance.reason);
  } else {
    const byAgency = new Map<string, number>();
    for (const a of attendance.rows) byAgency.set(a.agency, (byAgency.get(a.agency) ?? 0) + a.participants);
    addAgencyFigures(out, ctx, [...byAgency.entries()], agencyCaption);
  }

  const elearning = returnRows(ctx, 'elearning');
  const elCaption = `E-learning courses completed, ${ctx.year}`;
  if ('reason' in elearning) {
    out.tables.elearning = unavailableTable('table-training-elearning', elCaption, elearning.reason);
  } else {
    const courses = elearning.rows.filter((r) => r.course.trim().toLowerCase() !== 'total');
    out.tables.elearning = table(
      'table-training-elearning',
      elCaption,
      [col('Course', false), col('Completions')],
      courses.map((c) => [rowHeader(c.course), num(count(c.completions))]),
      { totals: [[rowHeader('Total'), num(count(courses.reduce((a, c) => a + c.completions, 0)))]] },
    );
  }
  addCourseTables(out, ctx);
  return out;
}

/**
 * The course-level training return (optional): the courses with their attendances or completions over the
 * two years the board compares, and attendances by level. Nothing when the board neither collects nor
 * supplies it.
 */
function addCourseTables(out: SectionData, ctx: Ctx): void {
  const got = returnRows(ctx, 'trainingCourses');
  const caption = `Training courses: attendances and completions, ${ctx.prev} and ${ctx.year}`;
  const levelCaption = `Attendances and completions by level, ${ctx.prev} and ${ctx.year}`;
  if ('reason' in got) {
    if (ctx.data.returns.trainingCourses === undefined && !collectedReturns(ctx.board.config?.returns).has('trainingCourses')) return;
    out.tables.courses = unavailableTable('table-training-courses', caption, got.reason);
    out.tables.coursesByLevel = unavailableTable('table-training-courses-level', levelCaption, got.reason);
    return;
  }
  const yearOf = (r: RowTypes['trainingCourses']) => r.year?.trim() || ctx.year;
  const rows = got.rows.filter((r) => yearOf(r) === ctx.year || yearOf(r) === ctx.prev);
  const withPrevious = rows.some((r) => yearOf(r) === ctx.prev);
  const years = withPrevious ? [ctx.prev, ctx.year] : [ctx.year];
  const keyOf = (r: RowTypes['trainingCourses']) => [r.course.trim(), r.level?.trim() ?? '', r.delivery].join('\u0000');
  const courses = new Map<string, { course: string; level: string; delivery: string; attended: Map<string, number | null> }>();
  for (const r of rows) {
    const c = courses.get(keyOf(r)) ?? { course: r.course.trim(), level: r.level?.trim() ?? '', delivery: r.delivery, attended: new Map<string, number | null>() };
    c.attended.set(yearOf(r), r.attended);
    courses.set(keyOf(r), c);
  }
  const delivery = (code: string) => TRAINING_DELIVERY.find((d) => d.code === code)?.label ?? code;
  const text = (n: number | null | undefined) => (n === null || n === undefined ? NOT_AVAILABLE : count(n));
  const notes: string[] = [];
  if ([...courses.values()].some((c) => years.some((y) => (c.attended.get(y) ?? null) === null))) {
    notes.push('Not available: the course was not listed for that year, or its attendances were not given.');
  }
  const total = (y: string) => {
    const v = [...courses.values()].map((c) => c.attended.get(y));
    return v.some((n) => n === null || n === undefined) && !v.some((n) => typeof n === 'number') ? null : v.reduce<number>((a, n) => a + (n ?? 0), 0);
  };
  const totalText = (y: string) => (y === ctx.year ? ctx.f.text('training.course_attendances') : ctx.f.text('training.course_attendances', 'previous'));
  const totalsFor = (y: string) => (ctx.f.def('training.course_attendances') ? totalText(y) : text(total(y)));
  out.tables.courses = table(
    'table-training-courses',
    caption,
    [col('Course', false), col('Level', false), col('Delivery', false), ...years.map((y) => col(y))],
    [...courses.values()].map((c) => [rowHeader(c.course), cell(c.level), cell(delivery(c.delivery)), ...years.map((y) => num(text(c.attended.get(y))))]),
    { totals: [[rowHeader('Total'), cell(''), cell(''), ...years.map((y) => num(totalsFor(y)))]], notes, compact: courses.size <= 22 },
  );
  if (ctx.f.def('training.course_attendances')) addComparatorColumns(out.tables.courses, [...courses.keys()].map(() => null), ['training.course_attendances'], ctx.f);
  const levels = new Map<string, Map<string, number>>();
  for (const c of courses.values()) {
    const level = c.level || 'No level given';
    const byYear = levels.get(level) ?? new Map<string, number>();
    for (const y of years) {
      const n = c.attended.get(y);
      if (typeof n === 'number') byYear.set(y, (byYear.get(y) ?? 0) + n);
    }
    levels.set(level, byYear);
  }
  out.tables.coursesByLevel = table(
    'table-training-courses-level',
    levelCaption,
    [col('Level', false), ...years.map((y) => col(y))],
    [...levels.entries()].map(([level, byYear]) => [rowHeader(level), ...years.map((y) => num(text(byYear.get(y))))]),
    { totals: [[rowHeader('Total'), ...years.map((y) => num(totalsFor(y)))]] },
  );
}

/** The participants-by-agency table and chart, largest first. */
function addAgencyFigures(out: SectionData, ctx: Ctx, byAgency: (readonly [string, number])[], agencyCaption: string): void {
  const sorted = [...byAgency].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = sorted.reduce((a, [, n]) => a + n, 0);
  out.tables.byAgency = table(
    'table-training-agency',
    agencyCaption,
    [col('Agency', false), col('Participants'), col('Share of participants')],
    sorted.map(([agency, n]) => [rowHeader(agency), num(count(n)), num(total > 0 ? `${formatNumber((100 * n) / total, 1)}%` : NOT_AVAILABLE)]),
    { totals: [[rowHeader('Total'), num(count(total)), num(total > 0 ? '100.0%' : NOT_AVAILABLE)]] },
  );
  out.charts.byAgency = chart({
    id: 'chart-training-agency',
    title: `Take-up of direct training by agency, ${ctx.year} (number of participants)`,
    description: `Bar chart of participants at direct training events by agency in ${ctx.year}: ${sorted.map(([a, n]) => `${a} ${count(n)}`).join('; ')}. The same figures are in the table that follows.`,
    data: sorted.map(([label, value]) => ({ label, value })),
    valueTitle: 'Participants',
    categoryTitle: 'Agency',
    orientation: 'horizontal',
  });
}

function section11Overview(ctx: Ctx): TableModel {
  const caption = `Section 11 audit ${ctx.year}: overview by agency (✓ yes, blank no)`;
  const audit = returnRows(ctx, 'section11');
  if ('reason' in audit) return unavailableTable('table-section-11-overview', caption, audit.reason);
  return table(
    'table-section-11-overview',
    caption,
    [
      col('Agency', false),
      markCol('Returned audit'),
      markCol('Invited to challenge'),
      markCol('Attended challenge event'),
      markCol('Deferred until next year'),
      markCol('Recommendations made'),
    ],
    audit.rows.map((r) => [rowHeader(r.agency), mark(r.returned), mark(r.invited), mark(r.attended), mark(r.deferred), mark(r.recommendations)]),
    { compact: audit.rows.length <= 12 },
  );
}

function section11(ctx: Ctx): SectionData {
  const out = empty();
  const caption = `Section 11 audit ${ctx.year}: summary`;
  const audit = returnRows(ctx, 'section11');
  if ('reason' in audit) {
    out.tables.summary = unavailableTable('table-section-11-summary', caption, audit.reason);
  } else {
    const n = (pred: (r: RowTypes['section11']) => boolean) => num(count(audit.rows.filter(pred).length));
    out.tables.summary = table('table-section-11-summary', caption, [col('Step', false), col('Agencies')], [
      [rowHeader('Agencies in the audit'), num(count(audit.rows.length))],
      [rowHeader('Returned their audit'), n((r) => r.returned)],
      [rowHeader('Invited to a challenge event'), n((r) => r.invited)],
      [rowHeader('Attended a challenge event'), n((r) => r.attended)],
      [rowHeader('Deferred until next year'), n((r) => r.deferred)],
      [rowHeader('Recommendations made'), n((r) => r.recommendations)],
    ]);
  }
  // The agency-by-agency table goes in the appendix when the board has one; otherwise here.
  if (!ctx.sectionIds.has('appendix-section-11')) out.tables.overview = section11Overview(ctx);
  return out;
}

function caseReviews(ctx: Ctx): SectionData {
  const { f } = ctx;
  const caption = `Child deaths notified and reviewed, ${ctx.year}`;
  if (!f.has('cdop.deaths_notified')) {
    return { tables: { cdop: unavailableTable('table-cdop', caption, f.reason('cdop.deaths_notified') ?? 'no figure') }, charts: {} };
  }
  const rows: TableCell[][] = [
    [rowHeader(`Deaths notified in ${ctx.year}`), num(f.text('cdop.deaths_notified'))],
    [rowHeader('Considered at panel by 31 March', true), num(f.text('cdop.considered_at_panel'))],
    [rowHeader('Review concluded', 2), num(f.text('cdop.concluded_notified_in_year'))],
    [rowHeader('Deferred for more information', 2), num(f.text('cdop.deferred'))],
    [rowHeader('Not yet discussed at panel', true), num(f.text('cdop.not_yet_discussed'))],
    [rowHeader(`Reviews concluded at panel in ${ctx.year}`), num(f.text('cdop.reviews_concluded'))],
  ];
  // Split the reviews concluded in the year by the year the death was notified.
  const cases = returnRows(ctx, 'cdopCases');
  const year = ctx.data.year;
  if (!('reason' in cases)) {
    const byYear = new Map<string, number>();
    for (const c of cases.rows) {
      if (c.reviewStatus !== 'concluded' || !c.dateConcluded || c.dateConcluded < year.start || c.dateConcluded > year.end) continue;
      const label = financialYearOf(c.dateNotified);
      byYear.set(label, (byYear.get(label) ?? 0) + 1);
    }
    const earlier = [...byYear.keys()].filter((label) => label < ctx.year);
    if (ctx.threshold > 0 && earlier.length > 1) {
      // Counts per earlier year are not indicators, so disclosure control never saw them: give the two
      // figures it protects instead.
      rows.push([rowHeader(`Deaths notified in ${ctx.year}`, true), num(f.text('cdop.concluded_notified_in_year'))]);
      rows.push([rowHeader('Deaths notified in earlier years', true), num(f.text('cdop.concluded_notified_earlier'))]);
    } else {
      for (const [label, n] of [...byYear.entries()].sort((a, b) => b[0].localeCompare(a[0]))) {
        const id = label === ctx.year ? 'cdop.concluded_notified_in_year' : 'cdop.concluded_notified_earlier';
        rows.push([rowHeader(`Deaths notified in ${label}`, true), num(ctx.threshold > 0 ? f.text(id) : count(n))]);
      }
    }
  } else {
    rows.push([rowHeader(`Deaths notified in ${ctx.year}`, true), num(f.text('cdop.concluded_notified_in_year'))]);
    rows.push([rowHeader('Deaths notified in earlier years', true), num(f.text('cdop.concluded_notified_earlier'))]);
  }
  rows.push([rowHeader(`Deaths notified in ${ctx.year} whose review concluded by 31 March`), num(f.text('cdop.notified_concluded_in_year_pct'))]);
  const notes: string[] = [];
  noteReasons(
    notes,
    ['cdop.considered_at_panel', 'cdop.deferred', 'cdop.not_yet_discussed', 'cdop.reviews_concluded', 'cdop.notified_concluded_in_year_pct'].map((id) => f.reason(id)),
  );
  // Each row's indicator, for the comparator columns (a split by year of notification is not one).
  const fixed = ['cdop.deaths_notified', 'cdop.considered_at_panel', 'cdop.concluded_notified_in_year', 'cdop.deferred', 'cdop.not_yet_discussed', 'cdop.reviews_concluded'];
  const rowIds = rows.map((_, i) => (i < fixed.length ? fixed[i]! : i === rows.length - 1 ? 'cdop.notified_concluded_in_year_pct' : null));
  const t = addComparatorColumns(table('table-cdop', caption, [col('Child deaths', false), col('Number')], rows, { notes }), rowIds, [], f);
  return { tables: { cdop: t }, charts: {} };
}

function financialYearOf(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const start = m >= 4 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

function priorityGroups(ctx: Ctx): SectionData {
  const { f } = ctx;
  const out = empty();
  // Declared as a board would declare its own table (figure-declarations.ts): the default configuration.
  const cp = BUILT_IN_TABLES.find((t) => t.id === 'priority-groups.cpIndicators')!;
  out.tables.cpIndicators = declaredTable(cp, cp.htmlId, f);

  const catCaption = `Child protection plans open at 31 March by category of abuse`;
  if (!f.has('cp.plans_open_at_year_end')) {
    out.tables.cpCategories = unavailableTable('table-cp-categories', catCaption, f.reason('cp.plans_open_at_year_end') ?? 'no figure');
  } else {
    const members = breakdownMembers('cp.category');
    const rows = members.map((m) => [
      rowHeader((m as IndicatorDef & { breakdownLabel?: string }).breakdownLabel ?? m.title),
      num(f.text(m.id)),
      num(f.text(m.id, 'previous')),
    ]);
    const notes: string[] = [];
    if (members.some((m) => !f.has(m.id, 'previous'))) {
      notes.push(`Not available: no ${ctx.prev} figure was supplied for that category.`);
    }
    out.tables.cpCategories = table('table-cp-categories', catCaption, [col('Category', false), col(ctx.year), col(ctx.prev)], rows, {
      totals: [[rowHeader('All plans'), num(f.text('cp.plans_open_at_year_end')), num(f.text('cp.plans_open_at_year_end', 'previous'))]],
      notes,
    });
    addComparatorColumns(out.tables.cpCategories, members.map((m) => m.id), ['cp.plans_open_at_year_end'], f);
  }

  const other = BUILT_IN_TABLES.find((t) => t.id === 'priority-groups.otherGroups')!;
  out.tables.otherGroups = declaredTable(other, other.htmlId, f, ctx);
  return out;
}

function boardEffectiveness(ctx: Ctx): SectionData {
  const caption = `Membership of the board, ${ctx.year}`;
  const members = returnRows(ctx, 'boardMembers');
  if ('reason' in members) return { tables: { membership: unavailableTable('table-board-membership', caption, members.reason) }, charts: {} };
  const withAttendance = members.rows.some((m) => m.meetingsHeld !== null);
  const columns = [col('Name', false), col('Job title', false), col('Agency', false)];
  if (withAttendance) columns.push(col('Meetings attended'));
  const rows = members.rows.map((m) => {
    const cells = [rowHeader(m.name), cell(m.role), cell(m.agency)];
    if (withAttendance) {
      cells.push(num(m.meetingsHeld !== null && m.meetingsAttended !== null ? `${count(m.meetingsAttended)} of ${count(m.meetingsHeld)}` : NOT_AVAILABLE));
    }
    return cells;
  });
  return { tables: { membership: table('table-board-membership', caption, columns, rows, { compact: false }) }, charts: {} };
}

function allegations(ctx: Ctx): SectionData {
  const { f } = ctx;
  const out = empty();
  // Only years with a figure (or a suppressed one) are drawn: a year with no figure is not a zero bar.
  const series = [...f.series('lado.referrals').entries()]
    .filter(([, v]) => v.value !== null || isSuppressed(v))
    .sort((a, b) => a[0].localeCompare(b[0]));
  const byYearCaption = 'Allegations referred to the LADO by year';
  if (series.length === 0) {
    out.tables.byYear = unavailableTable('table-lado-by-year', byYearCaption, f.reason('lado.referrals') ?? 'no figures');
    out.charts.byYear = unavailableChart('chart-lado-by-year', byYearCaption, f.reason('lado.referrals') ?? 'no figures');
  } else {
    const d = f.def('lado.referrals')!;
    const notes: string[] = [];
    const supplied = series.filter(([, v]) => v.provenance?.kind === 'supplied' && v.provenance.file === OTHER_FILES.publishedFigures).map(([y]) => y);
    if (supplied.length) notes.push(`Figures for ${supplied.join(', ')} are as published earlier; the rest are computed from the referrals return.`);
    noteReasons(notes, series.map(([, v]) => (v.value === null && !isSuppressed(v) ? v.reason ?? null : null)));
    out.tables.byYear = table(
      'table-lado-by-year',
      byYearCaption,
      [col('Year', false), col('Referrals received')],
      series.map(([y, v]) => [rowHeader(y), num(valueText(d, v))]),
      { notes },
    );
    out.charts.byYear = chart({
      id: 'chart-lado-by-year',
      title: `Allegations referred to the LADO, ${series.length === 1 ? series[0]![0] : `${series[0]![0]} to ${series.at(-1)![0]}`} (number of referrals)`,
      description: `Column chart of referrals to the LADO by year: ${series.map(([y, v]) => `${y} ${valueText(d, v)}`).join('; ')}. The same figures are in the table above.`,
      // A suppressed year has no bar, and its label says [c] (a bar's height would give the count away).
      data: series.map(([label, v]) => (isSuppressed(v) ? { label, value: null, text: SUPPRESSED } : { label, value: v.value })),
      valueTitle: 'Referrals received',
      categoryTitle: 'Year',
    });
  }
  out.tables.source = breakdownTable('table-lado-source', `Source of referrals to the LADO, ${ctx.year}`, 'lado.source', 'lado.referrals', 'Referred by', f, {
    omitZero: true,
  });
  out.tables.nature = breakdownTable('table-lado-nature', `Nature of allegation, ${ctx.year}`, 'lado.nature', 'lado.referrals', 'Nature', f);
  if (out.tables.nature.available) {
    out.tables.nature.notes.unshift('"Unsuitable to work with children": the person behaved towards a child or children in a way that suggests they are unsuitable to work with children.');
  }
  // By employment setting: printed when the board supplies it as totals (the published breakdown it holds).
  if (ctx.data.returns.ladoTotals?.some((r) => r.breakdown === 'sector')) {
    out.tables.sector = breakdownTable('table-lado-sector', `Referrals to the LADO by employment setting, ${ctx.year}`, 'lado.sector', 'lado.referrals', 'Employment setting', f, {
      omitZero: true,
    });
  }
  out.tables.outcome = breakdownTable('table-lado-outcome', `Outcome of enquiries, ${ctx.year}`, 'lado.outcome', 'lado.referrals', 'Outcome', f);

  const wbCaption = `Allegations about conduct at work and outside work, ${ctx.year}`;
  if (!f.has('lado.work_based')) {
    out.tables.workBased = unavailableTable('table-lado-work', wbCaption, f.reason('lado.work_based') ?? 'no figure');
  } else {
    out.tables.workBased = table('table-lado-work', wbCaption, [col('Where the conduct happened', false), col('Referrals')], [
      [rowHeader('At work'), num(f.text('lado.work_based'))],
      [rowHeader('Outside work'), num(f.text('lado.outside_work'))],
    ], { totals: [[rowHeader('Total'), num(f.text('lado.referrals'))]] });
    addComparatorColumns(out.tables.workBased, ['lado.work_based', 'lado.outside_work'], ['lado.referrals'], f);
  }

  // Figures from a totals file say so, in place of the case-level return's source line.
  if (!ctx.data.returns.ladoReferrals?.length && ctx.data.returns.ladoTotals?.length) {
    const file = returnDef('ladoTotals').file;
    const derived = ctx.data.returns.ladoTotals.some((r) => r.count === null && r.percent !== null);
    for (const t of Object.values(out.tables)) {
      if (!t.available) continue;
      t.source = `Source: LADO referrals as totals (${file}), ${ctx.year}${t.id === 'table-lado-by-year' && series.length > 1 ? '; earlier years as the board published them (aggregates/published-figures.csv)' : ''}.`;
      if (derived && t.id === 'table-lado-sector') t.notes.push('The board holds these figures as percentages of all referrals; the counts are those percentages of the total, rounded to whole referrals.');
    }
    for (const c of Object.values(out.charts)) if (c.available) c.source = `Source: LADO referrals as totals (${file}), ${ctx.year}.`;
  }

  const tCaption = `How quickly allegations were resolved, ${ctx.year} against ${ctx.prev}`;
  if (!f.has('lado.concluded_within_1_month_pct') && !f.has('lado.over_1_month')) {
    out.tables.timeliness = unavailableTable('table-lado-timeliness', tCaption, f.reason('lado.concluded_within_1_month_pct') ?? 'no figure');
  } else {
    const timelinessIds = ['lado.concluded_within_1_month_pct', 'lado.over_1_month', 'lado.over_1_month_police', 'lado.over_1_month_disciplinary', 'lado.over_1_month_both', 'lado.outcome.outstanding'];
    const r = (id: string, label: string, indent = false) => [rowHeader(label, indent), num(f.text(id)), num(f.text(id, 'previous'))];
    const notes: string[] = [];
    noteReasons(notes, ['lado.concluded_within_1_month_pct', 'lado.over_1_month'].flatMap((id) => [f.reason(id), f.reason(id, 'previous')]));
    out.tables.timeliness = table('table-lado-timeliness', tCaption, [col('Measure', false), col(ctx.year), col(ctx.prev)], [
      r('lado.concluded_within_1_month_pct', 'Concluded within one month (%)'),
      r('lado.over_1_month', 'Took more than one month to conclude'),
      r('lado.over_1_month_police', 'Police enquiries only', true),
      r('lado.over_1_month_disciplinary', 'Disciplinary enquiries only', true),
      r('lado.over_1_month_both', 'Both police and disciplinary enquiries', true),
      r('lado.outcome.outstanding', 'Still outstanding at 31 March'),
    ], { notes });
    addComparatorColumns(out.tables.timeliness, timelinessIds, [], f);
  }
  return out;
}

function finance(ctx: Ctx): SectionData {
  const out = empty();
  const lines = returnRows(ctx, 'finance');
  const expCaption = `Expenditure, ${ctx.year} (£)`;
  const incCaption = `Contributions and other income, ${ctx.year} (£)`;
  const balCaption = `Balance carried forward from ${ctx.year} (£)`;
  if ('reason' in lines) {
    out.tables.expenditure = unavailableTable('table-finance-expenditure', expCaption, lines.reason);
    out.tables.income = unavailableTable('table-finance-income', incCaption, lines.reason);
    out.tables.balance = unavailableTable('table-finance-balance', balCaption, lines.reason);
    return out;
  }
  // Every figure comes from one statement in exact pence; with any pence line, every figure shows pence.
  const st = financeStatement(lines.rows);
  const m = (pence: number | null) => (pence === null ? 'not supplied' : formatPence(pence, st.withPence));
  const notes: string[] = [];
  if (st.notSupplied.length > 0) {
    notes.push(`"Not supplied": ${st.notSupplied.length === 1 ? 'one line was' : `${st.notSupplied.length} lines were`} left blank in the statement; the totals are of the lines supplied.`);
  }
  out.tables.expenditure = table('table-finance-expenditure', expCaption, [col('Heading', false), col('Amount')], st.expenditure.map((r) => [rowHeader(r.heading), num(m(r.pence))]), {
    totals: [[rowHeader('Total expenditure'), num(m(st.expenditurePence))]],
    notes: [...notes],
  });
  // A partner contribution is printed under the partner's name, with its heading when that says more.
  const incomeLabel = (r: FinanceRow) =>
    r.type === 'contribution' && r.partner ? (r.heading && r.heading !== r.partner ? `${r.partner}: ${r.heading}` : r.partner) : r.heading;
  out.tables.income = table('table-finance-income', incCaption, [col('Contributor', false), col('Amount')], st.income.map((r) => [rowHeader(incomeLabel(r)), num(m(r.pence))]), {
    totals: [[rowHeader('Total income'), num(m(st.incomePence))]],
    notes: [...notes],
  });
  const balance = st.balancePence;
  // The balance as an accountant writes it: a surplus carried forward, or net expenditure met from reserves.
  const balanceRow =
    balance >= 0
      ? [rowHeader(`Carried forward to ${shiftYear(ctx.year, 1)}`), num(m(balance))]
      : [rowHeader('Net expenditure met from reserves'), num(m(-balance))];
  const balanceNotes =
    balance < 0 ? [`Net expenditure of ${m(-balance)} was met from reserves.`] : [];
  const rows: TableCell[][] = [
    [rowHeader('Total income'), num(m(st.incomePence))],
    [rowHeader('Less total expenditure'), num(m(st.expenditurePence))],
  ];
  const totals: TableCell[][] = [balanceRow];
  if (st.openingReservesPence !== null || st.stated.closingReserves.length > 0) {
    if (st.openingReservesPence !== null) totals.push([rowHeader(`Reserves at 1 April ${parseYear(ctx.year)!.startYear}`), num(m(st.openingReservesPence))]);
    if (st.closingReservesPence !== null) totals.push([rowHeader(`Reserves at 31 March ${parseYear(ctx.year)!.startYear + 1}`), num(m(st.closingReservesPence))]);
    if (balance < 0 && st.closingReservesPence !== null) {
      balanceNotes[0] = `Net expenditure of ${m(-balance)} was met from reserves, leaving reserves of ${m(st.closingReservesPence)} at 31 March ${parseYear(ctx.year)!.startYear + 1}.`;
    }
  }
  out.tables.balance = table('table-finance-balance', balance >= 0 ? balCaption : `Balance for ${ctx.year}: net expenditure met from reserves`, [col('Item', false), col('Amount')], rows, { totals, notes: [...balanceNotes, ...notes] });
  return out;
}

function recommendationsModel(ctx: Ctx, paragraphs: Set<string>): RecommendationsModel {
  const recs = ctx.data.recommendations;
  if (!recs) {
    return {
      available: false,
      unavailable:
        recs === null
          ? `Not available: the recommendations file for ${ctx.year} could not be read.`
          : `Not available: no recommendations file was supplied for ${ctx.year}.`,
      objectives: [],
    };
  }
  const statusLabels: Record<string, string> = { new: 'New', 'in-progress': 'In progress', complete: 'Complete', 'carried-forward': 'Carried forward' };
  const continuous = (ctx.board.config?.layout ?? DEFAULT_LAYOUT).recommendationNumbering === 'continuous';
  let next = 1;
  return {
    available: true,
    unavailable: '',
    objectives: recs.objectives.map((o) => ({
      number: o.number,
      title: o.title,
      start: continuous ? (next += o.recommendations.length) - o.recommendations.length : 1,
      recommendations: o.recommendations.map((r) => ({
        text: r.text,
        paragraphs: r.paragraphs.map((p) => ({ ref: p, anchor: paragraphAnchor(p), linked: paragraphs.has(p) })),
        hasParagraphs: r.paragraphs.length > 0,
        paragraphWord: r.paragraphs.length === 1 ? 'paragraph' : 'paragraphs',
        status: statusLabels[r.status] ?? r.status,
        showStatus: r.status !== 'new',
      })),
    })),
  };
}

function theBoard(ctx: Ctx): SectionData {
  const subgroups = ctx.board.config?.board.subgroups ?? [];
  if (subgroups.length === 0) return empty();
  return {
    tables: {
      subgroups: table(
        'table-board-subgroups',
        'Sub-groups and panels of the board',
        [col('Sub-group', false), col('What it does', false)],
        subgroups.map((g) => [rowHeader(g.name), cell(g.purpose ?? '')]),
      ),
    },
    charts: {},
  };
}

/**
 * Serious incidents notified to the national panel and the timeliness of notification and rapid review,
 * in working days (src/guidance/practice-reviews.ts). With disclosure control on, a count from 1 to the
 * threshold is shown as [c], and so is its complement (in time / late), and the percentage with them.
 */
function practiceReviews(ctx: Ctx): SectionData {
  const caption = 'Serious incidents notified to the Child Safeguarding Practice Review Panel';
  const got = returnRows(ctx, 'practiceReviews');
  if ('reason' in got) return { tables: { summary: unavailableTable('table-practice-reviews', caption, got.reason) }, charts: {} };
  const y = parseYear(ctx.year)!;
  const s = summarisePracticeReviews(got.rows, y);
  const small = (n: number) => ctx.threshold > 0 && n >= 1 && n <= ctx.threshold;
  const shown = (n: number, hide = small(n)) => (hide ? SUPPRESSED : count(n));
  const pair = (label: string, part: number, whole: number, indent: boolean | 2 = true): TableCell[] => {
    const hide = small(part) || small(whole - part);
    const pct = whole === 0 ? NOT_AVAILABLE : hide ? SUPPRESSED : `${formatNumber((100 * part) / whole, 1)}%`;
    return [rowHeader(label, indent), num(shown(part, hide)), num(pct)];
  };
  const rows: TableCell[][] = [
    [rowHeader('Serious incidents notified in the year'), num(shown(s.notified)), num('')],
    pair(`Notified within ${NOTIFICATION_LIMIT} working days`, s.notifiedInTime, s.notified),
    [rowHeader('Rapid reviews completed'), num(shown(s.rapidReviews)), num('')],
    pair(`Completed within ${RAPID_REVIEW_LIMIT} working days`, s.rapidReviewsInTime, s.rapidReviews),
    [rowHeader('Rapid reviews not yet completed'), num(shown(s.rapidReviewsOutstanding)), num('')],
    ...PRACTICE_REVIEW_DECISIONS.map((d) => [rowHeader(`Decision: ${d.label}`), num(shown(s.decisions.get(d.code) ?? 0)), num('')]),
    [rowHeader('Local reviews published in the year'), num(shown(s.reviewsPublished)), num('')],
  ];
  return {
    tables: {
      summary: table('table-practice-reviews', caption, [col('Serious incidents and reviews', false), col('Number'), col('Per cent')], rows, {
        notes: [
          `Working days are Monday to Friday, less the bank holidays of England and Wales, counted from the day the local authority became aware of the incident: notification is due within ${NOTIFICATION_LIMIT} working days and the rapid review within ${RAPID_REVIEW_LIMIT}.`,
        ],
      }),
    },
    charts: {},
  };
}

const SECTION_DATA: Record<string, (ctx: Ctx) => SectionData> = {
  'practice-reviews': practiceReviews,
  'the-board': theBoard,
  'local-context': localContext,
  training,
  'section-11': section11,
  'appendix-section-11': (ctx) => ({ tables: { overview: section11Overview(ctx) }, charts: {} }),
  'case-reviews': caseReviews,
  'priority-groups': priorityGroups,
  'board-effectiveness': boardEffectiveness,
  allegations,
  finance,
};

/** A section's built-in tables and charts, with the comparator columns the board chose for them in tables.yaml. */
function sectionDataOf(sectionId: string, ctx: Ctx): SectionData {
  const data = (SECTION_DATA[sectionId] ?? empty)(ctx);
  const chosen = ctx.board.figures?.comparators ?? {};
  for (const [name, t] of Object.entries(data.tables)) {
    const setting = chosen[`${sectionId}.${name}`];
    if (setting !== undefined) restrictComparators(t, comparatorChoice(setting));
  }
  return data;
}

/** Sections with built-in tables and charts (figure-declarations.ts keeps the same list for validate). */
export const SECTIONS_WITH_FIGURES: readonly string[] = Object.keys(SECTION_DATA);

/** "A", "B" … "Z", "AA" for appendix letters. */
function appendixLetter(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

/**
 * Build the report model. Throws `NarrativeError` when a narrative cites an unknown figure or misuses the
 * live-figure syntax (the build reports it as a validation error).
 */
export function buildReportModel(board: BoardData, data: YearData, indicators: IndicatorReport, options: ReportModelOptions = {}): ReportModel {
  const year = data.year.label;
  const prev = shiftYear(year, -1);
  const config = board.config;
  const disclosed = disclosedIndicators(board, indicators);
  const { threshold } = disclosed.disclosure;
  const f = new Figures(disclosed, year);
  const ctx: Ctx = { board, data, f, year, prev, threshold, sectionIds: new Set(board.sections.map((s) => s.id)) };
  const figures = liveFiguresFrom(disclosed);

  const layout = config?.layout ?? DEFAULT_LAYOUT;
  const rendered = new Map<string, { file: string; source: string; placements: RenderedNarrative['placements']; labels: Map<string, string> }>();
  let mainNumber = 0;
  let appendixNumber = 0;
  const sections: SectionModel[] = board.sections.map((s) => {
    const appendix = s.appendix ?? defaultAppendix(s.id);
    const numbered = s.numbered ?? true;
    const number = !numbered ? null : appendix ? ++appendixNumber : ++mainNumber;
    const source = data.narrative.get(s.id);
    const file = `${year}/narrative/${s.id}.md`;
    // Paragraphs are numbered in numbered main sections when the board numbers paragraphs; never in appendices.
    const paraNumber = number !== null && !appendix && layout.paragraphNumbers ? number : null;
    const narrative = source === undefined ? { html: '', after: '', paragraphs: [] as string[], placements: [], labels: new Map<string, string>() } : renderNarrative(resolveLiveFigures(source, figures, file), { sectionNumber: paraNumber, file });
    rendered.set(s.id, { file, source: source ?? '', placements: narrative.placements, labels: narrative.labels });
    const sectionData = sectionDataOf(s.id, ctx);
    const hasPartial = options.partials ? options.partials.has(s.id) : Boolean(knownSection(s.id));
    const label = number === null ? '' : appendix ? `Appendix ${layout.appendixNumbering === 'letters' ? appendixLetter(number) : number}` : String(number);
    return {
      id: s.id,
      anchor: sectionAnchor(s.id),
      label,
      numbered: number !== null,
      title: s.title,
      isAppendix: appendix,
      partial: hasPartial ? s.id : 'generic-section',
      // A generated section (the guidance statement) has no commentary to miss.
      narrative: { html: narrative.html, after: narrative.after, missing: !knownSection(s.id)?.generated && (source === undefined || source.trim() === ''), paragraphs: narrative.paragraphs },
      tables: sectionData.tables,
      charts: sectionData.charts,
      placed: {},
      recommendations: null,
      guidance: null,
    };
  });

  // Recommendations cite paragraphs anywhere in the report, so they are resolved once all are numbered.
  const allParagraphs = new Set(sections.flatMap((s) => s.narrative.paragraphs));
  for (const s of sections) {
    if (s.id === 'recommendations') s.recommendations = recommendationsModel(ctx, allParagraphs);
    // The guidance statement links to the sections that meet each requirement, so it too comes last.
    if (s.id === 'appendix-guidance') s.guidance = guidanceStatement(board, data, sections);
  }

  const illustrative = illustrativeOf(config);
  placeFigures(sections, rendered, ctx);
  resolveReferences(sections, rendered);
  addSources(sections, year, illustrative, f, data);
  for (const s of sections) {
    for (const p of Object.values(s.placed)) {
      const home = p.table ?? p.chart;
      if (home && !home.source) {
        home.source =
          sourceLine(home.id, year, p.chart ? chartCategories(p.chart.spec) : p.table!.id === 'table-lado-by-year' ? p.table!.rows.map((r) => r[0]!.text) : null, data) +
          illustrativeLine(home.id, illustrative, f);
      }
    }
  }
  const anySuppressed = noteSuppressedFigures(sections, threshold);
  const internal = disclosed.disclosure.edition === 'internal';
  const draft = options.draft === true;
  const marking = [draft ? DRAFT_MARKING : '', internal ? INTERNAL_MARKING : ''].filter(Boolean).join(' · ');
  const name = config?.board.name ?? 'Safeguarding Children Board';
  const published = publicationDate(board, year, options.sourceDateEpoch);
  const fy = parseYear(year)!;
  const runningHeader = `${name} · Annual report ${year}`;
  const back = config?.backPage;
  const matter: MatterModel = {
    logo: board.matter?.logo ?? null,
    insideCoverHtml: board.matter?.insideCover ? renderNarrative(board.matter.insideCover.markdown, { sectionNumber: null, file: board.matter.insideCover.file }).html : '',
    backPage: back
      ? {
          heading: back.heading,
          addressLines: (back.address ?? '').split('\n').map((l) => l.trim()).filter(Boolean),
          telephone: back.telephone ?? '',
          email: back.email ?? '',
          website: back.website ?? '',
          textHtml: back.text ? renderNarrative(back.text, { sectionNumber: null, file: OTHER_FILES.boardConfig }).html : '',
        }
      : null,
  };
  return {
    matter,
    lang: config?.publication.language ?? 'en-GB',
    title: `${draft ? 'DRAFT: ' : ''}${name} annual report ${year}${internal ? ' (internal edition – not for publication)' : ''}`,
    board: {
      name,
      shortName: config?.board.shortName ?? '',
      area: config?.board.area ?? '',
      chair: config?.board.chair ?? '',
      chairTitle: config?.board.chairTitle ?? 'Independent Chair',
      businessManager: config?.board.businessManager ?? '',
      contactEmail: config?.board.contactEmail ?? '',
      // board.yaml accepts any URL; only a web address becomes a link (never javascript: or data:).
      website: /^https?:\/\//i.test(config?.board.website ?? '') ? config!.board.website! : '',
      partners: config?.kind === 'partnership' && config.partners ? { ...config.partners } : null,
    },
    year,
    previousYear: prev,
    period: `${longDate(fy.start)} to ${longDate(fy.end)}`,
    publishedDateText: published ? longDate(published) : '',
    runningHeader: marking ? `${marking} · ${runningHeader}` : runningHeader,
    presentedTo: config?.publication.years[year]?.presentedTo ?? '',
    illustrativeNote: illustrative?.note ?? '',
    contents: [
      ...sections.map((s) => ({ anchor: s.anchor, label: s.label, title: s.title, isAppendix: s.isAppendix })),
      ...(matter.backPage ? [{ anchor: BACK_PAGE_ANCHOR, label: '', title: matter.backPage.heading, isAppendix: false }] : []),
    ],
    newPageSections: layout.newPagePerSection,
    sections,
    edition: {
      name: disclosed.disclosure.edition,
      internal,
      draft,
      marked: marking !== '',
      marking,
      markingDetail: [
        draft ? 'This is a draft: parts of it are still to be written.' : '',
        internal ? 'Small counts are shown unsuppressed. Share only with people entitled to see them.' : '',
      ]
        .filter(Boolean)
        .join(' '),
      threshold,
      anySuppressed,
      symbolNote: anySuppressed ? suppressionNote(threshold) : '',
    },
  };
}

type Rendered = Map<string, { file: string; source: string; placements: RenderedNarrative['placements']; labels: Map<string, string> }>;

/**
 * Move each figure a narrative places (`<!-- table: finance.expenditure -->`) from its usual place to the
 * placing section. A figure is named `<section id>.<name>`; the section need not be in the report. Placing
 * one that does not exist, or placing one twice, is a NarrativeError at the marker's line.
 */
function placeFigures(sections: SectionModel[], rendered: Rendered, ctx: Ctx): void {
  const own = ownFigures(ctx);
  const extra = new Map<string, SectionData>();
  const dataOf = (sectionId: string): SectionData | null => {
    const inReport = sections.find((x) => x.id === sectionId);
    if (inReport) return { tables: inReport.tables, charts: inReport.charts };
    if (!SECTION_DATA[sectionId]) return null;
    if (!extra.has(sectionId)) extra.set(sectionId, sectionDataOf(sectionId, ctx));
    return extra.get(sectionId)!;
  };
  const seen = new Map<string, string>();
  for (const s of sections) {
    const r = rendered.get(s.id);
    if (!r) continue;
    for (const p of r.placements) {
      const dot = p.key.lastIndexOf('.');
      const data = dot > 0 ? dataOf(p.key.slice(0, dot)) : null;
      const name = p.key.slice(dot + 1);
      const ownFound = own.get(`${p.kind}:${p.key}`);
      const found = ownFound ? (ownFound.table ?? ownFound.chart!) : data ? (p.kind === 'table' ? data.tables[name] : data.charts[name]) : undefined;
      if (!found) {
        const known = [
          ...[...own.keys()].filter((k) => k.startsWith(`${p.kind}:`)).map((k) => k.slice(p.kind.length + 1)),
          ...sections.flatMap((x) => Object.keys(p.kind === 'table' ? x.tables : x.charts).map((k) => `${x.id}.${k}`)),
        ];
        throw new NarrativeError(
          'narrative-figure-unknown',
          r.file,
          `The narrative places the ${p.kind} "${p.key}", which does not exist.`,
          `Name a ${p.kind} as <section id>.<name>${known.length ? `, e.g. ${known.slice(0, 6).join(', ')}` : ''}.`,
          p.key,
          p.line,
        );
      }
      const id = `${p.kind}:${p.key}`;
      if (seen.has(id)) {
        throw new NarrativeError('narrative-figure-twice', r.file, `The ${p.kind} "${p.key}" is placed twice (also in ${seen.get(id)}).`, 'Place each figure once.', p.key, p.line);
      }
      seen.set(id, r.file);
      found.placed = true;
      s.placed[id] = p.kind === 'table' ? { kind: 'table', table: { ...(found as TableModel), placed: false }, chart: null } : { kind: 'chart', table: null, chart: { ...(found as ChartModel), placed: false } };
    }
  }
  // A board's own figure that no narrative places goes at the end of the section it names, if that is in the report.
  for (const [id, o] of own) {
    if (seen.has(id) || !o.section) continue;
    const s = sections.find((x) => x.id === o.section);
    if (!s) continue;
    const [kind, key] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
    s.narrative.after += `${placeHolder(kind, key)}\n`;
    s.placed[id] = o.table ? { kind: 'table', table: o.table, chart: null } : { kind: 'chart', table: null, chart: o.chart };
  }
}

/** A board's own tables and charts (tables.yaml), by `table:<id>` / `chart:<id>`, built from this year's figures. */
function ownFigures(ctx: Ctx): Map<string, { table: TableModel | null; chart: ChartModel | null; section?: string }> {
  const out = new Map<string, { table: TableModel | null; chart: ChartModel | null; section?: string }>();
  const declared = ctx.board.figures;
  if (!declared) return out;
  for (const t of declared.tables) {
    if (out.has(`table:${t.id}`)) continue;
    const table = declaredTable(t, ownFigureHtmlId('table', t.id), ctx.f);
    if (table.available) table.source = declaredSource(t.source, t.rows.map((r) => rowOfDeclaration(r).id).filter((id) => ctx.f.def(id)), declaredYears(ctx.year, t.earlierYears), ctx.f);
    out.set(`table:${t.id}`, { table, chart: null, ...(t.section ? { section: t.section } : {}) });
  }
  for (const c of declared.charts) {
    if (!out.has(`chart:${c.id}`)) out.set(`chart:${c.id}`, { table: null, chart: declaredChart(c, ownFigureHtmlId('chart', c.id), ctx.f), ...(c.section ? { section: c.section } : {}) });
  }
  return out;
}

/**
 * Replace each cross-reference `[](#label)` with a link printing the label's generated number: a section id
 * gives the section's number ("7", "Appendix B"), a paragraph label `{#label}` its number ("3.4"), a
 * figure key (`finance.expenditure`) its caption. An unknown label is a NarrativeError.
 */
function resolveReferences(sections: SectionModel[], rendered: Rendered): void {
  // `name`, when the printed text is only a number, is the link's accessible name: what it leads to, in
  // words that include the printed number (WCAG 2.4.4 and 2.5.3), so "7" is read "section 7: Training provision".
  const targets = new Map<string, { anchor: string; text: string; name?: string }>();
  for (const s of sections) {
    const name = !s.label ? undefined : s.isAppendix ? `${s.label}: ${s.title}` : `section ${s.label}: ${s.title}`;
    targets.set(s.id, { anchor: s.anchor, text: s.label || `“${s.title}”`, ...(name ? { name } : {}) });
  }
  for (const s of sections) {
    for (const [label, number] of rendered.get(s.id)?.labels ?? []) {
      if (!targets.has(label)) targets.set(label, { anchor: paragraphAnchor(number), text: number, name: `paragraph ${number}, in ${s.label && !s.isAppendix ? `section ${s.label}: ` : ''}${s.title}` });
    }
    for (const [name, t] of Object.entries(s.tables)) targets.set(`${s.id}.${name}`, { anchor: t.id, text: `“${t.caption}”` });
    for (const [name, c] of Object.entries(s.charts)) targets.set(`${s.id}.${name}`, { anchor: `fig-${c.id}`, text: `“${c.spec.title}”` });
    // A board's own figures are known by their declared ids.
    for (const [key, p] of Object.entries(s.placed)) {
      const label = key.slice(key.indexOf(':') + 1);
      if (targets.has(label)) continue;
      if (p.table) targets.set(label, { anchor: p.table.id, text: `“${p.table.caption}”` });
      else if (p.chart) targets.set(label, { anchor: `fig-${p.chart.id}`, text: `“${p.chart.spec.title}”` });
    }
  }
  for (const s of sections) {
    const r = rendered.get(s.id);
    const swap = (html: string): string =>
      html.replace(REFERENCE, (_whole, label: string) => {
        const t = targets.get(label);
        if (!t) {
          const at = r?.source.indexOf(`](#${label})`) ?? -1;
          throw new NarrativeError(
            'narrative-reference-unknown',
            r?.file ?? `narrative/${s.id}.md`,
            `The cross-reference [](#${label}) names no section, labelled paragraph or figure.`,
            'Refer to a section id, a paragraph label written {#label} at the end of a numbered paragraph, or a figure key such as finance.expenditure.',
            label,
            at >= 0 ? r!.source.slice(0, at).split('\n').length : undefined,
          );
        }
        const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
        return `<a href="#${t.anchor}"${t.name ? ` aria-label="${esc(t.name)}"` : ''}>${esc(t.text)}</a>`;
      });
    s.narrative.html = swap(s.narrative.html);
    s.narrative.after = swap(s.narrative.after);
  }
}

/** Where each built-in table's and chart's figures come from: returns, or other places, and the years. */
/** `figures`: id prefixes of the indicators a table shows, to name illustrative figures in its source line. */
const FIGURE_SOURCES: Record<string, { returns?: ReturnId[]; other?: string; years: 'year' | 'both' | 'series'; figures?: string[] }> = {
  'table-local-context-figures': { returns: ['context'], years: 'both', figures: ['context.', 'cp.plans_open_at_year_end'] },
  'table-training-events': { returns: ['trainingEvents'], years: 'year', figures: ['training.events', 'training.participants', 'training.type.'] },
  'table-training-agency': { returns: ['trainingAttendance'], years: 'year' },
  'chart-training-agency': { returns: ['trainingAttendance'], years: 'year' },
  'table-training-elearning': { returns: ['elearning'], years: 'year' },
  'table-training-courses': { other: 'training courses return (training-courses.csv)', years: 'both' },
  'table-training-courses-level': { other: 'training courses return (training-courses.csv)', years: 'both' },
  'table-section-11-overview': { returns: ['section11'], years: 'year' },
  'table-section-11-summary': { returns: ['section11'], years: 'year' },
  'table-cdop': { returns: ['cdopCases'], years: 'year', figures: ['cdop.'] },
  'table-cp-indicators': { returns: ['cpPlans'], years: 'both', figures: ['cp.plans_', 'cp.rate_per_10k', 'cp.second_or_subsequent_pct', 'cp.lasting_2y_plus_pct', 'cp.reviewed_in_time_pct'] },
  'table-cp-categories': { returns: ['cpPlans'], years: 'both', figures: ['cp.category.'] },
  'table-priority-other': { returns: ['context'], years: 'both', figures: ['context.'] },
  'table-board-membership': { returns: ['boardMembers'], years: 'year' },
  'table-lado-by-year': { returns: ['ladoReferrals'], years: 'series' },
  'chart-lado-by-year': { returns: ['ladoReferrals'], years: 'series' },
  'table-lado-source': { returns: ['ladoReferrals'], years: 'both', figures: ['lado.source.'] },
  'table-lado-nature': { returns: ['ladoReferrals'], years: 'both', figures: ['lado.nature.'] },
  'table-lado-outcome': { returns: ['ladoReferrals'], years: 'both', figures: ['lado.outcome.'] },
  'table-lado-work': { returns: ['ladoReferrals'], years: 'year', figures: ['lado.work_based', 'lado.outside_work'] },
  'table-lado-timeliness': { returns: ['ladoReferrals'], years: 'both', figures: ['lado.concluded_within_1_month_pct', 'lado.over_1_month'] },
  'table-finance-expenditure': { returns: ['finance'], years: 'year' },
  'table-finance-income': { returns: ['finance'], years: 'year' },
  'table-finance-balance': { returns: ['finance'], years: 'year' },
  'table-practice-reviews': { returns: ['practiceReviews'], years: 'year' },
  'table-board-subgroups': { other: 'the board’s configuration (board.yaml)', years: 'year' },
};

/** "Source: LADO referrals return (lado-referrals.csv), 2007-08 to 2012-13; earlier years as published." */
function sourceLine(id: string, year: string, seriesYears: string[] | null, data?: YearData): string {
  const found = FIGURE_SOURCES[id];
  if (!found) return '';
  // A return supplied as totals is the source of the figures it gave.
  const src = data && found.returns ? { ...found, returns: [...new Set(found.returns.map((r) => totalsInUse(data, r)?.def.id ?? r))] } : found;
  // "Training events" → "training events", but "LADO referrals" keeps its capitals.
  const lowerFirst = (t: string) => (/^[A-Z][a-z]/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t);
  const what = src.other ?? (src.returns ?? []).map((r) => `${lowerFirst(returnDef(r).title)} return (${returnDef(r).file})`).join(' and ');
  const period =
    src.years === 'series' && seriesYears && seriesYears.length > 1
      ? `${seriesYears[0]} to ${seriesYears.at(-1)}`
      : src.years === 'both'
        ? `${year} and ${shiftYear(year, -1)}`
        : year;
  const earlier = src.years === 'year' || src.other ? '' : '; figures for years without a return are those the board published (aggregates/published-figures.csv)';
  return `Source: ${what}, ${period}${earlier}.`;
}

/**
 * The words added to a table's or chart's source line when it shows figures the board declares
 * illustrative: all of them (an illustrative return), or the ones named.
 */
function illustrativeLine(id: string, decl: IllustrativeFigures | null, f: Figures): string {
  const src = FIGURE_SOURCES[id];
  if (!decl || !src) return '';
  if ((src.returns ?? []).some((r) => decl.returns.includes(returnDef(r).file))) {
    return ' Illustrative figures: the source did not publish these, and the values shown are invented.';
  }
  const shown = f.report.rows.filter(
    (r) => (src.figures ?? []).some((p) => r.def.id.startsWith(p)) && isIllustrative(decl, r.def.id) && r.current.value !== null,
  );
  if (shown.length === 0) return '';
  const names = shown.map((r) => r.def.breakdownLabel ?? r.def.title);
  return ` Illustrative figures (not published by the source; the values shown are invented): ${names.join(', ')}.`;
}

/** Give every available built-in table and chart its source line. */
function addSources(sections: SectionModel[], year: string, decl: IllustrativeFigures | null, f: Figures, data?: YearData): void {
  for (const s of sections) {
    for (const t of Object.values(s.tables)) {
      if (!t.available || t.source) continue;
      const years = t.id === 'table-lado-by-year' ? t.rows.map((r) => r[0]!.text) : null;
      t.source = sourceLine(t.id, year, years, data) + illustrativeLine(t.id, decl, f);
    }
    for (const c of Object.values(s.charts)) {
      if (!c.available || c.source) continue;
      c.source = sourceLine(c.id, year, chartCategories(c.spec), data) + illustrativeLine(c.id, decl, f);
    }
  }
}

/**
 * Add the note explaining [c] under every table that shows it; true when anything in the report (a
 * table, a chart or a live figure in the narrative) is shown as [c].
 */
function noteSuppressedFigures(sections: SectionModel[], threshold: number): boolean {
  let any = false;
  const note = suppressionNote(threshold);
  for (const s of sections) {
    // A section's own figures, and those its narrative places (a board's own figures live only there).
    const tables = [...Object.values(s.tables), ...Object.values(s.placed).flatMap((p) => (p.table ? [p.table] : []))];
    const charts = [...Object.values(s.charts), ...Object.values(s.placed).flatMap((p) => (p.chart ? [p.chart] : []))];
    for (const t of tables) {
      if (![...t.rows, ...t.totals].some((r) => r.some((c) => c.text === SUPPRESSED))) continue;
      any = true;
      if (!t.notes.includes(note)) t.notes.push(note);
    }
    for (const c of charts) {
      if (!(c.spec.kind === 'line' ? c.spec.description.includes(SUPPRESSED) : c.spec.data.some((d) => d.text === SUPPRESSED))) continue;
      any = true;
      // A chart says what its missing bar or point stands for, as a table does.
      if (!c.notes.includes(note)) c.notes.push(note);
    }
    if (`${s.narrative.html}${s.narrative.after}`.includes(SUPPRESSED)) any = true;
  }
  return any;
}
