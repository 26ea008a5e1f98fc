/**
 * Two years side by side. Change (and so direction) is only computed between consecutive years, as DfE
 * and GSS publish; for years further apart both values are shown and the change says why it is absent.
 */
import { areConsecutive, computeChange } from './change.js';
import { INDICATORS } from './catalogue.js';
import { publishedValue } from './format.js';
import type { Change, IndicatorDef, IndicatorValue } from './types.js';

/** One indicator in two years. */
export interface DiffRow {
  def: IndicatorDef;
  /** The earlier year's value. */
  a: IndicatorValue;
  /** The later year's value. */
  b: IndicatorValue;
  change: Change;
}

/** Every indicator compared between two years. */
export interface YearComparison {
  yearA: string;
  yearB: string;
  /** Whether yearB follows yearA directly; only then are change figures given. */
  consecutive: boolean;
  rows: DiffRow[];
}

function missing(id: string, year: string): IndicatorValue {
  return { id, year, value: null, provenance: null, reason: `there is no data for ${year}` };
}

/** Compare `yearA` with `yearB` over a series (from `buildIndicatorReport`), for `defs` (default: every indicator). */
export function compareYearsInSeries(
  series: ReadonlyMap<string, ReadonlyMap<string, IndicatorValue>>,
  yearA: string,
  yearB: string,
  defs: readonly IndicatorDef[] = INDICATORS,
): YearComparison {
  const rows = defs.map((def) => {
    const a = series.get(def.id)?.get(yearA) ?? missing(def.id, yearA);
    const b = series.get(def.id)?.get(yearB) ?? missing(def.id, yearB);
    return { def, a, b, change: computeChange(def, a, b) };
  });
  return { yearA, yearB, consecutive: areConsecutive(yearA, yearB), rows };
}

/** True when both years have a value and they differ as published (what `--changed-only` keeps). */
export function hasChanged(row: DiffRow): boolean {
  const a = publishedValue(row.def, row.a);
  const b = publishedValue(row.def, row.b);
  return a !== null && b !== null && a !== b;
}
