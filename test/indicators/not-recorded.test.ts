/** A figure that depends on a value some rows did not record is not available, with the reason; never 0. */
import { describe, expect, it } from 'vitest';
import { computeYear } from '../../src/indicators/compute.js';
import { NOT_RECORDED } from '../../src/returns/not-recorded.js';
import { ladoOutcome } from '../../src/validate/checks/lado-outcome.js';
import { makeBoard, makeYear, plan, referral } from './fixtures.js';

const board = makeBoard(['2012-13']);
const values = (returns: Parameters<typeof makeYear>[1]) => new Map(computeYear(board, makeYear('2012-13', returns)).map((v) => [v.id, v]));

describe('values not recorded', () => {
  it('make the breakdown that needs them not available, and leave the rest', () => {
    const v = values({ ladoReferrals: [referral(), referral(), referral({ source: NOT_RECORDED })] });
    expect(v.get('lado.referrals')!.value).toBe(3);
    expect(v.get('lado.source.schools')!.value).toBeNull();
    expect(v.get('lado.source.schools')!.reason).toBe('1 of the 3 referrals received in 2012-13 have Referral source not recorded (lado-referrals.csv)');
    expect(v.get('lado.source.police')!.value).toBeNull();
    expect(v.get('lado.nature.physical')!.value).toBe(3);
    expect(v.get('lado.work_based')!.value).toBe(3);
  });

  it('are neither yes nor no', () => {
    const v = values({ ladoReferrals: [referral(), referral({ workBased: NOT_RECORDED })] });
    expect(v.get('lado.work_based')!.value).toBeNull();
    expect(v.get('lado.outside_work')!.value).toBeNull();
    expect(v.get('lado.outside_work')!.reason).toContain('Work based not recorded');
  });

  it('make a percentage over them not available, not a share of the rest', () => {
    const v = values({ cpPlans: [plan({ planStart: '2012-05-01', previousPlan: true }), plan({ planStart: '2012-06-01', previousPlan: NOT_RECORDED })] });
    expect(v.get('cp.plans_started')!.value).toBe(2);
    expect(v.get('cp.second_or_subsequent_pct')!.value).toBeNull();
    expect(v.get('cp.second_or_subsequent_pct')!.reason).toBe('1 of the 2 plans started in 2012-13 have Previous plan not recorded (child-protection-plans.csv)');
    // Categories of open plans are all recorded here.
    expect(v.get('cp.category.neglect')!.value).toBe(2);
  });

  it('count only where the figure needs them: a plan that ended is not in the open-plans categories', () => {
    const v = values({ cpPlans: [plan({ planStart: '2012-05-01' }), plan({ planStart: '2012-05-01', planEnd: '2012-09-01', category: NOT_RECORDED })] });
    expect(v.get('cp.category.neglect')!.value).toBe(1);
  });

  it('let a LADO referral with no outcome recorded go without a date concluded', () => {
    const data = makeYear('2012-13', { ladoReferrals: [referral({ outcome: NOT_RECORDED, dateConcluded: null })] });
    expect(ladoOutcome.run({ board, data })).toEqual([]);
  });
});
