/**
 * Disclosure stage, between compute and assemble: decides which figures of the published edition are
 * suppressed, and returns the indicator report with those values replaced by `[c]` markers. Every output
 * (report tables, charts, narrative live figures, the open-data JSON and CSV) reads the disclosed report,
 * so a suppressed figure cannot reach one of them by another route.
 *
 * What is protected: counts from 1 to the threshold among the figures computed from case-level returns
 * (child protection plans, LADO referrals, child deaths), in every year of the series, and every rate or
 * percentage whose numerator or denominator is such a count. Figures from training, finance and context
 * returns describe events, money and whole populations, not children or cases, and are never suppressed.
 *
 * Secondary suppression: the report publishes totals, breakdowns that add up to them, percentages whose
 * denominator is a published count, and a stock-and-flow identity (plans open at the start of the year
 * plus plans started minus plans ended is plans open at the end). Each is a linear equation a reader can
 * use; further figures are hidden, smallest first, until no suppressed count can be worked out exactly from
 * the published ones by any combination of those equations, and no group of hidden cells in one line is
 * pinned down by their sum (two hidden cells summing to 2 are both 1). Zeros are shown, and are only used
 * as secondary suppressions when nothing else would do.
 */
import type { IndicatorReport, IndicatorRow, IndicatorValue } from '../indicators/types.js';
import { breakdownMembers } from '../indicators/catalogue.js';
import { shiftYear, parseYear } from '../returns/year.js';
import { recoverableCells, type Relation } from './linear-audit.js';
import { isSmallCount, SUPPRESSED } from './suppress.js';

/** Which edition a build makes. */
export type Edition = 'published' | 'internal';

/** The editions, for option checking. */
export const EDITIONS: readonly Edition[] = ['published', 'internal'];

/** Threshold used when board.yaml gives none. */
export const DEFAULT_THRESHOLD = 5;

/** Shown for a change, or any other derived figure, that would give away a suppressed one. */
export const NOT_PUBLISHED = 'not published';

/** The reason recorded on a suppressed value. */
export const SUPPRESSED_REASON = 'suppressed to protect the people involved (a small count, or a figure from which one could be worked out)';

/** The words on every page of the internal edition. */
export const INTERNAL_MARKING = 'INTERNAL EDITION – NOT FOR PUBLICATION';

/** How a build applied disclosure control. */
export interface DisclosureInfo {
  edition: Edition;
  /** Counts from 1 to this were suppressed; 0 when nothing was (internal edition, or suppression off). */
  threshold: number;
  /** Values suppressed because they are small counts or rates built on one. */
  primary: number;
  /** Values suppressed only so that a small count cannot be worked out from the others. */
  secondary: number;
}

/** An indicator report that has been through the disclosure stage. */
export interface DisclosedReport extends IndicatorReport {
  disclosure: DisclosureInfo;
}

/** A value withheld by disclosure control: `value` is null and `reason` says why. */
export interface SuppressedValue extends IndicatorValue {
  value: null;
  suppressed: true;
}

/** True when the value was withheld by disclosure control (as opposed to not being available). */
export function isSuppressed(value: IndicatorValue | null | undefined): value is SuppressedValue {
  return value !== null && value !== undefined && (value as Partial<SuppressedValue>).suppressed === true;
}

/** The disclosure settings a report went through, or null for a report straight from compute. */
export function disclosureOf(report: IndicatorReport): DisclosureInfo | null {
  return (report as Partial<DisclosedReport>).disclosure ?? null;
}

/** True for indicators computed from case-level returns (child protection, LADO, child deaths). */
export function isCaseLevelIndicator(id: string): boolean {
  return /^(cp|lado|cdop)\./.test(id);
}

/**
 * True for indicators whose small values are suppressed: the case-level figures, and the context figures
 * that count children (private fostering referrals, CSE referrals, placement orders …) unless the board
 * declares the measure public in board.yaml (`disclosure.publicMeasures`). Context percentages and rates
 * describe whole populations and are never suppressed.
 */
