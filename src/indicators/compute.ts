/**
 * Compute stage: every indicator for a year from the case-level rows and context.csv, then the series over
 * every year the board has (computed where there are returns, supplied aggregates elsewhere), the change
 * from the previous year, comparators, and reconciliation findings where computed and published differ.
 * Everything here is pure except `loadAllYears`.
 */
import { loadYear, type BoardData, type WithRow, type YearData } from '../load/load-board.js';
import { OTHER_FILES, alternativesOf, returnDef, type ReturnDef, type ReturnId } from '../returns/definitions.js';
import { financeStatement } from '../returns/finance-statement.js';
import { poundsOf } from '../returns/money.js';
import type { CpPlanRow, PublishedFigureRow, TotalsRow, TrainingCourseRow } from '../returns/schemas.js';
import { entryCount, figureCount, readTotals } from '../returns/totals.js';
import { isNotRecorded } from '../returns/not-recorded.js';
import { notCollectedPhrase, notCollectedReturns } from '../returns/collection.js';
import { addMonths, addYears, inYear, parseYear, shiftYear } from '../returns/year.js';
import { sortFindings, type Finding } from '../findings.js';
import { comparatorValues, computeChange } from './change.js';
import { BOARD_INDICATORS_FILE, matchingRows, ratioOrder, resolveRowFormula, sumRows } from './board-indicators.js';
import { COURSE_INDICATORS, INDICATORS, catalogueOf, indicatorDef, isKnownIndicatorId, suggestIndicatorId } from './catalogue.js';
import { formatValue } from './format.js';
import { decimalsOf, roundHalfAway } from './rounding.js';
import { isElearningTotalRow } from '../validate/checks/elearning-total.js';
import type { IndicatorDef, IndicatorReport, IndicatorRow, IndicatorValue, Provenance } from './types.js';

/** How each return is named in a reason ("the LADO referrals return for 2012-13 was not supplied"). */
const RETURN_PHRASE: Partial<Record<ReturnId, string>> = {
  cpPlans: 'child protection plans return',
  ladoReferrals: 'LADO referrals return',
  cdopCases: 'child deaths (CDOP) return',
  trainingEvents: 'training events return',
  elearning: 'e-learning completions return',
  finance: 'finance return',
  context: 'context figures return (context.csv)',
};

/**
 * Why a return's figures are not available: the board does not collect it (board.yaml), not supplied
 * (undefined) or unreadable (null).
 */
function returnUnavailable(id: ReturnId, year: string, state: null | undefined | readonly unknown[], out?: YearValues): string {
  const phrase = RETURN_PHRASE[id] ?? `${returnDef(id).title} return`;
  if (state === undefined && out?.notCollected.has(id)) return notCollectedPhrase(returnDef(id), out.boardName, out.notCollected.get(id) ?? null);
  // A return with a header and no rows is a blank template not yet filled in: not available, never 0.
  if (Array.isArray(state)) return `the ${phrase} for ${year} has no rows yet`;
  return state === undefined
    ? `the ${phrase} for ${year} was not supplied`
    : `the ${phrase} for ${year} could not be read (run \`lscb-report validate ${year}\`)`;
}

/** Plans open at the end of the day `date`: started on or before it and not ended by then. */
export function openAt(plan: CpPlanRow, date: string): boolean {
  return plan.planStart <= date && (plan.planEnd === null || plan.planEnd > date);
}

/** Collects the values of one year, in catalogue order. */
class YearValues {
  private readonly values = new Map<string, IndicatorValue>();
  constructor(
    readonly year: string,
    private readonly defs: readonly IndicatorDef[] = INDICATORS,
    /** Returns the board declares it does not collect, with the reason it gives. */
    readonly notCollected: ReadonlyMap<ReturnId, string | null> = new Map(),
    readonly boardName?: string,
  ) {}

  set(id: string, v: Omit<IndicatorValue, 'id' | 'year'>): void {
    if (!isKnownIndicatorId(id, this.defs)) throw new Error(`internal: indicator ${id} is not in the catalogue`);
    this.values.set(id, { id, year: this.year, ...v });
  }

  count(id: string, n: number, provenance: Provenance): void {
    this.set(id, { value: n, provenance });
  }

  /** A percentage from counts; null with a reason when the denominator is 0. */
  percent(id: string, numerator: number, denominator: number, provenance: Provenance, emptyReason: string): void {
    if (denominator === 0) this.set(id, { value: null, numerator, denominator, provenance, reason: emptyReason });
    else this.set(id, { value: (numerator / denominator) * 100, numerator, denominator, provenance });
  }

  /** True when the id is in this board's catalogue. */
  has(id: string): boolean {
    return isKnownIndicatorId(id, this.defs);
  }

  unavailable(id: string, reason: string): void {
    this.set(id, { value: null, provenance: null, reason });
  }

  list(): IndicatorValue[] {
    return this.defs.map(
      (d) => this.values.get(d.id) ?? { id: d.id, year: this.year, value: null, provenance: null, reason: `no figure is computed for ${d.id}` },
    );
  }
}

const idsWithPrefix = (prefix: string) => INDICATORS.filter((d) => d.id.startsWith(prefix)).map((d) => d.id);

/**
 * Why a figure built from `rows` is not available when some of them say a column it needs was not
 * recorded ("3 of the 144 referrals received in 2012-13 have Referral source not recorded"); null when
 * every row records it.
 */
