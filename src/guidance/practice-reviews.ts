/**
 * Serious incidents and practice reviews: timeliness against the statutory limits, in working days of
 * England and Wales. A serious incident is to be notified to the national Child Safeguarding Practice
 * Review Panel within 5 working days of the local authority becoming aware of it, and the rapid review is
 * to be completed within 15 working days (both counted here from the day the local authority became aware:
 * `Date aware`, or the incident date when that is blank).
 */
import { workingDaysBetween } from '../calendar/working-days.js';
import type { PracticeReviewRow } from '../returns/schemas.js';
import type { FinancialYear } from '../returns/year.js';

/** Working days allowed to notify the national panel. */
export const NOTIFICATION_LIMIT = 5;
/** Working days allowed to complete the rapid review. */
export const RAPID_REVIEW_LIMIT = 15;

/** The day the clock starts for an incident. */
export function clockStart(row: Pick<PracticeReviewRow, 'dateAware' | 'incidentDate'>): string {
  return row.dateAware ?? row.incidentDate;
}

/** Timeliness and outcomes of the incidents notified in a year. */
export interface PracticeReviewSummary {
  /** Incidents notified to the panel in the year. */
  notified: number;
  notifiedInTime: number;
  /** Rapid reviews completed (of incidents notified in the year). */
  rapidReviews: number;
  rapidReviewsInTime: number;
  /** Rapid reviews not yet completed. */
  rapidReviewsOutstanding: number;
  /** Decision code → incidents. */
  decisions: Map<string, number>;
  reviewsCommissioned: number;
  /** Local reviews published in the year (of any incident in the return). */
  reviewsPublished: number;
}

const inYear = (iso: string | null, year: FinancialYear): iso is string => iso !== null && iso >= year.start && iso <= year.end;

/** Summarise the practice-reviews return for a year. Rows notified outside the year are left out. */
export function summarisePracticeReviews(rows: readonly PracticeReviewRow[], year: FinancialYear): PracticeReviewSummary {
  const notified = rows.filter((r) => inYear(r.dateNotified, year));
  const rapid = notified.filter((r) => r.rapidReviewDate !== null);
  const decisions = new Map<string, number>();
  for (const r of notified) decisions.set(r.decision, (decisions.get(r.decision) ?? 0) + 1);
  return {
    notified: notified.length,
    notifiedInTime: notified.filter((r) => workingDaysBetween(clockStart(r), r.dateNotified) <= NOTIFICATION_LIMIT).length,
    rapidReviews: rapid.length,
    rapidReviewsInTime: rapid.filter((r) => workingDaysBetween(clockStart(r), r.rapidReviewDate!) <= RAPID_REVIEW_LIMIT).length,
    rapidReviewsOutstanding: notified.length - rapid.length,
    decisions,
    reviewsCommissioned: notified.filter((r) => r.reviewCommissioned !== null).length,
    reviewsPublished: rows.filter((r) => inYear(r.reviewPublished, year)).length,
  };
}
