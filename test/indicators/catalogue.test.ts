import { describe, expect, it } from 'vitest';
import { INDICATORS, breakdownMembers, contextMeasureUnit, indicatorDef, isKnownIndicatorId, suggestIndicatorId } from '../../src/indicators/catalogue.js';
import {
  CONTEXT_MEASURES,
  CP_CATEGORIES,
  LADO_NATURES,
  LADO_OUTCOMES,
  LADO_SOURCES,
  TRAINING_TYPES,
} from '../../src/returns/definitions.js';

/** Every id DOMAIN.md names, plus those the sample narrative cites. */
const REQUIRED = [
  'cp.plans_open_at_year_end', 'cp.rate_per_10k', 'cp.plans_started', 'cp.plans_ended', 'cp.second_or_subsequent_pct',
  'cp.lasting_2y_plus_pct', 'cp.reviewed_in_time_pct', 'lado.referrals', 'lado.work_based', 'lado.outside_work',
  'lado.concluded_within_1_month_pct', 'lado.over_1_month', 'lado.over_1_month_police', 'lado.over_1_month_disciplinary',
  'lado.over_1_month_both', 'cdop.deaths_notified', 'cdop.reviews_concluded', 'cdop.notified_concluded_in_year_pct',
  'cdop.considered_at_panel', 'cdop.deferred', 'cdop.not_yet_discussed', 'cdop.concluded_notified_in_year',
  'cdop.concluded_notified_earlier', 'training.events', 'training.participants', 'training.elearning_completions',
  'finance.expenditure_total', 'finance.income_total', 'finance.carry_forward',
  ...CP_CATEGORIES.map((c) => `cp.category.${c.code}`),
  ...LADO_SOURCES.map((c) => `lado.source.${c.code}`),
  ...LADO_NATURES.map((c) => `lado.nature.${c.code}`),
  ...LADO_OUTCOMES.map((c) => `lado.outcome.${c.code}`),
  ...TRAINING_TYPES.map((c) => `training.type.${c.code}`),
  ...CONTEXT_MEASURES.map((c) => `context.${c.code}`),
];

describe('the indicator catalogue', () => {
  it('has every required id, once', () => {
    for (const id of REQUIRED) expect(isKnownIndicatorId(id), id).toBe(true);
    expect(new Set(INDICATORS.map((d) => d.id)).size).toBe(INDICATORS.length);
    expect(isKnownIndicatorId('lado.outcome.unfounded-false')).toBe(true);
    expect(isKnownIndicatorId('lado.outcome.unfounded_false')).toBe(false);
    expect(indicatorDef('no.such')).toBeUndefined();
  });

  it('gives every entry a title, definition, source and the decimals of its unit', () => {
    for (const d of INDICATORS) {
      expect(d.title.length, d.id).toBeGreaterThan(3);
      expect(d.definition.length, d.id).toBeGreaterThan(10);
      expect(d.source, d.id).toMatch(/\.csv/);
      expect(d.decimals, d.id).toBe({ count: 0, money: 0, percent: 1, rate_per_10k: 1 }[d.unit]);
      if (d.unit === 'percent' && !d.id.startsWith('context.')) {
        expect(d.numerator, d.id).toBeTruthy();
        expect(d.denominator, d.id).toBeTruthy();
      }
    }
  });

  it('sets polarity where a rise is good or bad news', () => {
    const polarity = (id: string) => indicatorDef(id)?.polarity;
    expect(polarity('cp.reviewed_in_time_pct')).toBe('higher_is_better');
    expect(polarity('cp.second_or_subsequent_pct')).toBe('lower_is_better');
    expect(polarity('cp.lasting_2y_plus_pct')).toBe('lower_is_better');
    expect(polarity('lado.concluded_within_1_month_pct')).toBe('higher_is_better');
    expect(polarity('cp.plans_open_at_year_end')).toBe('neither');
    expect(polarity('lado.referrals')).toBe('neither');
  });

  it('groups breakdown members under their family with the return codes and labels', () => {
    expect(breakdownMembers('lado.outcome').map((d) => d.breakdownCode)).toEqual(LADO_OUTCOMES.map((c) => c.code));
    expect(indicatorDef('lado.source.police')).toMatchObject({ breakdownOf: 'lado.source', breakdownCode: 'police', breakdownLabel: 'Police' });
    expect(breakdownMembers('cp.plans_open_at_year_end')).toEqual([]);
  });

  it('gives context measures a unit from their code', () => {
    expect(contextMeasureUnit('free_school_meals_pct')).toBe('percent');
    expect(contextMeasureUnit('referrals_per_10k')).toBe('rate_per_10k');
    expect(contextMeasureUnit('looked_after_children')).toBe('count');
    expect(indicatorDef('context.referrals_per_10k')?.unit).toBe('rate_per_10k');
    expect(indicatorDef('context.child_population_0_17')?.unit).toBe('count');
  });
});

describe('suggestIndicatorId', () => {
  it.each([
    ['cp.plans_open', 'cp.plans_open_at_year_end'],
    ['cp.plans_opn', 'cp.plans_open_at_year_end'],
    ['lado.referals', 'lado.referrals'],
    ['lado.outcome.unfounded_false', 'lado.outcome.unfounded-false'],
    ['concluded_within', 'lado.concluded_within_1_month_pct'],
  ])('suggests %s → %s', (input, expected) => {
    expect(suggestIndicatorId(input)).toBe(expected);
  });
});