function notRecordedReason<T>(rows: readonly T[], key: keyof T & string, what: string, returnId: ReturnId): string | null {
  const n = rows.filter((r) => isNotRecorded(r[key])).length;
  if (n === 0) return null;
  const header = returnDef(returnId).columns.find((c) => c.key === key)?.header ?? key;
  return `${n} of the ${rows.length} ${what} have ${header} not recorded (${returnDef(returnId).file})`;
}

/**
 * A built-in breakdown member counted by its declared formula (`count: { return, column, value }`, the form
 * a board's indicators.yaml uses), over the rows in its scope (the referrals received in the year, the
 * events held in it), by the same code that evaluates a board's own formulas.
 */
function countByFormula(def: IndicatorDef, rows: readonly object[]): number {
  const f = def.formula;
  if (!f || 'ratio' in f || 'share' in f) throw new Error(`internal: ${def.id} declares no count or sum formula`);
  const resolved = resolveRowFormula(f);
  if ('problem' in resolved) throw new Error(`internal: ${def.id}: ${resolved.problem.message}`);
  const r = resolved.formula;
  const scoped = rows as Record<string, unknown>[];
  return r.kind === 'sum' ? sumRows(r, scoped) : matchingRows(r, scoped).length;
}

/** A built-in figure by its declared formula over the rows in its scope (`countByFormula`). */
const byFormula = (id: string, rows: readonly object[]): number => countByFormula(indicatorDef(id)!, rows);

function countBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return m;
}

function computeCp(data: YearData, out: YearValues): void {
  const y = data.year;
  const rows = data.returns.cpPlans;
  const cpIds = idsWithPrefix('cp.');
  if (!rows || rows.length === 0) {
    if (computeFromTotals(data, 'cpPlans', out)) return;
    for (const id of cpIds) out.unavailable(id, returnUnavailable('cpPlans', y.label, rows, out));
    return;
  }
  const prov: Provenance = { kind: 'computed', file: `${y.label}/${returnDef('cpPlans').file}` };
  const open = rows.filter((r) => openAt(r, y.end));
  const started = rows.filter((r) => inYear(r.planStart, y));
  const ended = rows.filter((r) => r.planEnd !== null && inYear(r.planEnd, y));
  out.count('cp.plans_open_at_year_end', open.length, prov);
  out.count('cp.plans_started', started.length, prov);
  out.count('cp.plans_ended', ended.length, prov);
  const previousUnknown = notRecordedReason(started, 'previousPlan', `plans started in ${y.label}`, 'cpPlans');
  if (previousUnknown) out.unavailable('cp.second_or_subsequent_pct', previousUnknown);
  else out.percent(
    'cp.second_or_subsequent_pct',
    started.filter((r) => r.previousPlan === true).length,
    started.length,
    prov,
    `no plans started in ${y.label}, so there is no percentage`,
  );
  out.percent(
    'cp.lasting_2y_plus_pct',
    ended.filter((r) => r.planEnd! >= addYears(r.planStart, 2)).length,
    ended.length,
    prov,
    `no plans ended in ${y.label}, so there is no percentage`,
  );
  const threeMonthsBeforeEnd = addMonths(y.end, -3);
  const reviewable = open.filter((r) => r.planStart <= threeMonthsBeforeEnd);
  out.percent(
    'cp.reviewed_in_time_pct',
    reviewable.filter((r) => r.reviewsOnTime >= r.reviewsDue).length,
    reviewable.length,
    prov,
    `no plan open on 31 March had lasted 3 months, so there is no percentage`,
  );
  const byCategory = countBy(open, (r) => r.category);
  const categoryUnknown = notRecordedReason(open, 'category', `plans open at ${y.end}`, 'cpPlans');
  for (const d of INDICATORS.filter((x) => x.breakdownOf === 'cp.category')) {
    if (categoryUnknown) out.unavailable(d.id, categoryUnknown);
    else out.count(d.id, byCategory.get(d.breakdownCode!) ?? 0, prov);
  }

  cpRate(data, open.length, prov, out);
}

/** Plans open at 31 March per 10,000 children, from the open count and context.csv's child population. */
function cpRate(data: YearData, open: number, prov: Provenance, out: YearValues): void {
  const y = data.year;
  const context = data.returns.context;
  const population = context?.find((r) => r.measure === 'child_population_0_17');
  if (!context) {
    out.unavailable('cp.rate_per_10k', `the child population is needed for the rate and ${returnUnavailable('context', y.label, context, out)}`);
  } else if (!population) {
    out.unavailable('cp.rate_per_10k', `context.csv for ${y.label} gives no child population (child_population_0_17), which the rate needs`);
  } else if (population.value <= 0) {
    out.unavailable('cp.rate_per_10k', `the child population in context.csv for ${y.label} is ${population.value}, so there is no rate`);
  } else {
    out.set('cp.rate_per_10k', {
      value: (open / population.value) * 10000,
      numerator: open,
      denominator: population.value,
      provenance: { ...prov, source: `child population ${population.value} from ${y.label}/context.csv: ${population.source}` },
    });
  }
}

