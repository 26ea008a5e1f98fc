/**
 * Year-on-year change and comparator differences. Both compare values rounded as published, so the
 * figures a reader sees subtract to the change printed beside them and the direction always agrees.
 */
import type { ComparatorRow } from '../returns/schemas.js';
import { parseYear, shiftYear } from '../returns/year.js';
import { publishedDecimals, publishedValue } from './format.js';
import { decimalsOf, roundHalfAway } from './rounding.js';
import type { Change, ComparatorValue, Direction, IndicatorDef, IndicatorValue } from './types.js';

/** Number of years from `a` to `b` (2011-12 → 2012-13 is 1), or null when either is not a year label. */
export function yearsApart(a: string, b: string): number | null {
  const ya = parseYear(a);
  const yb = parseYear(b);
  return ya && yb ? yb.startYear - ya.startYear : null;
}

/** True when `b` is the year straight after `a`. */
export function areConsecutive(a: string, b: string): boolean {
  return parseYear(a) !== null && shiftYear(a, 1) === b;
}

/**
 * The smallest earlier value a % change is given for. Below it (a count of 9 or fewer, or under £10) a
 * percentage exaggerates: 1 to 7 would be "600.0%". Only the absolute change is shown then, as "up 6".
 */
export const PERCENT_CHANGE_MIN_BASE = 10;

function noChange(reason: string): Change {
  return { absolute: null, percent: null, points: null, direction: 'not_applicable', reason };
}

/** Direction of a change of `delta` (already rounded as published) given the indicator's polarity. */
export function directionOf(def: IndicatorDef, delta: number): Direction {
  if (delta === 0) return 'unchanged';
  if (def.polarity === 'neither') return 'not_applicable';
  const better = def.polarity === 'higher_is_better' ? delta > 0 : delta < 0;
  return better ? 'improved' : 'worsened';
}

/**
 * Change from `previous` to `current`. Only between consecutive years (otherwise no figures, with a reason
 * saying so). Counts and money get the absolute and % change; percentages and rates the difference in
 * points. Both values are first rounded as published; the change is rounded to the finer of their precisions.
 */
export function computeChange(def: IndicatorDef, previous: IndicatorValue, current: IndicatorValue): Change {
  if (!areConsecutive(previous.year, current.year)) {
    const apart = yearsApart(previous.year, current.year);
    return noChange(
      `change is only computed between consecutive years; ${previous.year} and ${current.year} are ${apart === null ? 'not' : `${Math.abs(apart)} years`} apart`,
    );
  }
  const a = publishedValue(def, previous);
  const b = publishedValue(def, current);
  if (a === null && b === null) return noChange(`there are no figures for ${previous.year} or ${current.year}`);
  if (a === null) return noChange(`there is no figure for ${previous.year}`);
  if (b === null) return noChange(`there is no figure for ${current.year}`);
  const dp = Math.max(publishedDecimals(def, previous), publishedDecimals(def, current));
  const delta = roundHalfAway(b - a, dp);
  const decimals = dp > def.decimals ? { decimals: dp } : {};
  const direction = directionOf(def, delta);
  if (def.unit === 'percent' || def.unit === 'rate_per_10k' || def.unit === 'ratio') {
    return { absolute: null, percent: null, points: delta, direction, ...decimals };
  }
  // No % change on a small base: "up 6" from 1, never "up 6 (600.0%)".
  const percent = Math.abs(a) < PERCENT_CHANGE_MIN_BASE ? null : roundHalfAway(((b - a) / Math.abs(a)) * 100, 1);
  return { absolute: delta, percent, points: null, direction, ...decimals };
}

/** The board's value against each comparator supplied for the indicator and year (difference = board − comparator). */
export function comparatorValues(def: IndicatorDef, current: IndicatorValue, comparators: readonly ComparatorRow[]): ComparatorValue[] {
  const board = publishedValue(def, current);
  return comparators
    .filter((c) => c.indicator === def.id && c.year === current.year)
    .map((c) => ({
      comparator: c.comparator as ComparatorValue['comparator'],
      value: c.value,
      difference:
        board === null ? null : roundHalfAway(board - c.value, Math.max(publishedDecimals(def, current), decimalsOf(c.value))),
      decimals: c.valueDecimals ?? decimalsOf(c.value),
      source: c.source,
      ...(c.period ? { period: c.period } : {}),
    }));
}
