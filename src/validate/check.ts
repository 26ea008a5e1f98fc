/**
 * Business rules are small checks that each yield findings, easy to list, test and switch off one by one.
 */
import type { BoardData, YearData } from '../load/load-board.js';
import type { Finding } from './findings.js';

/** What a check can see: the board and the year being validated. */
export interface CheckContext {
  board: BoardData;
  data: YearData;
}

/** A named business rule. */
export interface Check {
  /** Stable id, used to switch the check off. */
  id: string;
  /** One line saying what the check enforces. */
  description: string;
  run(ctx: CheckContext): Finding[];
}