function computeLado(data: YearData, out: YearValues): void {
  const y = data.year;
  const rows = data.returns.ladoReferrals;
  if (!rows || rows.length === 0) {
    if (computeFromTotals(data, 'ladoReferrals', out)) return;
    for (const id of idsWithPrefix('lado.')) out.unavailable(id, returnUnavailable('ladoReferrals', y.label, rows, out));
    return;
  }
  const prov: Provenance = { kind: 'computed', file: `${y.label}/${returnDef('ladoReferrals').file}` };
  const received = rows.filter((r) => inYear(r.dateReceived, y));
  out.count('lado.referrals', byFormula('lado.referrals', received), prov);
  for (const [family, key] of [
    ['lado.source', 'source'],
    ['lado.sector', 'sector'],
    ['lado.nature', 'nature'],
    ['lado.outcome', 'outcome'],
  ] as const) {
    const unknown = notRecordedReason(received, key, `referrals received in ${y.label}`, 'ladoReferrals');
    for (const d of INDICATORS.filter((x) => x.breakdownOf === family)) {
      if (unknown) out.unavailable(d.id, unknown);
      else out.count(d.id, countByFormula(d, received), prov);
    }
  }
  const workUnknown = notRecordedReason(received, 'workBased', `referrals received in ${y.label}`, 'ladoReferrals');
  if (workUnknown) {
    out.unavailable('lado.work_based', workUnknown);
    out.unavailable('lado.outside_work', workUnknown);
  } else {
    out.count('lado.work_based', received.filter((r) => r.workBased === true).length, prov);
    out.count('lado.outside_work', received.filter((r) => r.workBased === false).length, prov);
  }
  // A referral is concluded when it has a conclusion date and is not recorded as outstanding.
  const concluded = received.filter((r) => r.outcome !== 'outstanding' && r.dateConcluded !== null);
  const within = concluded.filter((r) => r.dateConcluded! <= addMonths(r.dateReceived, 1));
  const over = concluded.filter((r) => r.dateConcluded! > addMonths(r.dateReceived, 1));
  out.percent('lado.concluded_within_1_month_pct', within.length, received.length, prov, `no referrals were received in ${y.label}, so there is no percentage`);
  out.count('lado.over_1_month', over.length, prov);
  const enquiriesUnknown =
    notRecordedReason(over, 'policeInvolved', `referrals that took more than a month`, 'ladoReferrals') ??
    notRecordedReason(over, 'disciplinaryInvolved', `referrals that took more than a month`, 'ladoReferrals');
  const enquiries: [string, boolean, boolean][] = [
    ['lado.over_1_month_police', true, false],
    ['lado.over_1_month_disciplinary', false, true],
    ['lado.over_1_month_both', true, true],
  ];
  for (const [id, police, disciplinary] of enquiries) {
    if (enquiriesUnknown) out.unavailable(id, enquiriesUnknown);
    else out.count(id, over.filter((r) => r.policeInvolved === police && r.disciplinaryInvolved === disciplinary).length, prov);
  }
}

/** The totals return standing in for a case-level return this year, when the case-level one has no rows. */
export function totalsInUse(data: YearData, caseLevel: ReturnId): { def: ReturnDef; rows: readonly WithRow<TotalsRow>[] } | null {
  const own = data.returns[caseLevel];
  if (own && own.length > 0) return null;
  for (const def of alternativesOf(caseLevel)) {
    const rows = data.returns[def.id] as WithRow<TotalsRow>[] | null | undefined;
    if (rows && rows.length > 0 && def.totals) return { def, rows };
  }
  return null;
}

/** True when an indicator id is one a totals return stands in for. */
function coveredBy(def: ReturnDef, id: string): boolean {
  return (def.totals?.covers ?? []).some((p) => id === p || (p.endsWith('.') && id.startsWith(p)));
}

/** Why a totals file gives no figure for an indicator: "the LADO totals for 2012-13 (lado-totals.csv) do not give referrals by source". */
function totalsMissingReason(def: ReturnDef, year: string, id: string): string {
  const figure = def.totals!.figures.find(
    (x) => x.indicator === id || x.percentIndicator === id || (x.family !== undefined && id.startsWith(`${x.family}.`)),
  ) ?? (id === 'cp.rate_per_10k' ? def.totals!.figures[0] : undefined);
  const what = figure ? figure.label.replace(/\s*\([^)]*\)$/, '') : 'this figure';
  return `the ${def.totals!.subject} totals for ${year} (${def.file}) do not give ${what.charAt(0).toLowerCase()}${what.slice(1)}`;
}

/**
 * The figures of a return supplied as totals: what the file gives and nothing else. Every indicator of
 * the return it stands in for that the file does not give is not available, with the reason. A part given
 * as a percentage of its base is a count of that base (rounded), and says so; a percentage indicator
 * given as a percentage keeps the precision it was written with. False when no totals file is in use.
 */
