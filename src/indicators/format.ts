/**
 * Indicator values and changes as a reader sees them, in British English: `1,378`, `13.0%`, `369.6`,
 * `£46,703`, `not available`; `down 20 (8.4%)`, `down 3.1 percentage points`, `no change`.
 *
 * Precision: a value is shown with its catalogue entry's `decimals` (counts and money 0, percentages and
 * rates 1), or with the precision a supplied figure came with (`IndicatorValue.decimals`: referrals per
 * 10,000 supplied as 1,212.53 print 1,212.53; a percentage supplied as 38 prints 38%, not 38.0%). Pass that as `options.decimals`, or use
 * `formatIndicatorValue`, which reads it from the value.
 */
import { roundHalfAway } from './rounding.js';
import type { Change, IndicatorDef, IndicatorValue } from './types.js';

/** What a value that is not available is shown as. */
export const NOT_AVAILABLE = 'not available';

/** `n` rounded half away from zero to `dp` places, with thousands separators: formatNumber(1212.525, 2) → "1,212.53". */
export function formatNumber(n: number, dp: number): string {
  if (!Number.isFinite(n)) return String(n);
  const r = roundHalfAway(n, dp);
  // r is the double nearest a dp-place decimal, so toFixed reproduces that decimal exactly.
  const [whole, frac] = Math.abs(r).toFixed(dp).split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${r < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** Decimal places to publish a value with: a supplied figure's own precision, else the catalogue's. */
export function publishedDecimals(def: IndicatorDef, value?: Pick<IndicatorValue, 'decimals'> | null): number {
  return value?.decimals ?? def.decimals;
}

/** A value rounded as published (half away from zero), or null when not available. */
export function publishedValue(def: IndicatorDef, value: Pick<IndicatorValue, 'value' | 'decimals'> | null): number | null {
  if (!value || value.value === null) return null;
  return roundHalfAway(value.value, publishedDecimals(def, value));
}

function withUnit(def: IndicatorDef, n: number, dp: number): string {
  switch (def.unit) {
    case 'percent':
      return `${formatNumber(n, dp)}%`;
    case 'money': {
      const s = formatNumber(n, dp);
      return s.startsWith('-') ? `-£${s.slice(1)}` : `£${s}`;
    }
    case 'count':
    case 'rate_per_10k':
    case 'days':
    case 'ratio':
      return formatNumber(n, dp);
  }
}

/**
 * A value as published: "1,378", "13.0%", "369.6", "£46,703"; null is "not available", followed by the
 * reason in brackets when one is given.
 */
export function formatValue(def: IndicatorDef, value: number | null, options: { reason?: string; decimals?: number } = {}): string {
  if (value === null || !Number.isFinite(value)) return options.reason ? `${NOT_AVAILABLE} (${options.reason})` : NOT_AVAILABLE;
  return withUnit(def, value, options.decimals ?? def.decimals);
}

/** An IndicatorValue as published, at its own precision; "not available" (without the reason) when null. */
export function formatIndicatorValue(def: IndicatorDef, value: IndicatorValue | null): string {
  if (!value) return NOT_AVAILABLE;
  return formatValue(def, value.value, { decimals: value.decimals });
}

function signed(n: number, dp: number): string {
  const s = formatNumber(n, dp);
  return n > 0 ? `+${s}` : s;
}

/**
 * A change as a sentence fragment: "down 20 (8.4%)" or "up 2" for counts (no % when last year was 0),
 * "up £1,540 (3.4%)" for money, "down 3.1 percentage points" for percentages, "up 50.6 per 10,000" for
 * rates, "no change", or "not available (reason)".
 */
export function formatChange(def: IndicatorDef, change: Change): string {
  const dp = Math.max(def.decimals, change.decimals ?? 0);
  const isPointUnit = def.unit === 'percent' || def.unit === 'rate_per_10k' || def.unit === 'ratio';
  const amount = isPointUnit ? change.points : change.absolute;
  if (amount === null) return change.reason ? `${NOT_AVAILABLE} (${change.reason})` : NOT_AVAILABLE;
  if (roundHalfAway(amount, dp) === 0) return 'no change';
  const word = amount > 0 ? 'up' : 'down';
  const size = formatNumber(Math.abs(amount), dp);
  switch (def.unit) {
    case 'percent':
      return `${word} ${size} percentage point${size === formatNumber(1, dp) ? '' : 's'}`;
    case 'rate_per_10k':
      return `${word} ${size} per 10,000`;
    case 'ratio':
      return `${word} ${size}`;
    case 'days':
      return `${word} ${size} day${size === formatNumber(1, dp) ? '' : 's'}`;
    case 'money':
    case 'count': {
      const shown = def.unit === 'money' ? `£${size}` : size;
      return change.percent === null ? `${word} ${shown}` : `${word} ${shown} (${formatNumber(Math.abs(change.percent), 1)}%)`;
    }
  }
}
