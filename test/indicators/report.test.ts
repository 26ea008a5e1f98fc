import { describe, expect, it } from 'vitest';
import { indicatorDef } from '../../src/indicators/catalogue.js';
import { computeChange } from '../../src/indicators/change.js';
import { buildIndicatorReport } from '../../src/indicators/compute.js';
import { compareYearsInSeries, hasChanged } from '../../src/indicators/diff.js';
import type { IndicatorReport, IndicatorValue } from '../../src/indicators/types.js';
import type { YearData } from '../../src/load/load-board.js';
import { makeBoard, makeYear, plan, published, referral } from './fixtures.js';

const row = (report: IndicatorReport, id: string) => report.rows.find((r) => r.def.id === id)!;
const findingsTable = (report: IndicatorReport) => report.findings.map((f) => [f.code, f.file, f.row ?? null]);
const v = (id: string, year: string, value: number | null, extra: Partial<IndicatorValue> = {}): IndicatorValue => ({
  id,
  year,
  value,
  provenance: value === null ? null : { kind: 'computed', file: 'x.csv' },
  ...extra,
});
const def = (id: string) => indicatorDef(id)!;

/** 2012-13 CP return: 2 plans open at 31 March 2013, of which 1 was also open at 31 March 2012. */
const cp1213 = [plan({ planStart: '2011-06-01' }), plan({ planStart: '2012-06-01' }), plan({ planStart: '2011-01-01', planEnd: '2012-03-31' })];

function years(...data: YearData[]): Map<string, YearData> {
  return new Map(data.map((d) => [d.year.label, d]));
}

describe('buildIndicatorReport: series and provenance', () => {
  const board = makeBoard(
    ['2012-13'],
    [published('2010-11', 'lado.referrals', 112, 'report 2012-13, para 15.1'), published('2011-12', 'lado.referrals', 142, 'report 2012-13, para 15.1')],
  );
  const ladoReferrals = Array.from({ length: 3 }, () => referral());
  const report = buildIndicatorReport(board, years(makeYear('2012-13', { ladoReferrals })), '2012-13');

  it('covers every year the board has, oldest first: year folders and years of published figures', () => {
    expect([...report.series.get('lado.referrals')!.keys()]).toEqual(['2010-11', '2011-12', '2012-13']);
    expect([...report.series.get('lado.referrals')!.values()].map((x) => x.value)).toEqual([112, 142, 3]);
  });

  it('says where each value came from', () => {
    expect(report.series.get('lado.referrals')!.get('2011-12')!.provenance).toEqual({
      kind: 'supplied',
      file: 'aggregates/published-figures.csv',
      source: 'report 2012-13, para 15.1',
    });
    expect(row(report, 'lado.referrals').current.provenance).toEqual({ kind: 'computed', file: '2012-13/lado-referrals.csv' });
  });

  it('gives figures nobody supplied as null with a reason', () => {
    expect(report.series.get('lado.outcome.substantiated')!.get('2011-12')).toMatchObject({
      value: null,
      reason: 'there are no returns for 2011-12 and no published figure for it',
    });
    expect(row(report, 'cp.plans_open_at_year_end').current.reason).toBe('the child protection plans return for 2012-13 was not supplied');
  });

  it('builds one row per indicator with the previous year and the change', () => {
    const r = row(report, 'lado.referrals');
    expect(r.previousYear).toBe('2011-12');
    expect(r.previous.value).toBe(142);
    expect(r.change).toEqual({ absolute: -139, percent: -97.9, points: null, direction: 'not_applicable' });
    expect(report.findings).toEqual([]);
  });

  it('gives a year with no data at all rows that say so', () => {
    const early = buildIndicatorReport(board, new Map(), '2010-11');
    expect(row(early, 'lado.referrals').previous).toMatchObject({ year: '2009-10', value: null, reason: 'there is no data for 2009-10' });
    expect(row(early, 'lado.referrals').change).toMatchObject({ direction: 'not_applicable', reason: 'there is no figure for 2009-10' });
  });
});

