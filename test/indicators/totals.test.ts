/** Returns supplied as totals: the figures they give, "not available" for the rest, and their checks. */
import { describe, expect, it } from 'vitest';
import { computeYear } from '../../src/indicators/compute.js';
import type { TotalsRow } from '../../src/returns/schemas.js';
import { totalsAgree, totalsFiles } from '../../src/validate/checks/totals-files.js';
import { makeBoard, makeYear, plan, referral } from './fixtures.js';

const t = (breakdown: string, code: string | null, count: number | null, percent: number | null = null): TotalsRow => ({ breakdown, code, count, percent });
const board = makeBoard(['2012-13']);
const values = (returns: Parameters<typeof makeYear>[1]) => new Map(computeYear(board, makeYear('2012-13', returns)).map((v) => [v.id, v]));
const findings = (returns: Parameters<typeof makeYear>[1]) => {
  const data = makeYear('2012-13', returns);
  return [...totalsFiles.run({ board, data }), ...totalsAgree.run({ board, data })].map((f) => [f.code, f.file, f.row, f.column]);
};

describe('child protection plans as totals', () => {
  const cpTotals = [
    t('open', null, 217),
    t('started', null, 200),
    t('ended', null, 220),
    t('category', 'neglect', 154),
    t('category', 'physical', 20),
    t('category', 'emotional', 30),
    t('category', 'sexual', 13),
    t('second-or-subsequent', null, 26),
    t('lasted-2y-plus', null, null, 7.5),
  ];

  it('gives the figures the totals carry, with a rate from the context population', () => {
    const v = values({ cpTotals, context: [{ measure: 'child_population_0_17', value: 47000, periodEnd: null, source: 'ONS' }] });
    expect(v.get('cp.plans_open_at_year_end')!.value).toBe(217);
    expect(v.get('cp.plans_open_at_year_end')!.provenance).toEqual({ kind: 'supplied', file: '2012-13/cp-totals.csv', source: 'plans open at 31 March, as supplied' });
    expect(v.get('cp.category.neglect')!.value).toBe(154);
    // A category the totals leave out has no plans: the parts add up to the total.
    expect(v.get('cp.category.multiple')!.value).toBe(0);
    expect(v.get('cp.second_or_subsequent_pct')!.value).toBeCloseTo(13.0, 10);
    expect(v.get('cp.lasting_2y_plus_pct')!.value).toBe(7.5);
    expect(v.get('cp.rate_per_10k')!.value).toBeCloseTo((217 / 47000) * 10000, 10);
  });

  it('leaves what the totals do not carry not available, with the reason, never 0', () => {
    const v = values({ cpTotals: [t('open', null, 217)] });
    const reviewed = v.get('cp.reviewed_in_time_pct')!;
    expect(reviewed.value).toBeNull();
    expect(reviewed.reason).toBe('the child protection plans totals for 2012-13 (cp-totals.csv) do not give plans open at 31 March for at least 3 months with every review held on time');
    expect(v.get('cp.plans_started')!.value).toBeNull();
    expect(v.get('cp.category.neglect')!.value).toBeNull();
  });

  it('turns category percentages into counts of the open plans', () => {
    const v = values({ cpTotals: [t('open', null, 200), t('category', 'neglect', null, 70), t('category', 'physical', null, 30)] });
    expect(v.get('cp.category.neglect')!.value).toBe(140);
    expect(v.get('cp.category.neglect')!.provenance!.source).toBe('counts derived from the percentages supplied, of the open figure of 200');
  });

  it('refuses parts that do not add up, a part above its base and a percentage with no base', () => {
    expect(findings({ cpTotals: [t('open', null, 10), t('category', 'neglect', 6), t('category', 'sexual', 3)] })).toEqual([['total-mismatch', '2012-13/cp-totals.csv', 2, 'Count']]);
    expect(findings({ cpTotals: [t('started', null, 10), t('second-or-subsequent', null, 11)] })).toEqual([['value-out-of-range', '2012-13/cp-totals.csv', 3, 'Count']]);
    expect(findings({ cpTotals: [t('category', 'neglect', null, 60)] })).toEqual([['total-missing', '2012-13/cp-totals.csv', undefined, undefined]]);
    expect(findings({ cpTotals: [t('open', null, null, 50)] })).toEqual([['unit-mismatch', '2012-13/cp-totals.csv', 2, 'Percent']]);
    expect(findings({ cpTotals: [t('open', null, 10), t('open', null, 10)] })).toEqual([['duplicate-figure', '2012-13/cp-totals.csv', 3, 'Breakdown']]);
    expect(findings({ cpTotals: [t('open', null, 10), t('category', 'neglct', 10)] })).toEqual([['value-not-allowed', '2012-13/cp-totals.csv', 3, 'Code']]);
  });

  it('is an error when the totals and the case-level rows are both given and disagree', () => {
    const cpPlans = [plan({ planStart: '2012-05-01' }), plan({ planStart: '2012-06-01', category: 'sexual' })];
    expect(findings({ cpPlans, cpTotals: [t('open', null, 2), t('category', 'neglect', 1), t('category', 'sexual', 1)] })).toEqual([]);
    expect(findings({ cpPlans, cpTotals: [t('open', null, 3), t('category', 'neglect', 2), t('category', 'sexual', 1)] })).toEqual([
      ['totals-disagree', '2012-13/cp-totals.csv', 2, 'Count'],
      ['totals-disagree', '2012-13/cp-totals.csv', 3, 'Count'],
    ]);
    // The case-level rows are what the report uses.
    expect(values({ cpPlans, cpTotals: [t('open', null, 3)] }).get('cp.plans_open_at_year_end')!.value).toBe(2);
  });
});

