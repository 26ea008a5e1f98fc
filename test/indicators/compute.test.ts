import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../src/indicators/catalogue.js';
import { computeYear } from '../../src/indicators/compute.js';
import type { IndicatorValue } from '../../src/indicators/types.js';
import type { YearData } from '../../src/load/load-board.js';
import { makeBoard, makeYear, plan, referral } from './fixtures.js';

const board = makeBoard(['2012-13']);

function values(data: YearData): Map<string, IndicatorValue> {
  return new Map(computeYear(board, data).map((v) => [v.id, v]));
}
const value = (data: YearData, id: string) => values(data).get(id)!.value;

describe('computeYear: child protection plans', () => {
  it('counts plans open at the end of 31 March: a plan ending that day is not open, one starting that day is', () => {
    const data = makeYear('2012-13', {
      cpPlans: [
        plan({ planStart: '2012-01-10', planEnd: '2013-03-31' }), // ended on the last day: not open
        plan({ planStart: '2013-03-31' }), // started on the last day: open
        plan({ planStart: '2012-05-01', planEnd: '2013-04-01', category: 'sexual' }), // ends after the year: open
        plan({ planStart: '2013-04-01' }), // starts after the year
        plan({ planStart: '2011-02-01', planEnd: '2012-04-01' }),
      ],
    });
    const v = values(data);
    expect(v.get('cp.plans_open_at_year_end')).toMatchObject({ value: 2, provenance: { kind: 'computed', file: '2012-13/child-protection-plans.csv' } });
    expect(v.get('cp.category.neglect')?.value).toBe(1);
    expect(v.get('cp.category.sexual')?.value).toBe(1);
    expect(v.get('cp.category.physical')?.value).toBe(0);
    expect(v.get('cp.plans_started')?.value).toBe(2);
    expect(v.get('cp.plans_ended')?.value).toBe(2);
  });

  it('computes the percentages from counts, with numerator and denominator', () => {
    const data = makeYear('2012-13', {
      cpPlans: [
        // started in the year: 1 of 3 had a previous plan
        plan({ planStart: '2012-04-01', previousPlan: true }),
        plan({ planStart: '2012-08-01' }),
        plan({ planStart: '2013-01-01', reviewsDue: 0, reviewsOnTime: 0 }), // under 3 months at 31 March: not in review denominator
        // ended in the year: exactly 2 years counts as 2 years or more; a day short does not
        plan({ planStart: '2011-03-31', planEnd: '2013-03-31' }),
        plan({ planStart: '2011-03-31', planEnd: '2013-03-30' }),
        plan({ planStart: '2010-06-01', planEnd: '2012-09-01', previousPlan: true }),
        // open at 31 March and at least 3 months old (with the first two above): 4 of 5 have every review on time
        plan({ planStart: '2012-12-31', reviewsDue: 1, reviewsOnTime: 1 }),
        plan({ planStart: '2011-12-01', reviewsDue: 4, reviewsOnTime: 3 }),
        plan({ planStart: '2011-11-01', reviewsDue: 3, reviewsOnTime: 3 }),
      ],
    });
    const v = values(data);
    expect(v.get('cp.second_or_subsequent_pct')).toMatchObject({ numerator: 1, denominator: 4 });
    expect(v.get('cp.second_or_subsequent_pct')?.value).toBeCloseTo(25);
    expect(v.get('cp.lasting_2y_plus_pct')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(v.get('cp.lasting_2y_plus_pct')?.value).toBeCloseTo(66.667, 2);
    expect(v.get('cp.reviewed_in_time_pct')).toMatchObject({ numerator: 4, denominator: 5, value: 80 });
  });

  it('gives a percentage with a zero denominator as null with a reason', () => {
    const v = values(makeYear('2012-13', { cpPlans: [plan({ planStart: '2010-01-01' })] }));
    expect(v.get('cp.second_or_subsequent_pct')).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(v.get('cp.second_or_subsequent_pct')?.reason).toMatch(/no plans started in 2012-13/);
    expect(v.get('cp.lasting_2y_plus_pct')?.reason).toMatch(/no plans ended/);
  });

  it('computes the rate per 10,000 from the context population, or null with the reason', () => {
    const cpPlans = [plan({ planStart: '2012-05-01' }), plan({ planStart: '2012-06-01' })];
    const withPopulation = values(
      makeYear('2012-13', { cpPlans, context: [{ measure: 'child_population_0_17', value: 45000, periodEnd: null, source: 'ONS' }] }),
    ).get('cp.rate_per_10k');
    expect(withPopulation?.value).toBeCloseTo(0.4444, 3);
    expect(withPopulation).toMatchObject({ numerator: 2, denominator: 45000 });
    expect(values(makeYear('2012-13', { cpPlans })).get('cp.rate_per_10k')).toMatchObject({
      value: null,
      reason: expect.stringMatching(/context figures return \(context.csv\) for 2012-13 was not supplied/),
    });
    expect(values(makeYear('2012-13', { cpPlans, context: [] })).get('cp.rate_per_10k')?.reason).toMatch(/no child population/);
  });
});

describe('computeYear: LADO referrals', () => {
  it('counts referrals received in the year by source, nature, outcome and place', () => {
    const data = makeYear('2012-13', {
      ladoReferrals: [
        referral({ source: 'police', nature: 'sexual', workBased: false }),
        referral({ source: 'police', outcome: 'unfounded-false' }),
        referral({ dateReceived: '2012-03-31', dateConcluded: '2012-04-02' }), // received the year before
      ],
    });
    const v = values(data);
    expect(v.get('lado.referrals')?.value).toBe(2);
    expect(v.get('lado.source.police')?.value).toBe(2);
    expect(v.get('lado.source.schools')?.value).toBe(0);
    expect(v.get('lado.nature.sexual')?.value).toBe(1);
    expect(v.get('lado.outcome.unfounded-false')?.value).toBe(1);
    expect(v.get('lado.work_based')?.value).toBe(1);
    expect(v.get('lado.outside_work')?.value).toBe(1);
  });

  it('counts a referral concluded exactly one month later as within a month, and 31 January + 1 month as 28 February', () => {
    const data = makeYear('2012-13', {
      ladoReferrals: [
        referral({ dateReceived: '2012-06-15', dateConcluded: '2012-07-15' }), // within
        referral({ dateReceived: '2012-06-15', dateConcluded: '2012-07-16', policeInvolved: true }), // over: police only
        referral({ dateReceived: '2013-01-31', dateConcluded: '2013-02-28' }), // within
        referral({ dateReceived: '2013-01-31', dateConcluded: '2013-03-01', disciplinaryInvolved: true }), // over: disciplinary only
        referral({ dateReceived: '2012-10-01', dateConcluded: '2013-01-01', policeInvolved: true, disciplinaryInvolved: true }), // over: both
        referral({ dateReceived: '2013-03-20', outcome: 'outstanding', dateConcluded: null }), // outstanding: not within, not over
      ],
    });
    const v = values(data);
    expect(v.get('lado.concluded_within_1_month_pct')).toMatchObject({ numerator: 2, denominator: 6 });
    expect(v.get('lado.over_1_month')?.value).toBe(3);
    expect(v.get('lado.over_1_month_police')?.value).toBe(1);
    expect(v.get('lado.over_1_month_disciplinary')?.value).toBe(1);
    expect(v.get('lado.over_1_month_both')?.value).toBe(1);
  });
});

describe('computeYear: CDOP, training, finance and context', () => {
  it('follows the CDOP definitions: reviews concluded in the year whatever the year of notification', () => {
    const c = (caseRef: string, dateNotified: string, reviewStatus: string, dateConcluded: string | null) => ({
      caseRef, dateNotified, ageBand: '1-4', deathType: 'expected', reviewStatus, dateConcluded,
      category: null, modifiable: null, locality: null, deprivationQuintile: null,
    });
    const v = values(
      makeYear('2012-13', {
        cdopCases: [
          c('D-1', '2012-05-01', 'concluded', '2013-02-01'),
          c('D-2', '2012-06-01', 'deferred', null),
          c('D-3', '2012-07-01', 'not-discussed', null),
          c('D-4', '2013-03-31', 'not-discussed', null),
          c('D-5', '2011-11-01', 'concluded', '2012-04-01'), // notified the year before, concluded this year
        ],
      }),
    );
    expect(v.get('cdop.deaths_notified')?.value).toBe(4);
    expect(v.get('cdop.considered_at_panel')?.value).toBe(2);
    expect(v.get('cdop.deferred')?.value).toBe(1);
    expect(v.get('cdop.not_yet_discussed')?.value).toBe(2);
    expect(v.get('cdop.concluded_notified_in_year')?.value).toBe(1);
    expect(v.get('cdop.concluded_notified_earlier')?.value).toBe(1);
    expect(v.get('cdop.reviews_concluded')?.value).toBe(2);
    expect(v.get('cdop.notified_concluded_in_year_pct')?.value).toBe(25);
  });

  it('sums training in the year and e-learning without a Total row, whatever its case', () => {
    const e = (eventRef: string, date: string, type: string, participants: number) => ({ eventRef, date, type, title: 't', level: null, participants });
    const v = values(
      makeYear('2012-13', {
        trainingEvents: [e('T-1', '2012-04-01', 'briefing', 20), e('T-2', '2013-03-31', 'conference', 100), e('T-3', '2013-04-01', 'briefing', 7)],
        elearning: [
          { course: 'Core', completions: 651 },
          { course: 'Foundation', completions: 114 },
          { course: ' TOTAL ', completions: 765 },
        ],
      }),
    );
    expect(v.get('training.events')?.value).toBe(2);
    expect(v.get('training.participants')?.value).toBe(120);
    expect(v.get('training.type.briefing')?.value).toBe(1);
    expect(v.get('training.elearning_completions')?.value).toBe(765);
  });

  it('totals finance from the lines, not the stated totals, in exact pence', () => {
    const f = (type: string, pence: number | null) => ({ type, heading: type, partner: null, pence });
    const v = values(
      makeYear('2012-13', {
        finance: [f('expenditure', 10), f('expenditure', 20), f('expenditure', null), f('total-expenditure', 99900), f('income', 10000), f('total-income', 500), f('carry-forward', 100)],
      }),
    );
    expect(v.get('finance.expenditure_total')?.value).toBe(0.3);
    expect(v.get('finance.expenditure_total')?.decimals).toBe(2);
    expect(v.get('finance.income_total')?.value).toBe(100);
    expect(v.get('finance.carry_forward')?.value).toBe(99.7);
    expect(v.get('finance.met_from_reserves')?.value).toBe(0);
    expect(v.get('finance.closing_reserves')?.value).toBeNull();
  });

  it('meets an overspend from reserves, never a negative carry forward, and keeps whole pounds without pence', () => {
    const f = (type: string, pence: number) => ({ type, heading: type, partner: 'P', pence });
    const v = values(
      makeYear('2012-13', {
        finance: [f('expenditure', 42162959), f('contribution', 30695000), f('opening-reserves', 15000000)],
      }),
    );
    expect(v.get('finance.expenditure_total')?.value).toBe(421629.59);
    expect(v.get('finance.carry_forward')?.value).toBe(0);
    expect(v.get('finance.met_from_reserves')?.value).toBe(114679.59);
    expect(v.get('finance.closing_reserves')?.value).toBe(35320.41);
    const whole = values(makeYear('2012-13', { finance: [f('expenditure', 100), f('income', 200)] }));
    expect(whole.get('finance.carry_forward')?.decimals).toBeUndefined();
  });

  it('takes context figures as supplied, with their source and finer precision', () => {
    const v = values(
      makeYear('2012-13', {
        context: [
          { measure: 'referrals_per_10k', value: 1212.53, periodEnd: '2013-03-31', source: 'para 3.30' },
          { measure: 'looked_after_children', value: 339, periodEnd: null, source: 'SSDA903' },
        ],
      }),
    );
    expect(v.get('context.referrals_per_10k')).toEqual({
      id: 'context.referrals_per_10k',
      year: '2012-13',
      value: 1212.53,
      provenance: { kind: 'supplied', file: '2012-13/context.csv', source: 'para 3.30' },
      decimals: 2,
    });
    expect(v.get('context.looked_after_children')?.decimals).toBeUndefined();
    expect(v.get('context.cse_referrals')).toMatchObject({ value: null, reason: 'context.csv for 2012-13 gives no figure for cse_referrals' });
  });
});

describe('computeYear: missing and unreadable returns', () => {
  it('gives every figure of a missing return as null with the reason, never 0', () => {
    const v = computeYear(board, makeYear('2012-13', {}));
    expect(v.map((x) => x.id)).toEqual(INDICATORS.map((d) => d.id));
    for (const x of v) {
      expect(x.value, x.id).toBeNull();
      expect(x.reason, x.id).toBeTruthy();
      expect(x.provenance).toBeNull();
    }
    const byId = new Map(v.map((x) => [x.id, x]));
    expect(byId.get('cp.plans_open_at_year_end')?.reason).toBe('the child protection plans return for 2012-13 was not supplied');
    expect(byId.get('lado.source.police')?.reason).toBe('the LADO referrals return for 2012-13 was not supplied');
    expect(byId.get('training.elearning_completions')?.reason).toBe('the e-learning completions return for 2012-13 was not supplied');
  });

  it('says when a return could not be read', () => {
    expect(values(makeYear('2012-13', { finance: null })).get('finance.income_total')?.reason).toBe(
      'the finance return for 2012-13 could not be read (run `lscb-report validate 2012-13`)',
    );
  });

  it('treats a return with a header but no rows as not available, never 0', () => {
    const v = values(makeYear('2012-13', { finance: [], ladoReferrals: [] }));
    expect(v.get('finance.income_total')?.value).toBeNull();
    expect(v.get('finance.income_total')?.reason).toBe('the finance return for 2012-13 has no rows yet');
    expect(v.get('lado.referrals')?.value).toBeNull();
  });
});