describe('buildIndicatorReport: reconciliation', () => {
  it('keeps the computed figure and warns, naming the published row, when a published figure for the same year differs', () => {
    const board = makeBoard(['2012-13'], [published('2012-13', 'lado.referrals', 4), published('2012-13', 'lado.work_based', 3)]);
    const report = buildIndicatorReport(board, years(makeYear('2012-13', { ladoReferrals: [referral(), referral(), referral()] })), '2012-13');
    expect(row(report, 'lado.referrals').current).toMatchObject({ value: 3, provenance: { kind: 'computed' } });
    expect(findingsTable(report)).toEqual([['reconciliation-difference', 'aggregates/published-figures.csv', 2]]);
    expect(report.findings[0]!.severity).toBe('warning');
    expect(report.findings[0]!.message).toBe('The published lado.referrals for 2012-13 is 4, but the 2012-13 returns give 3.');
    // The hint says truthfully which figure the report prints, and how to choose.
    expect(report.findings[0]!.hint).toMatch(/^The report prints 3, from 2012-13\/lado-referrals\.csv\..*correct or delete its row/);
  });

  it('compares at the precision the figure was published with (82.6% computed, 83% published)', () => {
    const ladoReferrals = [
      ...Array.from({ length: 119 }, () => referral()),
      ...Array.from({ length: 25 }, () => referral({ dateConcluded: '2012-08-01' })),
    ];
    const board = makeBoard(['2012-13'], [published('2012-13', 'lado.concluded_within_1_month_pct', 83)]);
    const report = buildIndicatorReport(board, years(makeYear('2012-13', { ladoReferrals })), '2012-13');
    expect(row(report, 'lado.concluded_within_1_month_pct').current.value).toBeCloseTo(82.639, 3);
    expect(report.findings).toEqual([]);
  });

  it('reconciles the plans open on the previous 31 March implied by the CP return against the published figure', () => {
    const agree = buildIndicatorReport(makeBoard(['2012-13'], [published('2011-12', 'cp.plans_open_at_year_end', 1)]), years(makeYear('2012-13', { cpPlans: cp1213 })), '2012-13');
    expect(agree.findings).toEqual([]);

    const differ = buildIndicatorReport(
      makeBoard(['2012-13'], [published('2011-12', 'lado.referrals', 9), published('2011-12', 'cp.plans_open_at_year_end', 237, 'para 13.2')]),
      years(makeYear('2012-13', { cpPlans: cp1213 })),
      '2012-13',
    );
    expect(findingsTable(differ)).toEqual([['reconciliation-difference', 'aggregates/published-figures.csv', 3]]);
    expect(differ.findings[0]!.message).toBe(
      'The published cp.plans_open_at_year_end for 2011-12 is 237, but the 2012-13 child protection plans return implies 1.',
    );
    // 2011-12 has no returns, so the published 237 is the figure printed, and the hint says so.
    expect(differ.findings[0]!.hint).toMatch(/^The report prints the published 237 for 2011-12, which has no returns of its own\./);
    expect(row(differ, 'cp.plans_open_at_year_end').previous).toMatchObject({ value: 237, provenance: { kind: 'supplied' } });
    expect(differ.findings[0]!.hint).toContain('para 13.2');
    // The published figure is still the 2011-12 value shown.
    expect(row(differ, 'cp.plans_open_at_year_end').previous.value).toBe(237);
  });

  it('reconciles the implied snapshot against the previous year computed from its own return', () => {
    const y1112 = makeYear('2011-12', { cpPlans: [plan({ planStart: '2011-06-01' }), plan({ planStart: '2011-07-01' })] });
    const report = buildIndicatorReport(makeBoard(['2011-12', '2012-13']), years(y1112, makeYear('2012-13', { cpPlans: cp1213 })), '2012-13');
    expect(findingsTable(report)).toEqual([['reconciliation-difference', '2012-13/child-protection-plans.csv', null]]);
    expect(report.findings[0]!.message).toContain('gives 2 plans open on 2012-03-31, but the 2012-13 child protection plans return implies 1');
  });

  it('warns about published figures with unknown ids and duplicates, using the first', () => {
    const board = makeBoard([], [published('2011-12', 'lado.referals', 1), published('2011-12', 'lado.referrals', 2), published('2011-12', 'lado.referrals', 5)]);
    const report = buildIndicatorReport(board, new Map(), '2011-12');
    expect(findingsTable(report)).toEqual([
      ['unknown-indicator', 'aggregates/published-figures.csv', 2],
      ['duplicate-figure', 'aggregates/published-figures.csv', 4],
    ]);
    expect(report.findings[0]!.hint).toContain('Did you mean "lado.referrals"?');
    expect(row(report, 'lado.referrals').current.value).toBe(2);
  });
});