describe('child deaths (CDOP) as totals', () => {
  it('gives the panel figures and the percentage concluded from counts', () => {
    const v = values({
      cdopTotals: [t('notified', null, 17), t('considered-at-panel', null, 9), t('concluded-notified-in-year', null, 6), t('deferred', null, 3), t('not-discussed', null, 8), t('reviews-concluded', null, 13), t('concluded-notified-earlier', null, 7)],
    });
    expect([...['cdop.deaths_notified', 'cdop.considered_at_panel', 'cdop.deferred', 'cdop.not_yet_discussed', 'cdop.reviews_concluded', 'cdop.concluded_notified_earlier'].map((id) => v.get(id)!.value)]).toEqual([17, 9, 3, 8, 13, 7]);
    expect(v.get('cdop.notified_concluded_in_year_pct')!.value).toBeCloseTo((6 / 17) * 100, 10);
    expect(v.get('cdop.notified_concluded_in_year_pct')!.denominator).toBe(17);
  });

  it('with only deaths notified, every other figure is not available', () => {
    const v = values({ cdopTotals: [t('notified', null, 17)] });
    expect(v.get('cdop.deaths_notified')!.value).toBe(17);
    for (const id of ['cdop.reviews_concluded', 'cdop.notified_concluded_in_year_pct', 'cdop.deferred']) {
      expect(v.get(id)!.value).toBeNull();
      expect(v.get(id)!.reason).toMatch(/^the child deaths \(CDOP\) totals for 2012-13 \(cdop-totals.csv\) do not give /);
    }
  });
});

describe('training as totals', () => {
  it('gives events, participants and events by kind; e-learning still comes from its own return', () => {
    const v = values({ trainingTotals: [t('events', null, 66), t('participants', null, 1378), t('type', 'multi-agency-course', 40), t('type', 'briefing', 26), t('agency', 'Police', 378), t('agency', 'Health', 1000)] });
    expect(v.get('training.events')!.value).toBe(66);
    expect(v.get('training.participants')!.value).toBe(1378);
    expect(v.get('training.type.briefing')!.value).toBe(26);
    expect(v.get('training.type.conference')!.value).toBe(0);
    expect(v.get('training.elearning_completions')!.value).toBeNull();
    expect(v.get('training.elearning_completions')!.reason).toBe('the e-learning completions return for 2012-13 was not supplied');
  });

  it('checks that agencies add up to the participants', () => {
    expect(findings({ trainingTotals: [t('participants', null, 100), t('agency', 'Police', 40), t('agency', 'Health', 50)] })).toEqual([['total-mismatch', '2012-13/training-totals.csv', 2, 'Count']]);
  });
});

describe('LADO referrals as totals', () => {
  it('give work-based, timeliness and enquiry figures as well as the breakdowns', () => {
    const v = values({
      ladoTotals: [t('total', null, 144), t('work-based', null, 95), t('outside-work', null, 49), t('concluded-within-1-month', null, null, 83), t('over-1-month', null, 19), t('over-1-month-police', null, 5), t('over-1-month-disciplinary', null, 7), t('over-1-month-both', null, 7)],
    });
    expect([v.get('lado.referrals')!.value, v.get('lado.work_based')!.value, v.get('lado.outside_work')!.value, v.get('lado.over_1_month_both')!.value]).toEqual([144, 95, 49, 7]);
    // A percentage as supplied is published at the catalogue's precision (83.0%), with its base.
    expect(v.get('lado.concluded_within_1_month_pct')).toMatchObject({ value: 83, denominator: 144 });
    expect(v.get('lado.source.police')!.value).toBeNull();
  });

  it('agree with the case-level rows when a published percentage rounds to the rows\' share', () => {
    // 2 of 3 referrals are about education: 66.666…%, published as 67%, which is 2 of 3 again.
    const ladoReferrals = [referral(), referral(), referral({ sector: 'health' })];
    expect(findings({ ladoReferrals, ladoTotals: [t('total', null, 3), t('sector', 'education', null, 67), t('sector', 'health', null, 33)] })).toEqual([]);
    expect(findings({ ladoReferrals, ladoTotals: [t('total', null, 3), t('sector', 'education', null, 33), t('sector', 'health', null, 67)] })).toEqual([
      ['totals-disagree', '2012-13/lado-totals.csv', 3, 'Percent'],
      ['totals-disagree', '2012-13/lado-totals.csv', 4, 'Percent'],
    ]);
  });
});
