import { describe, expect, it } from 'vitest';
import { indicatorDef } from '../../src/indicators/catalogue.js';
import { formatChange, formatIndicatorValue, formatNumber, formatValue, publishedValue } from '../../src/indicators/format.js';
import type { Change, IndicatorDef } from '../../src/indicators/types.js';

const d = (id: string): IndicatorDef => {
  const def = indicatorDef(id);
  if (!def) throw new Error(id);
  return def;
};
const change = (c: Partial<Change>): Change => ({ absolute: null, percent: null, points: null, direction: 'not_applicable', ...c });

describe('formatNumber', () => {
  it.each([
    [1378, 0, '1,378'],
    [1212.525, 2, '1,212.53'],
    [1234567.891, 1, '1,234,567.9'],
    [999.95, 1, '1,000.0'],
    [-8.45, 1, '-8.5'],
    [-0.04, 1, '0.0'],
    [13, 1, '13.0'],
    [0, 0, '0'],
  ])('formatNumber(%d, %d) is %s', (n, dp, s) => {
    expect(formatNumber(n, dp)).toBe(s);
  });
});

describe('formatValue', () => {
  it('writes each unit as published', () => {
    expect(formatValue(d('training.participants'), 1378)).toBe('1,378');
    expect(formatValue(d('cp.second_or_subsequent_pct'), 13.04)).toBe('13.0%');
    expect(formatValue(d('lado.concluded_within_1_month_pct'), (119 / 144) * 100)).toBe('82.6%');
    expect(formatValue(d('context.children_in_need_per_10k'), 369.6)).toBe('369.6');
    expect(formatValue(d('cp.rate_per_10k'), (217 / 45000) * 10000)).toBe('48.2');
    expect(formatValue(d('finance.carry_forward'), 46703)).toBe('£46,703');
    expect(formatValue(d('finance.carry_forward'), -1540)).toBe('-£1,540');
  });

  it('keeps the precision a supplied figure came with, finer or coarser', () => {
    const def = d('context.referrals_per_10k');
    expect(formatValue(def, 1212.53, { decimals: 2 })).toBe('1,212.53');
    expect(formatValue(def, 1212.53)).toBe('1,212.5');
    expect(formatValue(d('context.free_school_meals_pct'), 19, { decimals: 0 })).toBe('19%');
    expect(formatValue(d('context.free_school_meals_pct'), 19)).toBe('19.0%');
    expect(formatIndicatorValue(def, { id: def.id, year: '2012-13', value: 773.76, provenance: null, decimals: 2 })).toBe('773.76');
    expect(publishedValue(def, { value: 1212.525, decimals: 2 })).toBe(1212.53);
  });

  it('says "not available", with the reason when given, never 0', () => {
    const def = d('cdop.deaths_notified');
    expect(formatValue(def, null)).toBe('not available');
    expect(formatValue(def, null, { reason: 'the child deaths (CDOP) return for 2012-13 was not supplied' })).toBe(
      'not available (the child deaths (CDOP) return for 2012-13 was not supplied)',
    );
    expect(formatIndicatorValue(def, null)).toBe('not available');
  });
});

describe('formatChange', () => {
  it('gives counts an absolute and a % change', () => {
    expect(formatChange(d('cp.plans_open_at_year_end'), change({ absolute: -20, percent: -8.4 }))).toBe('down 20 (8.4%)');
    expect(formatChange(d('lado.referrals'), change({ absolute: 2, percent: 1.4 }))).toBe('up 2 (1.4%)');
    expect(formatChange(d('lado.referrals'), change({ absolute: 2, percent: null }))).toBe('up 2');
    expect(formatChange(d('training.participants'), change({ absolute: 1200, percent: 300 }))).toBe('up 1,200 (300.0%)');
  });

  it('gives money in pounds', () => {
    expect(formatChange(d('finance.income_total'), change({ absolute: 1540, percent: 3.4 }))).toBe('up £1,540 (3.4%)');
  });

  it('gives percentages in percentage points and rates per 10,000', () => {
    expect(formatChange(d('cp.lasting_2y_plus_pct'), change({ points: -3.1, direction: 'improved' }))).toBe('down 3.1 percentage points');
    expect(formatChange(d('cp.lasting_2y_plus_pct'), change({ points: 1 }))).toBe('up 1.0 percentage point');
    expect(formatChange(d('context.children_in_need_per_10k'), change({ points: 50.6 }))).toBe('up 50.6 per 10,000');
    expect(formatChange(d('context.referrals_per_10k'), change({ points: 438.77, decimals: 2 }))).toBe('up 438.77 per 10,000');
  });

  it('says "no change" and "not available (reason)"', () => {
    expect(formatChange(d('lado.referrals'), change({ absolute: 0, percent: 0, direction: 'unchanged' }))).toBe('no change');
    expect(formatChange(d('cp.reviewed_in_time_pct'), change({ points: 0, direction: 'unchanged' }))).toBe('no change');
    expect(formatChange(d('lado.referrals'), change({ reason: 'there is no figure for 2011-12' }))).toBe(
      'not available (there is no figure for 2011-12)',
    );
    expect(formatChange(d('lado.referrals'), change({}))).toBe('not available');
  });
});