export function isProtectedIndicator(id: string, publicMeasures: readonly string[] = []): boolean {
  if (isCaseLevelIndicator(id)) return true;
  if (!id.startsWith('context.') || publicMeasures.includes(id) || publicMeasures.includes(id.slice('context.'.length))) return false;
  return !id.endsWith('_pct') && !id.includes('per_10k');
}

/** The sentence explaining `[c]`, for notes under tables and the report's notes on symbols. */
export function suppressionNote(threshold: number): string {
  const range = threshold === 1 ? 'a count of 1' : `a count from 1 to ${threshold}`;
  return `${SUPPRESSED}: not published, to protect the children and adults involved. It stands for ${range}, or for a figure from which such a count could be worked out (including a rate or percentage built on one).`;
}

// ---------------------------------------------------------------------------------------------------
// Cells and relations

const unitKey = (id: string, year: string) => `${id}@${year}`;

interface Unit {
  key: string;
  id: string;
  year: string;
  /** Already public: a figure for an earlier year taken from published-figures.csv. Never hidden, never protected. */
  isPublic: boolean;
  /** Cells this value publishes: itself for a count, numerator and denominator for a rate or percentage. */
  cells: string[];
  isCount: boolean;
  /** For ordering candidates: the count, or the rate's numerator. */
  size: number;
}

interface Model {
  units: Map<string, Unit>;
  cellValue: Map<string, number>;
  cellUnit: Map<string, Unit>;
  /**
   * Figures no output publishes but a reader could work out: the complement of a percentage (3 first-time
   * plans when 97 of 100 are second or subsequent). Always unknown to a reader; protected when small.
   */
  latent: Map<string, string>;
  /** The year of every cell (latent ones included). */
  cellYear: Map<string, string>;
  relations: Relation[];
}