function computeFromTotals(data: YearData, caseLevel: ReturnId, out: YearValues): boolean {
  const used = totalsInUse(data, caseLevel);
  if (!used) return false;
  const y = data.year.label;
  const def = used.def;
  const file = `${y}/${def.file}`;
  const t = readTotals(def, used.rows);
  for (const d of INDICATORS) if (coveredBy(def, d.id)) out.unavailable(d.id, totalsMissingReason(def, y, d.id));
  const baseWord = (code: string) => (code === 'total' ? 'total' : `${code} figure`);
  const prov = (derived: boolean, base: string | undefined, plural = false, label?: string): Provenance => {
    const n = base ? figureCount(t, base)?.count : undefined;
    const from = plural ? 'counts derived from the percentages supplied' : 'a count derived from the percentage supplied';
    return { kind: 'supplied', file, source: derived && base ? `${from}, of the ${baseWord(base)} of ${n}` : plural ? 'counts as supplied' : `${label ? `${label.charAt(0).toLowerCase()}${label.slice(1)}, ` : ''}as supplied` };
  };
  for (const figure of def.totals!.figures) {
    if (figure.family) {
      const parts = t.parts.get(figure.code);
      if (!parts) continue;
      const base = figure.base ? figureCount(t, figure.base) : null;
      const counts = new Map<string, { count: number; derived: boolean }>();
      for (const [code, e] of parts) {
        const c = entryCount(t, e);
        if (c) counts.set(code, c);
      }
      // A part given as a percentage of a base the file does not give cannot be counted: the breakdown is not available.
      if (counts.size < parts.size) continue;
      const derived = [...counts.values()].some((c) => c.derived);
      for (const d of INDICATORS.filter((x) => x.breakdownOf === figure.family)) {
        // Every case belongs to one part of a breakdown, so a code the file leaves out has none.
        out.count(d.id, counts.get(d.breakdownCode!)?.count ?? 0, prov(derived, base ? figure.base : undefined, true));
      }
      continue;
    }
    const e = t.single.get(figure.code);
    if (!e) continue;
    const c = entryCount(t, e);
    const base = figure.base ? figureCount(t, figure.base) : null;
    if (figure.indicator && c) out.count(figure.indicator, c.count, prov(c.derived, figure.base, false, figure.label));
    if (figure.percentIndicator) {
      const pid = figure.percentIndicator;
      const pdef = INDICATORS.find((d) => d.id === pid)!;
      if (e.percent !== null) {
        out.set(pid, {
          value: e.percent,
          ...(c && base && !c.derived ? { numerator: c.count, denominator: base.count } : base ? { denominator: base.count } : {}),
          provenance: { kind: 'supplied', file, source: 'the percentage as supplied' },
          // Written as 13.0 or 13, it is published at the catalogue's precision (13.0%); finer, as written.
          ...(decimalsOf(e.percent) > pdef.decimals ? { decimals: Math.min(10, decimalsOf(e.percent)) } : {}),
        });
      } else if (c && base) {
        out.percent(pid, c.count, base.count, { kind: 'supplied', file, source: `counts as supplied (${figure.code} of ${figure.base})` }, `the ${figure.base} figure in ${def.file} is 0, so there is no percentage`);
      } else {
        out.unavailable(pid, `${def.file} for ${y} gives the ${figure.code} figure but no count for its base (${baseWord(figure.base!)}), so there is no percentage`);
      }
    }
  }
  if (caseLevel === 'cpPlans') {
    const open = figureCount(t, 'open');
    if (open) cpRate(data, open.count, prov(false, undefined), out);
  }
  return true;
}

function computeCdop(data: YearData, out: YearValues): void {
  const y = data.year;
  const rows = data.returns.cdopCases;
  if (!rows || rows.length === 0) {
    if (computeFromTotals(data, 'cdopCases', out)) return;
    for (const id of idsWithPrefix('cdop.')) out.unavailable(id, returnUnavailable('cdopCases', y.label, rows, out));
    return;
  }
  const prov: Provenance = { kind: 'computed', file: `${y.label}/${returnDef('cdopCases').file}` };
  const concludedInYear = (r: (typeof rows)[number]) => r.dateConcluded !== null && inYear(r.dateConcluded, y);
  const notified = rows.filter((r) => inYear(r.dateNotified, y));
  const concludedNotifiedInYear = notified.filter(concludedInYear).length;
  out.count('cdop.deaths_notified', notified.length, prov);
  out.count('cdop.reviews_concluded', rows.filter(concludedInYear).length, prov);
  out.percent('cdop.notified_concluded_in_year_pct', concludedNotifiedInYear, notified.length, prov, `no deaths were notified in ${y.label}, so there is no percentage`);
  const statusUnknown = notRecordedReason(notified, 'reviewStatus', `deaths notified in ${y.label}`, 'cdopCases');
  const byStatus: [string, (status: string) => boolean][] = [
    ['cdop.considered_at_panel', (st) => st === 'deferred' || st === 'concluded'],
    ['cdop.deferred', (st) => st === 'deferred'],
    ['cdop.not_yet_discussed', (st) => st === 'not-discussed'],
  ];
  for (const [id, matches] of byStatus) {
    if (statusUnknown) out.unavailable(id, statusUnknown);
    else out.count(id, notified.filter((r) => matches(r.reviewStatus)).length, prov);
  }
  out.count('cdop.concluded_notified_in_year', concludedNotifiedInYear, prov);
  out.count('cdop.concluded_notified_earlier', rows.filter((r) => concludedInYear(r) && r.dateNotified < y.start).length, prov);
}

