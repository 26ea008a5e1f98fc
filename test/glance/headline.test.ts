import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_COVER_HEADLINE_IDS,
  DEFAULT_GLANCE_IDS,
  headlineFigures,
  numberReasons,
  UnknownHeadlineIndicatorError,
  type HeadlineFigure,
} from '../../src/glance/headline.js';
import type { IndicatorReport } from '../../src/indicators/types.js';
import { loadSample } from '../report/sample.js';

let indicators: IndicatorReport;
beforeAll(async () => {
  ({ indicators } = await loadSample());
});

const byId = (figures: HeadlineFigure[], id: string): HeadlineFigure => {
  const f = figures.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
};

describe('headline figures on the sample', () => {
  it('notes the period of a figure that is not for its column’s year', () => {
    const h = headlineFigures(indicators, ['context.sen_statements', 'lado.referrals']);
    expect(byId(h.figures, 'context.sen_statements')).toMatchObject({ value: '1,083', valuePeriod: 'at 31 January 2012', previousPeriod: 'March 2011' });
    expect(byId(h.figures, 'lado.referrals').valuePeriod).toBeUndefined();
    const { notes, refs } = numberReasons(h.figures);
    expect(notes.map((n) => n.text)).toEqual(['period of the figure: at 31 January 2012', 'period of the figure: March 2011']);
    expect(refs[0]).toEqual({ value: 1, previous: 2, change: null });
  });

  it('shows the default ten in order, with value, last year, change and verdict', () => {
    const h = headlineFigures(indicators, DEFAULT_GLANCE_IDS);
    expect(h.year).toBe('2012-13');
    expect(h.previousYear).toBe('2011-12');
    expect(h.figures.map((f) => f.id)).toEqual([...DEFAULT_GLANCE_IDS]);
    expect(h.figures.map((f) => [f.id, f.value, f.previous, f.change, f.verdictWord])).toEqual([
      ['cp.plans_open_at_year_end', '217', '237', 'down 20 (8.4%)', 'Not judged'],
      ['cp.rate_per_10k', '48.2', 'not available', 'not available', 'No comparison'],
      ['lado.referrals', '144', '142', 'up 2 (1.4%)', 'Not judged'],
      ['cdop.deaths_notified', '17', 'not available', 'not available', 'No comparison'],
      ['training.participants', '1,378', 'not available', 'not available', 'No comparison'],
      ['finance.carry_forward', '£46,703', 'not available', 'not available', 'No comparison'],
      ['cp.second_or_subsequent_pct', '13.0%', '14.4%', 'down 1.4 percentage points', 'Better'],
      ['cp.reviewed_in_time_pct', '100.0%', '97.8%', 'up 2.2 percentage points', 'Better'],
      ['lado.concluded_within_1_month_pct', '82.6%', '89%', 'down 6.4 percentage points', 'Worse'],
      ['training.elearning_completions', '1,068', 'not available', 'not available', 'No comparison'],
    ]);
  });

  it('the cover defaults are the first six', () => {
    expect(DEFAULT_GLANCE_IDS.slice(0, 6)).toEqual([...DEFAULT_COVER_HEADLINE_IDS]);
  });

  it('says why last year is not available, never shows it as 0', () => {
    const f = byId(headlineFigures(indicators, ['training.participants']).figures, 'training.participants');
    expect(f.previous).toBe('not available');
    expect(f.previousReason).toMatch(/2011-12/);
    expect(f.valueReason).toBeUndefined();
  });

  it('numbers each distinct reason once, in reading order', () => {
    const { notes, refs } = numberReasons(headlineFigures(indicators, DEFAULT_COVER_HEADLINE_IDS).figures);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.number).toBe(1);
    expect(refs.map((r) => r.previous)).toEqual([null, 1, null, 1, 1, 1]);
    expect(refs.every((r) => r.value === null && r.change === null)).toBe(true);
  });

  it('refuses an id that is not an indicator, suggesting the nearest', () => {
    expect(() => headlineFigures(indicators, ['lado.referal'])).toThrow(UnknownHeadlineIndicatorError);
    try {
      headlineFigures(indicators, ['lado.referal']);
    } catch (error) {
      expect((error as UnknownHeadlineIndicatorError).suggestion).toBe('lado.referrals');
    }
  });

  it('drops a repeated id', () => {
    expect(headlineFigures(indicators, ['lado.referrals', 'lado.referrals']).figures).toHaveLength(1);
  });
});