function buildModel(report: IndicatorReport, publicMeasures: readonly string[]): Model {
  const units = new Map<string, Unit>();
  const cellValue = new Map<string, number>();
  const cellUnit = new Map<string, Unit>();
  const latent = new Map<string, string>();
  const cellYear = new Map<string, string>();
  for (const [id, byYear] of report.series) {
    if (!isProtectedIndicator(id, publicMeasures)) continue;
    for (const [year, v] of byYear) {
      const isCount = !id.endsWith('_pct') && !id.includes('rate_per_10k');
      // A percentage with no value but a denominator still publishes its denominator: its reason says
      // there was nothing to divide by ("no plans ended in 2012-13"), which is a count of 0.
      if (v.value === null && (isCount || v.denominator === undefined)) continue;
      const key = unitKey(id, year);
      const cells: [string, number][] = isCount
        ? [[key, v.value!]]
        : [
            ...(v.numerator !== undefined ? ([[`${key}#num`, v.numerator]] as [string, number][]) : []),
            ...(v.denominator !== undefined ? ([[`${key}#den`, v.denominator]] as [string, number][]) : []),
          ];
      // A figure for an earlier year in published-figures.csv is already in the public domain.
      const isPublic = year < report.year && (v.provenance?.file ?? '').endsWith('published-figures.csv');
      const unit: Unit = { key, id, year, isPublic, cells: cells.map(([c]) => c), isCount, size: cells[0]?.[1] ?? v.value ?? 0 };
      units.set(key, unit);
      for (const [c, value] of cells) {
        cellValue.set(c, value);
        cellUnit.set(c, unit);
        cellYear.set(c, year);
      }
      if (id.endsWith('_pct') && v.numerator !== undefined && v.denominator !== undefined) {
        latent.set(`${key}#rest`, year);
        cellValue.set(`${key}#rest`, v.denominator - v.numerator);
        cellYear.set(`${key}#rest`, year);
      }
    }
  }

  const relations: Relation[] = [];
  /** Add `Σ coefficient × cell = 0` when every cell is published with a value and the equation holds. */
  const add = (name: string, terms: [string, number][]) => {
    if (terms.some(([c]) => !cellValue.has(c))) return;
    const sum = terms.reduce((a, [c, k]) => a + k * cellValue.get(c)!, 0);
    // An equation that does not hold exactly (an unpublished remainder) cannot be used to recover anything.
    if (Math.abs(sum) > 1e-9) return;
    relations.push({ name, terms: terms.map(([cell, coefficient]) => ({ cell, coefficient })) });
  };
  const sumsTo = (name: string, total: string, parts: string[]) => add(name, [...parts.map((p) => [p, 1] as [string, number]), [total, -1]]);
  // A percentage's numerator and its complement make up its denominator.
  for (const [cell] of latent) {
    const key = cell.slice(0, -'#rest'.length);
    sumsTo(`${key} complement`, `${key}#den`, [`${key}#num`, cell]);
  }
  const equal = (name: string, a: string, b: string) => add(name, [[a, 1], [b, -1]]);

  const years = new Set<string>();
  for (const u of units.values()) years.add(u.year);
  for (const y of years) {
    const k = (id: string) => unitKey(id, y);
    const family = (f: string) => breakdownMembers(f).map((d) => k(d.id));
    sumsTo(`cp.category ${y}`, k('cp.plans_open_at_year_end'), family('cp.category'));
    for (const f of ['lado.source', 'lado.sector', 'lado.nature', 'lado.outcome']) sumsTo(`${f} ${y}`, k('lado.referrals'), family(f));
    sumsTo(`lado work or outside ${y}`, k('lado.referrals'), [k('lado.work_based'), k('lado.outside_work')]);
    sumsTo(`lado over one month ${y}`, k('lado.over_1_month'), [k('lado.over_1_month_police'), k('lado.over_1_month_disciplinary'), k('lado.over_1_month_both')]);
    sumsTo(`lado timeliness ${y}`, k('lado.referrals'), [`${k('lado.concluded_within_1_month_pct')}#num`, k('lado.over_1_month'), k('lado.outcome.outstanding')]);
    equal(`lado timeliness denominator ${y}`, `${k('lado.concluded_within_1_month_pct')}#den`, k('lado.referrals'));
    equal(`cp rate numerator ${y}`, `${k('cp.rate_per_10k')}#num`, k('cp.plans_open_at_year_end'));
    equal(`cp second plans denominator ${y}`, `${k('cp.second_or_subsequent_pct')}#den`, k('cp.plans_started'));
    equal(`cp lasting denominator ${y}`, `${k('cp.lasting_2y_plus_pct')}#den`, k('cp.plans_ended'));
    if (parseYear(y)) {
      const prev = unitKey('cp.plans_open_at_year_end', shiftYear(y, -1));
      add(`cp stock and flow ${y}`, [[k('cp.plans_open_at_year_end'), 1], [prev, -1], [k('cp.plans_started'), -1], [k('cp.plans_ended'), 1]]);
    }
    sumsTo(`cdop status ${y}`, k('cdop.deaths_notified'), [k('cdop.considered_at_panel'), k('cdop.not_yet_discussed')]);
    sumsTo(`cdop considered ${y}`, k('cdop.considered_at_panel'), [k('cdop.deferred'), k('cdop.concluded_notified_in_year')]);
    sumsTo(`cdop concluded ${y}`, k('cdop.reviews_concluded'), [k('cdop.concluded_notified_in_year'), k('cdop.concluded_notified_earlier')]);
    equal(`cdop percentage numerator ${y}`, `${k('cdop.notified_concluded_in_year_pct')}#num`, k('cdop.concluded_notified_in_year'));
    equal(`cdop percentage denominator ${y}`, `${k('cdop.notified_concluded_in_year_pct')}#den`, k('cdop.deaths_notified'));
  }
  return { units, cellValue, cellUnit, latent, cellYear, relations };
}

// ---------------------------------------------------------------------------------------------------
// Choosing what to hide

function hiddenCells(model: Model, hidden: ReadonlySet<string>): Set<string> {
  const cells = new Set<string>(model.latent.keys());
  for (const key of hidden) for (const c of model.units.get(key)!.cells) cells.add(c);
  return cells;
}