function computeTraining(data: YearData, out: YearValues): void {
  const y = data.year;
  const events = data.returns.trainingEvents;
  const eventIds = ['training.events', 'training.participants', ...INDICATORS.filter((d) => d.breakdownOf === 'training.type').map((d) => d.id)];
  if (!events || events.length === 0) {
    if (!computeFromTotals(data, 'trainingEvents', out)) {
      for (const id of eventIds) out.unavailable(id, returnUnavailable('trainingEvents', y.label, events, out));
    }
  } else {
    const prov: Provenance = { kind: 'computed', file: `${y.label}/${returnDef('trainingEvents').file}` };
    const inYearEvents = events.filter((r) => inYear(r.date, y));
    out.count('training.events', byFormula('training.events', inYearEvents), prov);
    out.count('training.participants', byFormula('training.participants', inYearEvents), prov);
    for (const d of INDICATORS.filter((x) => x.breakdownOf === 'training.type')) out.count(d.id, countByFormula(d, inYearEvents), prov);
  }
  const courses = data.returns.elearning;
  if (!courses || courses.length === 0) {
    out.unavailable('training.elearning_completions', returnUnavailable('elearning', y.label, courses, out));
  } else {
    const prov: Provenance = { kind: 'computed', file: `${y.label}/${returnDef('elearning').file}` };
    out.count('training.elearning_completions', byFormula('training.elearning_completions', courses.filter((r) => !isElearningTotalRow(r.course))), prov);
  }
}

/** The year a course row describes: its Year, or the folder's year when blank. */
export function courseYear(row: TrainingCourseRow, folderYear: string): string {
  return row.year?.trim() || folderYear;
}

/**
 * The course-level training figures of `year` from the course rows of one folder (its own year's, or the
 * next year's file giving the year before). Sums over the courses with a figure; a figure no course gives
 * is not available, never 0.
 */
function courseValues(rows: readonly TrainingCourseRow[], year: string, file: string): Omit<IndicatorValue, 'year'>[] {
  const prov: Provenance = { kind: 'computed', file };
  const sum = (id: string, key: 'runs' | 'places' | 'attended', delivery?: string): Omit<IndicatorValue, 'year'> => {
    const of = rows.filter((r) => delivery === undefined || r.delivery === delivery);
    const given = of.filter((r) => r[key] !== null);
    if (given.length === 0) {
      const what = delivery ? `${delivery} courses` : 'courses';
      return { id, value: null, provenance: null, reason: of.length ? `${file} gives no ${returnDef('trainingCourses').columns.find((c) => c.key === key)!.header} for the ${what} of ${year}` : `${file} lists no ${what} for ${year}` };
    }
    const missing = of.length - given.length;
    if (missing > 0 && key === 'attended') {
      return { id, value: null, provenance: null, reason: `${missing} of the ${of.length} ${delivery ? `${delivery} ` : ''}courses of ${year} in ${file} give no Attended figure` };
    }
    return { id, value: given.reduce((a, r) => a + r[key]!, 0), provenance: prov };
  };
  return [
    sum('training.courses_run', 'runs'),
    sum('training.course_places', 'places'),
    sum('training.course_attendances', 'attended'),
    sum('training.course_attendances_face_to_face', 'attended', 'face-to-face'),
    sum('training.course_attendances_elearning', 'attended', 'e-learning'),
  ];
}

function computeCourses(data: YearData, out: YearValues): void {
  if (!out.has('training.courses_run')) return;
  const y = data.year.label;
  const rows = data.returns.trainingCourses;
  if (!rows || rows.length === 0) {
    for (const d of COURSE_INDICATORS) out.unavailable(d.id, returnUnavailable('trainingCourses', y, rows, out));
    return;
  }
  const file = `${y}/${returnDef('trainingCourses').file}`;
  for (const v of courseValues(rows.filter((r) => courseYear(r, y) === y), y, file)) out.set(v.id, v);
}

function computeFinance(data: YearData, out: YearValues): void {
  const y = data.year;
  const rows = data.returns.finance;
  if (!rows || rows.length === 0) {
    for (const id of idsWithPrefix('finance.')) out.unavailable(id, returnUnavailable('finance', y.label, rows, out));
    return;
  }
  const prov: Provenance = { kind: 'computed', file: `${y.label}/${returnDef('finance').file}` };
  // Amounts are whole pence, summed exactly; a statement with any pence publishes every figure with pence.
  const st = financeStatement(rows);
  const dp = st.withPence ? { decimals: 2 } : {};
  const money = (id: string, pence: number) => out.set(id, { value: poundsOf(pence), provenance: prov, ...dp });
  money('finance.expenditure_total', st.expenditurePence);
  money('finance.income_total', st.incomePence);
  money('finance.carry_forward', Math.max(st.balancePence, 0));
  money('finance.met_from_reserves', Math.max(-st.balancePence, 0));
  if (st.closingReservesPence === null) {
    out.unavailable('finance.closing_reserves', `the finance return for ${y.label} gives neither opening nor closing reserves`);
  } else {
    money('finance.closing_reserves', st.closingReservesPence);
  }
}

function computeContext(data: YearData, out: YearValues): void {
  const y = data.year;
  const rows = data.returns.context;
  const file = `${y.label}/${returnDef('context').file}`;
  for (const d of INDICATORS.filter((x) => x.id.startsWith('context.'))) {
    const measure = d.id.slice('context.'.length);
    if (!rows || rows.length === 0) {
      out.unavailable(d.id, returnUnavailable('context', y.label, rows, out));
      continue;
    }
    const row = rows.find((r) => r.measure === measure);
    if (!row) {
      out.unavailable(d.id, `context.csv for ${y.label} gives no figure for ${measure}`);
      continue;
    }
    out.set(d.id, {
      value: row.value,
      provenance: { kind: 'supplied', file, source: row.source },
      ...suppliedDecimals(d, row.value, row.valueDecimals),
      ...contextPeriod(row, y.end),
    });
  }
}

