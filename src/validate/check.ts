/**
 * Business rules are small checks that each yield findings, easy to list, test and switch off one by one.
 */
import type { IndicatorReport } from '../indicators/types.js';
import type { BoardData, YearData } from '../load/load-board.js';
import type { Finding } from './findings.js';

/** What a check can see: the board and the year being validated. */
export interface CheckContext {
  board: BoardData;
  data: YearData;
  /** The year's indicators (computed and supplied), for checks that compare text with figures. */
  indicators?: IndicatorReport;
  /** Counts from 1 to this are suppressed in the edition being checked; 0 when nothing is. */
  disclosureThreshold?: number;
  /** Ids of the year's figures that edition suppresses. */
  suppressedIds?: ReadonlySet<string>;
}

/** A named business rule. */
export interface Check {
  /** Stable id, used to switch the check off. */
  id: string;
  /** One line saying what the check enforces. */
  description: string;
  run(ctx: CheckContext): Finding[];
}