/** The protected cells (small counts) a reader could still pin down, sorted. */
function leakedCells(model: Model, hidden: ReadonlySet<string>, protectedCells: readonly string[]): string[] {
  const cells = hiddenCells(model, hidden);
  const leaked = new Set<string>();
  const recoverable = recoverableCells(model.relations, cells);
  for (const c of protectedCells) if (recoverable.has(c)) leaked.add(c);
  // Bounds: hidden cells in one line that all move the same way and sum to their number are each 1.
  for (const r of model.relations) {
    const hiddenTerms = r.terms.filter((t) => cells.has(t.cell));
    if (hiddenTerms.length < 2) continue;
    const sameSign = hiddenTerms.every((t) => Math.sign(t.coefficient) === Math.sign(hiddenTerms[0]!.coefficient) && Math.abs(t.coefficient) === 1);
    if (!sameSign || !hiddenTerms.every((t) => model.latent.has(t.cell) || model.cellUnit.get(t.cell)!.isCount)) continue;
    if (hiddenTerms.every((t) => model.cellValue.get(t.cell) === 1)) {
      for (const t of hiddenTerms) if (protectedCells.includes(t.cell)) leaked.add(t.cell);
    }
  }
  return [...leaked].sort();
}

/** Published units sharing an equation with `cell`, or with a hidden cell linked to it by equations. */
function candidatesFor(model: Model, hidden: ReadonlySet<string>, cell: string): Unit[] {
  const cells = hiddenCells(model, hidden);
  const reached = new Set([cell]);
  const candidates = new Map<string, Unit>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of model.relations) {
      if (!r.terms.some((t) => reached.has(t.cell))) continue;
      for (const t of r.terms) {
        if (cells.has(t.cell)) {
          if (!reached.has(t.cell)) {
            reached.add(t.cell);
            grew = true;
          }
        } else {
          const u = model.cellUnit.get(t.cell)!;
          candidates.set(u.key, u);
        }
      }
    }
  }
  // Smallest first, as statistical producers do; counts before rates; a zero only as a last resort,
  // because a hidden zero beside a hidden 1 lets a reader who knows [c] is at least 1 recover both.
  return [...candidates.values()].sort(
    (a, b) =>
      Number(a.size === 0) - Number(b.size === 0) ||
      Number(!a.isCount) - Number(!b.isCount) ||
      a.size - b.size ||
      a.key.localeCompare(b.key),
  );
}

/** The model as a reader of the report for `year` sees it: that year's and earlier years' figures and equations. */
function modelUpTo(model: Model, year: string): Model {
  const inScope = (cell: string) => (model.cellYear.get(cell) ?? '') <= year;
  return {
    ...model,
    latent: new Map([...model.latent].filter(([c]) => inScope(c))),
    relations: model.relations.filter((r) => r.terms.every((t) => inScope(t.cell))),
  };
}

/**
 * The units to hide, year by year from the earliest, exactly as each year's own report hid them: a report
 * is a function of its year and earlier years, so what the 2011-12 report published stays published in
 * the 2012-13 report. For each year: its small counts and the rates and complements built on one, then
 * secondary suppressions chosen among that year's figures only (earlier years' published figures are public:
 * never chosen, always used to test what a reader can work out) until no protected cell of any year leaks.
 */
