/**
 * Headline figures: a short, chosen list of indicators with this year's value, last year's, the change in
 * words and a verdict (improved, worsened, no change, not rated, no comparison) that never relies on
 * colour. Shared by the year-at-a-glance page and the cover paper. Pure: an IndicatorReport in, data out.
 */
import { isSuppressed, NOT_PUBLISHED } from '../disclosure/disclose-indicators.js';
import { SUPPRESSED } from '../disclosure/suppress.js';
import { INDICATORS, isKnownIndicatorId, suggestIndicatorId } from '../indicators/catalogue.js';
import { formatChange, formatIndicatorValue, NOT_AVAILABLE } from '../indicators/format.js';
import type { IndicatorDef, IndicatorReport, IndicatorRow, IndicatorValue } from '../indicators/types.js';

/** The indicators on the cover paper's headline table when the board names none. */
export const DEFAULT_COVER_HEADLINE_IDS: readonly string[] = [
  'cp.plans_open_at_year_end',
  'cp.rate_per_10k',
  'lado.referrals',
  'cdop.deaths_notified',
  'training.participants',
  'finance.carry_forward',
];

/** The indicators on the year-at-a-glance page when none are named: the cover's, plus four percentages. */
export const DEFAULT_GLANCE_IDS: readonly string[] = [
  ...DEFAULT_COVER_HEADLINE_IDS,
  'cp.second_or_subsequent_pct',
  'cp.reviewed_in_time_pct',
  'lado.concluded_within_1_month_pct',
  'training.elearning_completions',
];

/**
 * The reader's verdict on a change: judged by the indicator's polarity (`improved`, `worsened`), no
 * change, a change that is neither good nor bad news (`not-rated`), or no comparison possible.
 */
export type Verdict = 'improved' | 'worsened' | 'unchanged' | 'not-rated' | 'no-comparison';

/** How each verdict is written, always shown beside its symbol. */
export const VERDICT_WORDS: Record<Verdict, string> = {
  improved: 'Better',
  worsened: 'Worse',
  unchanged: 'No change',
  'not-rated': 'Not judged',
  'no-comparison': 'No comparison',
};

/** What each verdict means, for the key under a table or page. */
export const VERDICT_MEANINGS: Record<Verdict, string> = {
  improved: 'the figure moved the way the board wants it to',
  worsened: 'the figure moved the way the board does not want it to',
  unchanged: 'the same as last year, as published',
  'not-rated': 'the figure changed, but a rise or a fall is neither good nor bad news in itself',
  'no-comparison': 'there is no figure for one of the two years, so no change can be given',
};

/** One headline figure, formatted for a reader. */
export interface HeadlineFigure {
  id: string;
  title: string;
  /** This year's value as published ("217", "13.0%", "£46,703", "not available", or "[c]" when suppressed). */
  value: string;
  /** Last year's value as published, or "not available". */
  previous: string;
  /** The change in words ("down 20 (8.4%)", "up 2.2 percentage points", "no change", "not available"). */
  change: string;
  verdict: Verdict;
  verdictWord: string;
  /** Why this year's value is not available, when it is not. */
  valueReason?: string;
  /** Why last year's value is not available, when it is not. */
  previousReason?: string;
  /** Why there is no change although both values exist (e.g. the years are not consecutive). */
  changeReason?: string;
  /** The period this year's value describes, when not the year ("at 31 January 2012"). */
  valuePeriod?: string;
  /** The period last year's value describes, when not that year ("March 2011"). */
  previousPeriod?: string;
}

/** A headline list: figures in the order asked for, the years compared, and ids that are not indicators. */
export interface HeadlineFigures {
  year: string;
  previousYear: string;
  figures: HeadlineFigure[];
}

/** An id in a headline list that is not in the indicator catalogue. */
export class UnknownHeadlineIndicatorError extends Error {
  constructor(
    readonly id: string,
    /** The closest catalogue id, for a "did you mean" hint. */
    readonly suggestion: string,
  ) {
    super(`"${id}" is not an indicator.`);
    this.name = 'UnknownHeadlineIndicatorError';
  }
}

/** The verdict a row's change earns. */
export function verdictOf(row: IndicatorRow): Verdict {
  switch (row.change.direction) {
    case 'improved':
      return 'improved';
    case 'worsened':
      return 'worsened';
    case 'unchanged':
      return 'unchanged';
    case 'not_applicable': {
      const amount = row.change.points ?? row.change.absolute;
      return amount === null ? 'no-comparison' : 'not-rated';
    }
  }
}

