import { beforeAll, describe, expect, it } from 'vitest';
import { biggestMovers, changeSize } from '../../src/cover/movers.js';
import { indicatorDef } from '../../src/indicators/catalogue.js';
import { computeChange } from '../../src/indicators/change.js';
import type { IndicatorReport, IndicatorRow } from '../../src/indicators/types.js';
import { loadSample } from '../report/sample.js';

let indicators: IndicatorReport;
beforeAll(async () => {
  ({ indicators } = await loadSample());
});

/** A row for `id` going from `before` (2011-12) to `after` (2012-13), change computed as the tool does. */
function row(id: string, before: number | null, after: number | null): IndicatorRow {
  const def = indicatorDef(id)!;
  const value = (year: string, v: number | null) => ({ id, year, value: v, provenance: null, ...(v === null ? { reason: 'not supplied' } : {}) });
  const previous = value('2011-12', before);
  const current = value('2012-13', after);
  return { def, year: '2012-13', current, previousYear: '2011-12', previous, change: computeChange(def, previous, current), comparators: [] };
}

const report = (rows: IndicatorRow[]): IndicatorReport => ({ year: '2012-13', rows, series: new Map(), findings: [] });

describe('biggestMovers on the sample', () => {
  it('improved most: the three child protection percentages, biggest change in points first', () => {
    const m = biggestMovers(indicators);
    expect(m.improved.map((x) => [x.figure.id, x.figure.previous, x.figure.value, x.figure.change, x.size])).toEqual([
      ['cp.lasting_2y_plus_pct', '10.6%', '7.5%', 'down 3.1 percentage points', 3.1],
      ['cp.reviewed_in_time_pct', '97.8%', '100.0%', 'up 2.2 percentage points', 2.2],
      ['cp.second_or_subsequent_pct', '14.4%', '13.0%', 'down 1.4 percentage points', 1.4],
    ]);
    expect(m.improved.every((x) => x.basis === 'points')).toBe(true);
  });

  it('worsened most: LADO referrals concluded within a month, the only one that got worse', () => {
    const m = biggestMovers(indicators);
    expect(m.worsened.map((x) => [x.figure.id, x.figure.change, x.figure.verdict])).toEqual([
      ['lado.concluded_within_1_month_pct', 'down 6.4 percentage points', 'worsened'],
    ]);
  });

  it('leaves out figures with no polarity (plans open, LADO referrals) and figures without last year', () => {
    const ids = [...biggestMovers(indicators, { count: 10 }).improved, ...biggestMovers(indicators, { count: 10 }).worsened].map((x) => x.figure.id);
    expect(ids).not.toContain('cp.plans_open_at_year_end');
    expect(ids).not.toContain('lado.referrals');
    expect(ids).not.toContain('training.participants');
  });

  it('ranks context figures only when the board asks for them', () => {
    expect(biggestMovers(indicators).improved.map((x) => x.figure.id)).not.toContain('context.caf_assessments');
    const withContext = biggestMovers(indicators, { groups: ['cp', 'context'] });
    // CAFs 196 → 267 is +36.2% of last year's figure; young carers 270 → 312 is +15.6%.
    expect(withContext.improved.map((x) => [x.figure.id, x.size])).toEqual([
      ['context.caf_assessments', 36.2],
      ['context.young_carers_known', 15.6],
      ['cp.lasting_2y_plus_pct', 3.1],
    ]);
  });

  it('shows at most `count` of each', () => {
    expect(biggestMovers(indicators, { count: 1 }).improved.map((x) => x.figure.id)).toEqual(['cp.lasting_2y_plus_pct']);
  });
});

describe('biggestMovers ranking', () => {
  it('ranks counts and money by % of last year, a change from 0 after every sized one', () => {
    const rows = [
      row('cp.second_or_subsequent_pct', 20, 19), // 1.0 point, improved
      row('context.caf_assessments', 100, 150), // +50%, improved
      row('context.young_carers_known', 0, 40), // from 0: no relative size
      row('cp.reviewed_in_time_pct', 90, 95), // 5.0 points
    ];
    const m = biggestMovers(report(rows), { groups: ['cp', 'context'], count: 5 });
    expect(m.improved.map((x) => x.figure.id)).toEqual([
      'context.caf_assessments',
      'cp.reviewed_in_time_pct',
      'cp.second_or_subsequent_pct',
      'context.young_carers_known',
    ]);
    expect(m.improved.at(-1)!.size).toBeNull();
  });

  it('puts a rate relative to last year', () => {
    const r = row('context.children_in_need_per_10k', 400, 300);
    expect(changeSize(r)).toEqual({ size: 25, basis: 'percent' });
  });

  it('skips figures that did not change or are not available', () => {
    const rows = [row('cp.reviewed_in_time_pct', 95, 95), row('cp.second_or_subsequent_pct', null, 12), row('cp.lasting_2y_plus_pct', 10, null)];
    const m = biggestMovers(report(rows));
    expect(m.improved).toEqual([]);
    expect(m.worsened).toEqual([]);
  });
});