/**
 * The period a context figure describes, when not the report year: the Period column as written, else "at"
 * the Period end date when that is not the year's last day. Also the age band, when given.
 */
function contextPeriod(row: { period?: string | null; periodEnd: string | null; ageBand?: string | null }, yearEnd: string): { period?: string; ageBand?: string } {
  const out: { period?: string; ageBand?: string } = {};
  const period = row.period?.trim() || (row.periodEnd && row.periodEnd !== yearEnd ? `at ${longDateOf(row.periodEnd)}` : '');
  if (period) out.period = period;
  if (row.ageBand?.trim()) out.ageBand = row.ageBand.trim();
  return out;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2012-01-31" → "31 January 2012". */
function longDateOf(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/**
 * `{ decimals }` when a supplied figure was written with other precision than the catalogue publishes: it
 * keeps the precision it was supplied with (a percentage supplied as 38 prints 38%, not 38.0%; a rate
 * supplied as 1212.53 prints 1,212.53). `written` is the places as written in the file, when known.
 */
export function suppliedDecimals(def: IndicatorDef, value: number, written?: number): { decimals?: number } {
  const dp = Math.min(10, written ?? decimalsOf(value));
  return dp !== def.decimals ? { decimals: dp } : {};
}

/**
 * Every catalogue indicator for one year, computed from that year's case-level rows (and context.csv, whose
 * figures are supplied). A figure whose return is missing or unreadable is null with a reason, never 0.
 * Values are unrounded. `board` is accepted so board-wide settings can shape computation; none do yet.
 */
export function computeYear(board: BoardData, data: YearData): IndicatorValue[] {
  const out = new YearValues(data.year.label, catalogueOf(board), notCollectedReturns(board.config?.returns), board.config?.board.name);
  computeCp(data, out);
  computeLado(data, out);
  computeCdop(data, out);
  computeTraining(data, out);
  computeCourses(data, out);
  computeFinance(data, out);
  computeContext(data, out);
  computeBoardFormulas(board, data, out);
  return out.list();
}

/**
 * The board's own indicators for a year: count, share and sum formulas over the year's return; ratios are
 * left to the report (they divide values that may be supplied); the rest come from the aggregates.
 */
function computeBoardFormulas(board: BoardData, data: YearData, out: YearValues): void {
  const y = data.year.label;
  for (const def of board.ownIndicators ?? []) {
    const f = board.formulas?.get(def.id);
    if (!f) {
      out.unavailable(def.id, `${def.id} is supplied in ${OTHER_FILES.publishedFigures}, which gives no figure for ${y}`);
      continue;
    }
    if (f.kind === 'ratio') {
      out.unavailable(def.id, `${f.numerator} or ${f.denominator} has no figure for ${y}`);
      continue;
    }
    const rows = data.returns[f.ret.id] as Record<string, unknown>[] | null | undefined;
    if (!rows || rows.length === 0) {
      out.unavailable(def.id, returnUnavailable(f.ret.id, y, rows, out));
      continue;
    }
    const prov: Provenance = { kind: 'computed', file: `${y}/${f.ret.file}`, source: `${BOARD_INDICATORS_FILE} formula` };
    const key = f.column.key;
    if (f.kind === 'sum') {
      const total = sumRows(f, rows);
      // Money columns hold whole pence; a sum with pence is published with pence.
      if (f.column.type === 'money') out.set(def.id, { value: poundsOf(total), provenance: prov, ...(total % 100 !== 0 ? { decimals: 2 } : {}) });
      else out.count(def.id, total, prov);
      continue;
    }

    // A code or share counted over a column some rows did not record is not available, never a guess.
    const unknown = f.code !== null || f.kind === 'share' ? rows.filter((r) => isNotRecorded(r[key])).length : 0;
    if (unknown > 0) {
      out.unavailable(def.id, `${unknown} of the ${rows.length} rows of ${f.ret.file} for ${y} have ${f.column.header} not recorded`);
      continue;
    }
    const n = matchingRows(f, rows).length;
    if (f.kind === 'count') out.count(def.id, n, prov);
    else out.percent(def.id, n, rows.length, prov, `${f.ret.file} for ${y} has no rows`);
  }
}

/** Load every year folder of the board (oldest first), keyed by year label. */
export async function loadAllYears(board: BoardData, loaded?: ReadonlyMap<string, YearData>): Promise<Map<string, YearData>> {
  // Years already loaded (the year just validated, or earlier years of `build --all`) are not read again:
  // loading is most of the cost of a run, and of its memory.
  const years = new Map<string, YearData>();
  for (const year of board.years) years.set(year, loaded?.get(year) ?? (await loadYear(board, year)));
  return years;
}

/** Every year the board has figures for: year folders, loaded years and years in published-figures.csv. */
export function boardYears(board: BoardData, years?: ReadonlyMap<string, YearData>): string[] {
  const all = new Set<string>(board.years);
  for (const y of years?.keys() ?? []) all.add(y);
  for (const f of board.publishedFigures) if (parseYear(f.year)) all.add(f.year);
  return [...all].sort();
}

const PUBLISHED_FILE = OTHER_FILES.publishedFigures;

function publishedValueOf(def: IndicatorDef, f: WithRow<PublishedFigureRow>): IndicatorValue {
  return {
    id: def.id,
    year: f.year,
    value: f.value,
    provenance: { kind: 'supplied', file: PUBLISHED_FILE, source: f.source },
    ...suppliedDecimals(def, f.value, f.valueDecimals),
    ...(f.period?.trim() ? { period: f.period.trim() } : {}),
  };
}

/** True when a computed value, rounded to the precision the figure was published with, matches it. */
function agreesWithPublished(computed: number, published: number): boolean {
  return roundHalfAway(computed, decimalsOf(published)) === published;
}

/**
 * A published figure that disagrees with the returns. `used` says truthfully which of the two the report
 * prints: the returns' figure where that year has returns, the published one where it has none (a previous
 * year whose plans are implied by this year's return).
 */
function reconciliationFinding(def: IndicatorDef, f: WithRow<PublishedFigureRow>, computed: IndicatorValue, what: string, used: 'returns' | 'published'): Finding {
  const published = formatValue(def, f.value, { decimals: decimalsOf(f.value) });
  const fromReturns = formatValue(def, computed.value, { decimals: computed.decimals });
  const file = computed.provenance?.file ?? 'the return';
  return {
    code: 'reconciliation-difference',
    severity: 'warning',
    file: PUBLISHED_FILE,
    row: f.row,
    column: 'Value',
    value: String(f.value),
    message: `The published ${def.id} for ${f.year} is ${published}, but ${what} ${fromReturns}.`,
    hint:
      used === 'returns'
        ? `The report prints ${fromReturns}, from ${file}. Check the published source (${f.source}): if the return is wrong, correct it; if the published figure is wrong, correct or delete its row in ${PUBLISHED_FILE}.`
        : `The report prints the published ${published} for ${f.year}, which has no returns of its own. Check the published source (${f.source}) against ${file} and correct whichever is wrong.`,
  };
}

/**
 * Index published figures by year and id (the first of any duplicates wins). Unknown ids and duplicates get
 * warnings with the codes `validate` uses for them (where they are errors), since this may run unvalidated.
 */
function indexPublished(board: BoardData): { byYear: Map<string, Map<string, WithRow<PublishedFigureRow>>>; findings: Finding[] } {
  const defs = catalogueOf(board);
  const byYear = new Map<string, Map<string, WithRow<PublishedFigureRow>>>();
  const findings: Finding[] = [];
  for (const f of board.publishedFigures) {
    if (!parseYear(f.year)) continue; // reported by loadBoard
    if (!isKnownIndicatorId(f.indicator, defs)) {
      findings.push({
        code: 'unknown-indicator',
        severity: 'warning',
        file: PUBLISHED_FILE,
        row: f.row,
        column: 'Indicator',
        value: f.indicator,
        message: `"${f.indicator}" is not an indicator this tool knows, so the figure is not used.`,
        hint: `Did you mean "${suggestIndicatorId(f.indicator, defs.map((d) => d.id))}"? Run \`lscb-report indicators --list\` for every id.`,
      });
      continue;
    }
    const forYear = byYear.get(f.year) ?? new Map<string, WithRow<PublishedFigureRow>>();
    byYear.set(f.year, forYear);
    const first = forYear.get(f.indicator);
    if (first) {
      findings.push({
        code: 'duplicate-figure',
        severity: 'warning',
        file: PUBLISHED_FILE,
        row: f.row,
        column: 'Indicator',
        value: f.indicator,
        message: `${f.indicator} for ${f.year} is given more than once (first in row ${first.row}); the first is used.`,
        hint: 'Keep one row per year and indicator.',
      });
      continue;
    }
    forYear.set(f.indicator, f);
  }
  return { byYear, findings };
}

/** A value for a year and indicator that nothing supplies. */
function absent(id: string, year: string, reason: string): IndicatorValue {
  return { id, year, value: null, provenance: null, reason };
}

/**
 * The indicator report for `year`: every indicator with its value, the previous year's, the change and
 * comparators, plus the series over every year the board has. Pure: `years` holds the loaded year folders.
 *
 * For each year and indicator the value is computed from the returns when they give one, else the
 * published aggregate, else null with a reason. Where both exist and differ (at the published figure's
 * precision), the computed value is kept and a `reconciliation-difference` warning names the published row.
 * The plans open on 31 March of the previous year implied by a year's child protection return are
 * reconciled the same way against that year's cp.plans_open_at_year_end.
 */
export function buildIndicatorReport(board: BoardData, years: Map<string, YearData>, year: string): IndicatorReport {
  const { byYear: published, findings } = indexPublished(board);
  // A report is a function of its year and earlier years only: a later year's folder (even an empty one)
  // or published figure must not change it, so later years are left out of the series.
  const allYears = boardYears(board, years).filter((y) => !parseYear(year) || y <= year);
  const defs = catalogueOf(board);
  const series = new Map<string, Map<string, IndicatorValue>>(defs.map((d) => [d.id, new Map()]));

  for (const y of allYears) {
    const data = years.get(y);
    const computed = data ? new Map(computeYear(board, data).map((v) => [v.id, v])) : null;
    const pub = published.get(y);
    for (const def of defs) {
      const c = computed?.get(def.id);
      const p = pub?.get(def.id);
      let value: IndicatorValue;
      if (c && c.value !== null) {
        value = c;
        if (p && !agreesWithPublished(c.value, p.value)) {
          findings.push(reconciliationFinding(def, p, c, `the ${y} returns give`, 'returns'));
        }
      } else if (p) {
        value = publishedValueOf(def, p);
      } else if (c) {
        value = c;
      } else {
        value = absent(def.id, y, `there are no returns for ${y} and no published figure for it`);
      }
      series.get(def.id)!.set(y, value);
    }
  }

  // A course return may give the year before its own (to compare two years): where that year has no
  // figure of its own, the later folder's rows for it stand.
  if (defs.some((d) => d.id === 'training.courses_run')) {
    for (const y of allYears) {
      const rows = years.get(y)?.returns.trainingCourses;
      const prev = shiftYear(y, -1);
      const earlier = rows?.filter((r) => courseYear(r, y) === prev) ?? [];
      if (earlier.length === 0) continue;
      for (const v of courseValues(earlier, prev, `${y}/${returnDef('trainingCourses').file}`)) {
        const existing = series.get(v.id)!.get(prev);
        if (existing && existing.value !== null) continue;
        series.get(v.id)!.set(prev, { ...v, year: prev });
      }
    }
  }

  // The board's ratios, in dependency order, from whatever values (computed or supplied) the series holds.
  for (const id of ratioOrder(board.formulas ?? new Map())) {
    const f = board.formulas!.get(id)!;
    if (f.kind !== 'ratio') continue;
    const def = defs.find((d) => d.id === id)!;
    for (const y of allYears) {
      const num = series.get(f.numerator)?.get(y);
      const den = series.get(f.denominator)?.get(y);
      const existing = series.get(id)!.get(y);
      if (num?.value == null || den?.value == null || den.value === 0) {
        // A published figure for the ratio stands when the parts are missing.
        if (existing?.provenance?.kind === 'supplied') continue;
        const reason =
          den?.value === 0 ? `${f.denominator} is 0 in ${y}, so there is no ratio` : `${num?.value == null ? f.numerator : f.denominator} has no figure for ${y}`;
        series.get(id)!.set(y, absent(id, y, reason));
        continue;
      }
      const value: IndicatorValue = {
        id,
        year: y,
        value: (num.value / den.value) * f.per,
        numerator: num.value,
        denominator: den.value,
        provenance: { kind: 'computed', file: BOARD_INDICATORS_FILE, source: `${f.numerator} (${num.provenance?.file ?? 'not known'}) divided by ${f.denominator} (${den.provenance?.file ?? 'not known'})${f.per === 1 ? '' : `, times ${f.per}`}` },
      };
      const p = published.get(y)?.get(id);
      if (p && !agreesWithPublished(value.value!, p.value)) findings.push(reconciliationFinding(def, p, value, `the ${y} figures give`, 'returns'));
      series.get(id)!.set(y, value);
    }
  }

  // The snapshot at the previous 31 March implied by each year's child protection return.
  const openDef = indicatorDef('cp.plans_open_at_year_end')!;
  for (const [y, data] of years) {
    const plans = data.returns.cpPlans;
    if (!plans) continue;
    const prev = shiftYear(y, -1);
    const prevEnd = parseYear(prev)!.end;
    const implied = plans.filter((r) => openAt(r, prevEnd)).length;
    const recorded = series.get(openDef.id)!.get(prev);
    if (!recorded || recorded.value === null) continue;
    const impliedValue: IndicatorValue = {
      id: openDef.id,
      year: prev,
      value: implied,
      provenance: { kind: 'computed', file: `${y}/${returnDef('cpPlans').file}` },
    };
    const what = `the ${y} child protection plans return implies`;
    const p = published.get(prev)?.get(openDef.id);
    if (recorded.provenance?.kind === 'supplied' && p) {
      if (!agreesWithPublished(implied, p.value)) findings.push(reconciliationFinding(openDef, p, impliedValue, what, 'published'));
    } else if (recorded.value !== implied) {
      findings.push({
        code: 'reconciliation-difference',
        severity: 'warning',
        file: `${y}/${returnDef('cpPlans').file}`,
        message: `The ${prev} child protection plans return gives ${recorded.value} plans open on ${prevEnd}, but ${what} ${implied}.`,
        hint: `Plans open on ${prevEnd} should appear in both years' returns with the same start and end dates.`,
      });
    }
  }

  const previousYear = parseYear(year) ? shiftYear(year, -1) : year;
  const comparators = [...board.comparators, ...(board.declaredComparators ?? [])];
  const rows: IndicatorRow[] = defs.map((def) => {
    const current = series.get(def.id)!.get(year) ?? absent(def.id, year, `there is no data for ${year}`);
    const previous = series.get(def.id)!.get(previousYear) ?? absent(def.id, previousYear, `there is no data for ${previousYear}`);
    return {
      def,
      year,
      current,
      previousYear,
      previous,
      change: computeChange(def, previous, current),
      comparators: comparatorValues(def, current, comparators),
    };
  });

  return { year, rows, series, findings: sortFindings(findings) };
}