/**
 * The change in words without formatChange's "(reason)": the tables footnote reasons instead. A change that
 * would give away a suppressed figure is "not published".
 */
function changeText(row: IndicatorRow): string {
  if (isSuppressed(row.current) || isSuppressed(row.previous)) return NOT_PUBLISHED;
  const text = formatChange(row.def, row.change);
  return text.startsWith(NOT_AVAILABLE) ? NOT_AVAILABLE : text;
}

/** A value as published; `[c]` when disclosure control withheld it. */
function valueText(row: IndicatorRow, value: IndicatorValue): string {
  return isSuppressed(value) ? SUPPRESSED : formatIndicatorValue(row.def, value);
}

/** One indicator row as a headline figure. */
export function headlineFigure(row: IndicatorRow): HeadlineFigure {
  const verdict = verdictOf(row);
  const figure: HeadlineFigure = {
    id: row.def.id,
    title: row.def.title,
    value: valueText(row, row.current),
    previous: valueText(row, row.previous),
    change: changeText(row),
    verdict,
    verdictWord: VERDICT_WORDS[verdict],
  };
  if (row.current.value === null) figure.valueReason = row.current.reason ?? `there is no figure for ${row.year}`;
  if (row.previous.value === null) figure.previousReason = row.previous.reason ?? `there is no figure for ${row.previousYear}`;
  if (row.current.value !== null && row.current.period) figure.valuePeriod = row.current.period;
  if (row.previous.value !== null && row.previous.period) figure.previousPeriod = row.previous.period;
  if (verdict === 'no-comparison' && row.current.value !== null && row.previous.value !== null && row.change.reason) {
    figure.changeReason = row.change.reason;
  }
  return figure;
}

/** Check a list of ids against the catalogue; throws UnknownHeadlineIndicatorError for the first stranger. */
export function checkHeadlineIds(ids: readonly string[], defs: readonly IndicatorDef[] = INDICATORS): void {
  for (const id of ids) {
    if (!isKnownIndicatorId(id, defs)) throw new UnknownHeadlineIndicatorError(id, suggestIndicatorId(id, defs.map((d) => d.id)));
  }
}

/** The headline figures for `ids` (in that order, duplicates dropped) from a year's indicator report. */
export function headlineFigures(report: IndicatorReport, ids: readonly string[]): HeadlineFigures {
  // The report's rows carry the board's own indicators as well as the tool's.
  checkHeadlineIds(ids, report.rows.length ? report.rows.map((r) => r.def) : INDICATORS);
  const rows = new Map(report.rows.map((r) => [r.def.id, r]));
  const figures: HeadlineFigure[] = [];
  for (const id of new Set(ids)) {
    const row = rows.get(id);
    if (row) figures.push(headlineFigure(row));
  }
  const previousYear = report.rows[0]?.previousYear ?? '';
  return { year: report.year, previousYear, figures };
}

/** A numbered note: the reasons figures are not available, each given once. */
export interface FigureNote {
  number: number;
  text: string;
}

/** Per figure, the number of the note explaining each missing part (null when nothing is missing). */
export interface FigureNoteRefs {
  value: number | null;
  previous: number | null;
  change: number | null;
}

/** Number the distinct reasons in a list of figures, in reading order; returns the notes and each figure's references. */
export function numberReasons(figures: readonly HeadlineFigure[]): { notes: FigureNote[]; refs: FigureNoteRefs[] } {
  const notes: FigureNote[] = [];
  const noteFor = (reason: string | undefined): number | null => {
    if (!reason) return null;
    const found = notes.find((n) => n.text === reason);
    if (found) return found.number;
    const note = { number: notes.length + 1, text: reason };
    notes.push(note);
    return note.number;
  };
  // A figure for another period than its column's year gets a note saying which.
  const period = (p: string | undefined) => (p ? `period of the figure: ${p}` : undefined);
  const refs = figures.map((f) => ({
    value: noteFor(f.valueReason ?? period(f.valuePeriod)),
    previous: noteFor(f.previousReason ?? period(f.previousPeriod)),
    change: noteFor(f.changeReason),
  }));
  return { notes, refs };
}