describe('change and direction', () => {
  it('follows polarity, comparing values as published', () => {
    const pct = def('cp.second_or_subsequent_pct'); // lower is better
    expect(computeChange(pct, v(pct.id, '2011-12', 14.4), v(pct.id, '2012-13', (37 / 285) * 100))).toEqual({
      absolute: null,
      percent: null,
      points: -1.4,
      direction: 'improved',
    });
    const reviewed = def('cp.reviewed_in_time_pct'); // higher is better
    expect(computeChange(reviewed, v(reviewed.id, '2011-12', 97.8), v(reviewed.id, '2012-13', 100)).direction).toBe('improved');
    expect(computeChange(reviewed, v(reviewed.id, '2011-12', 100), v(reviewed.id, '2012-13', 97.8))).toMatchObject({ points: -2.2, direction: 'worsened' });
    // 13.04 and 12.96 are both published as 13.0: unchanged, even though the unrounded values differ.
    expect(computeChange(pct, v(pct.id, '2011-12', 13.04), v(pct.id, '2012-13', 12.96))).toMatchObject({ points: 0, direction: 'unchanged' });
  });

  it('gives counts absolute and % change; neither polarity is not applicable unless unchanged', () => {
    const open = def('cp.plans_open_at_year_end');
    expect(computeChange(open, v(open.id, '2011-12', 237), v(open.id, '2012-13', 217))).toEqual({ absolute: -20, percent: -8.4, points: null, direction: 'not_applicable' });
    expect(computeChange(open, v(open.id, '2011-12', 217), v(open.id, '2012-13', 217)).direction).toBe('unchanged');
    expect(computeChange(open, v(open.id, '2011-12', 0), v(open.id, '2012-13', 2))).toMatchObject({ absolute: 2, percent: null });
    const over = def('lado.over_1_month'); // lower is better
    expect(computeChange(over, v(over.id, '2011-12', 15), v(over.id, '2012-13', 19)).direction).toBe('worsened');
  });

  it('keeps the finer precision of supplied figures in the change', () => {
    const ref = def('context.referrals_per_10k');
    expect(computeChange(ref, v(ref.id, '2011-12', 773.76, { decimals: 2 }), v(ref.id, '2012-13', 1212.53, { decimals: 2 }))).toEqual({
      absolute: null,
      percent: null,
      points: 438.77,
      direction: 'not_applicable',
      decimals: 2,
    });
  });

  it('is only computed between consecutive years', () => {
    const lado = def('lado.referrals');
    expect(computeChange(lado, v(lado.id, '2010-11', 112), v(lado.id, '2012-13', 144))).toEqual({
      absolute: null,
      percent: null,
      points: null,
      direction: 'not_applicable',
      reason: 'change is only computed between consecutive years; 2010-11 and 2012-13 are 2 years apart',
    });
  });

  it('is not available, with a reason, when either value is', () => {
    const lado = def('lado.referrals');
    expect(computeChange(lado, v(lado.id, '2011-12', null), v(lado.id, '2012-13', 144))).toMatchObject({ absolute: null, reason: 'there is no figure for 2011-12' });
    expect(computeChange(lado, v(lado.id, '2011-12', 1), v(lado.id, '2012-13', null)).reason).toBe('there is no figure for 2012-13');
  });
});

describe('comparators', () => {
  it('gives the board value against each comparator with the difference', () => {
    const board = makeBoard(
      ['2012-13'],
      [],
      [
        { year: '2012-13', indicator: 'lado.concluded_within_1_month_pct', comparator: 'england', value: 80, source: 'DfE' },
        { year: '2011-12', indicator: 'lado.concluded_within_1_month_pct', comparator: 'england', value: 70, source: 'DfE' },
      ],
    );
    const ladoReferrals = [referral(), referral(), referral({ dateConcluded: '2012-09-01' })];
    const report = buildIndicatorReport(board, years(makeYear('2012-13', { ladoReferrals })), '2012-13');
    expect(row(report, 'lado.concluded_within_1_month_pct').comparators).toEqual([
      { comparator: 'england', value: 80, difference: -13.3, decimals: 0, source: 'DfE' },
    ]);
    expect(row(report, 'lado.referrals').comparators).toEqual([]);
  });
});

describe('compareYearsInSeries', () => {
  const board = makeBoard([], [published('2010-11', 'lado.referrals', 112), published('2011-12', 'lado.referrals', 142), published('2012-13', 'lado.referrals', 142)]);
  const report = buildIndicatorReport(board, new Map(), '2012-13');

  it('shows both values and no change for years that are not consecutive', () => {
    const c = compareYearsInSeries(report.series, '2010-11', '2012-13', [def('lado.referrals')]);
    expect(c.consecutive).toBe(false);
    expect(c.rows[0]).toMatchObject({ a: { value: 112 }, b: { value: 142 }, change: { absolute: null, direction: 'not_applicable' } });
    expect(hasChanged(c.rows[0]!)).toBe(true);
  });

  it('gives the change between consecutive years', () => {
    const c = compareYearsInSeries(report.series, '2011-12', '2012-13');
    expect(c.consecutive).toBe(true);
    const lado = c.rows.find((r) => r.def.id === 'lado.referrals')!;
    expect(lado.change).toMatchObject({ absolute: 0, direction: 'unchanged' });
    expect(hasChanged(lado)).toBe(false);
    expect(c.rows.filter(hasChanged)).toEqual([]);
  });
});
