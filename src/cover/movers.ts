/**
 * The indicators that improved or worsened most since last year. Only indicators whose polarity says a
 * rise (or a fall) is good news have a direction; figures without last year's value are skipped. They are
 * ranked by the size of the change relative to where they started: percentage points for percentages,
 * and for counts, money and rates the change as a percentage of last year's figure. Breakdown members
 * (e.g. one LADO referral source) are left out: they are detail, not headlines.
 */
import { publishedValue } from '../indicators/format.js';
import type { IndicatorReport, IndicatorRow } from '../indicators/types.js';
import { headlineFigure, type HeadlineFigure } from '../glance/headline.js';
import { DEFAULT_MOVER_COUNT, DEFAULT_MOVER_GROUPS } from './schema.js';

/** One indicator in a "moved most" list, with the size it was ranked by. */
export interface Mover {
  figure: HeadlineFigure;
  /** Percentage points (percentages) or % of last year's figure (counts, money, rates); null when last year was 0. */
  size: number | null;
  /** What `size` measures: `points` or `percent`. */
  basis: 'points' | 'percent';
}

/** The two lists. */
export interface Movers {
  improved: Mover[];
  worsened: Mover[];
  /** How many each list was allowed. */
  count: number;
  groups: string[];
}

/** The size a change is ranked by (see the module comment); null when it cannot be put relative to last year. */
export function changeSize(row: IndicatorRow): { size: number | null; basis: 'points' | 'percent' } {
  const { def, change } = row;
  if (def.unit === 'percent') return { size: change.points === null ? null : Math.abs(change.points), basis: 'points' };
  if (def.unit === 'rate_per_10k') {
    const before = publishedValue(def, row.previous);
    if (change.points === null || before === null || before === 0) return { size: null, basis: 'percent' };
    return { size: (Math.abs(change.points) / Math.abs(before)) * 100, basis: 'percent' };
  }
  return { size: change.percent === null ? null : Math.abs(change.percent), basis: 'percent' };
}

/** The indicators in `groups` that improved most and worsened most, `count` of each, biggest first. */
export function biggestMovers(
  report: IndicatorReport,
  options: { count?: number; groups?: readonly string[] } = {},
): Movers {
  const count = options.count ?? DEFAULT_MOVER_COUNT;
  const groups = [...(options.groups ?? DEFAULT_MOVER_GROUPS)];
  const candidates = report.rows
    .map((row, order) => ({ row, order }))
    .filter(({ row }) => row.def.breakdownOf === undefined && groups.includes(row.def.id.split('.')[0]!))
    .filter(({ row }) => row.current.value !== null && row.previous.value !== null);
  const ranked = (direction: 'improved' | 'worsened'): Mover[] =>
    candidates
      .filter(({ row }) => row.change.direction === direction)
      .map(({ row, order }) => ({ row, order, ...changeSize(row) }))
      // Biggest first; a change from 0 (no relative size) after every sized one; ties in catalogue order.
      .sort((a, b) => (b.size ?? -1) - (a.size ?? -1) || a.order - b.order)
      .slice(0, count)
      .map(({ row, size, basis }) => ({ figure: headlineFigure(row), size, basis }));
  return { improved: ranked('improved'), worsened: ranked('worsened'), count, groups };
}
