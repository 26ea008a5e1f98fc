import { describe, expect, it } from 'vitest';
import { computeChange, PERCENT_CHANGE_MIN_BASE } from '../../src/indicators/change.js';
import { indicatorDef } from '../../src/indicators/catalogue.js';
import { formatChange, formatIndicatorValue } from '../../src/indicators/format.js';
import type { IndicatorValue } from '../../src/indicators/types.js';
import { valueDecimalsOf } from '../../src/load/load-board.js';
import { loadSample } from '../report/sample.js';

const v = (id: string, year: string, value: number): IndicatorValue => ({ id, year, value, provenance: { kind: 'computed', file: 'x' } });

describe('precision as statisticians publish it', () => {
  it('gives no % change on a base below the threshold: "up 6" from 1', () => {
    const def = indicatorDef('context.private_fostering_referrals')!;
    const change = computeChange(def, v(def.id, '2011-12', 1), v(def.id, '2012-13', 7));
    expect(change).toMatchObject({ absolute: 6, percent: null });
    expect(formatChange(def, change)).toBe('up 6');
    const atBase = computeChange(def, v(def.id, '2011-12', PERCENT_CHANGE_MIN_BASE), v(def.id, '2012-13', 12));
    expect(formatChange(def, atBase)).toBe('up 2 (20.0%)');
    const below = computeChange(def, v(def.id, '2011-12', PERCENT_CHANGE_MIN_BASE - 1), v(def.id, '2012-13', 12));
    expect(formatChange(def, below)).toBe('up 3');
  });

  it('reads the decimal places a figure was written with', () => {
    expect(['19', '319.0', '82.6%', '1,212.53', ' 38 ', '', 'n/a'].map(valueDecimalsOf)).toEqual([0, 1, 1, 2, 0, undefined, undefined]);
  });

  it('prints supplied figures at the precision they were supplied with, on the sample', async () => {
    const { indicators } = await loadSample();
    const row = (id: string) => indicators.rows.find((r) => r.def.id === id)!;
    expect(formatIndicatorValue(row('context.free_school_meals_pct').def, row('context.free_school_meals_pct').current)).toBe('19%');
    expect(formatIndicatorValue(row('lado.concluded_within_1_month_pct').def, row('lado.concluded_within_1_month_pct').previous)).toBe('89%');
    expect(formatIndicatorValue(row('context.children_in_need_per_10k').def, row('context.children_in_need_per_10k').previous)).toBe('319.0');
    expect(row('cdop.notified_concluded_in_year_pct').comparators.map((c) => [c.value, c.decimals])).toEqual([
      [38, 0],
      [27, 0],
    ]);
    expect(formatChange(row('context.private_fostering_referrals').def, row('context.private_fostering_referrals').change)).toBe('up 6');
  });
});