function chooseHidden(model: Model, threshold: number): { hidden: Set<string>; primary: number } {
  const hidden = new Set<string>();
  const protectedCells: string[] = [];
  let primary = 0;
  const years = [...new Set([...model.units.values()].map((u) => u.year))].sort();
  for (const year of years) {
    const scoped = modelUpTo(model, year);
    const own = [...model.units.values()].filter((u) => u.year === year && !u.isPublic);
    for (const u of own) {
      const small = u.cells.filter((c) => isSmallCount(model.cellValue.get(c)!, threshold));
      if (small.length > 0) {
        hidden.add(u.key);
        primary++;
      }
      protectedCells.push(...small);
    }
    for (const [c, y] of scoped.latent) if (y === year && isSmallCount(model.cellValue.get(c)!, threshold)) protectedCells.push(c);
    for (let guard = 0; guard <= own.length; guard++) {
      const leaked = leakedCells(scoped, hidden, protectedCells);
      if (leaked.length === 0) break;
      const target = leaked[0]!;
      const candidates = candidatesFor(scoped, hidden, target).filter((u) => u.year === year && !u.isPublic);
      if (candidates.length === 0) throw new Error(`internal: disclosure control cannot protect ${target} in ${year}`);
      // Take the first candidate that protects this cell on its own; failing that, the first, and go round again.
      const fixes = candidates.find((u) => !leakedCells(scoped, new Set([...hidden, u.key]), [target]).length);
      hidden.add((fixes ?? candidates[0]!).key);
    }
    if (leakedCells(scoped, hidden, protectedCells).length > 0) throw new Error(`internal: disclosure control did not converge for ${year}`);
  }
  return { hidden, primary };
}

// ---------------------------------------------------------------------------------------------------
// The disclosed report

/** Options of the disclosure stage. */
export interface DisclosureOptions {
  edition: Edition;
  /** Counts from 1 to this are suppressed in the published edition; 0 suppresses nothing. */
  threshold: number;
  /** Context measures the board declares public (board.yaml `disclosure.publicMeasures`): never suppressed. */
  publicMeasures?: readonly string[];
}

/**
 * Apply disclosure control to an indicator report. The published edition with a threshold above 0
 * replaces suppressed values with `[c]` markers (value null, `suppressed: true`); the internal edition,
 * or a threshold of 0, returns the figures unchanged. The result records what was done.
 */
export function discloseIndicators(report: IndicatorReport, options: DisclosureOptions): DisclosedReport {
  const threshold = options.edition === 'internal' ? 0 : Math.max(0, Math.floor(options.threshold));
  if (threshold === 0) return { ...report, disclosure: { edition: options.edition, threshold: 0, primary: 0, secondary: 0 } };

  const model = buildModel(report, options.publicMeasures ?? []);
  const { hidden, primary } = chooseHidden(model, threshold);
  const withhold = (v: IndicatorValue): IndicatorValue => {
    if (!hidden.has(unitKey(v.id, v.year))) return v;
    const out: SuppressedValue = { id: v.id, year: v.year, value: null, provenance: v.provenance, reason: SUPPRESSED_REASON, suppressed: true };
    return out;
  };
  const series = new Map<string, Map<string, IndicatorValue>>();
  for (const [id, byYear] of report.series) series.set(id, new Map([...byYear].map(([y, v]) => [y, withhold(v)])));
  const rows: IndicatorRow[] = report.rows.map((row) => {
    const current = withhold(row.current);
    const previous = withhold(row.previous);
    if (current === row.current && previous === row.previous) return row;
    return {
      ...row,
      current,
      previous,
      change: {
        absolute: null,
        percent: null,
        points: null,
        direction: 'not_applicable',
        reason: `${NOT_PUBLISHED}: it would give away a suppressed figure`,
      },
      comparators: row.comparators.map((c) => (isSuppressed(current) ? { ...c, difference: null } : c)),
    };
  });
  // Reconciliation findings quote computed figures; those about case-level returns stay out of the
  // published files (the build prints them to the board, who can see every figure anyway).
  const findings = report.findings.filter((f) => !/(^|\/)(child-protection-plans|lado-referrals|cdop-cases)\.csv$/.test(f.file) && !/\b(cp|lado|cdop)\.[a-z0-9_.-]+/.test(f.message));
  return {
    year: report.year,
    rows,
    series,
    findings,
    disclosure: { edition: 'published', threshold, primary, secondary: hidden.size - primary },
  };
}

/** The values a disclosed report withholds, as `id@year`, sorted (for tests and the build's summary). */
export function suppressedKeys(report: IndicatorReport): string[] {
  const keys: string[] = [];
  for (const [id, byYear] of report.series) for (const [y, v] of byYear) if (isSuppressed(v)) keys.push(unitKey(id, y));
  return keys.sort();
}
