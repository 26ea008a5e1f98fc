/** Tiny hand-made boards and years for indicator tests: only the returns a test names are present. */
import type { BoardData, WithRow, YearData } from '../../src/load/load-board.js';
import type { ReturnId } from '../../src/returns/definitions.js';
import type { ComparatorRow, CpPlanRow, LadoReferralRow, PublishedFigureRow, RowTypes } from '../../src/returns/schemas.js';
import { parseYear } from '../../src/returns/year.js';

/** Rows numbered from 2, as a spreadsheet shows them under the header. */
export function numbered<T>(rows: T[]): WithRow<T>[] {
  return rows.map((r, i) => ({ ...r, row: i + 2 }));
}

/** A year whose returns are exactly `returns` (absent keys are returns not supplied; null is unreadable). */
export function makeYear(label: string, returns: { [K in ReturnId]?: RowTypes[K][] | null } = {}): YearData {
  const year = parseYear(label);
  if (!year) throw new Error(label);
  const out: YearData['returns'] = {};
  for (const [k, rows] of Object.entries(returns)) {
    (out as Record<string, unknown>)[k] = rows === null ? null : numbered(rows as object[]);
  }
  return { year, returns: out, recommendations: undefined, narrative: new Map(), columnLetters: new Map(), findings: [] };
}

/** A board with the given year folders, published figures and comparators. */
export function makeBoard(
  years: string[],
  publishedFigures: PublishedFigureRow[] = [],
  comparators: ComparatorRow[] = [],
): BoardData {
  return {
    dir: '/boards/test',
    config: null,
    sections: [],
    years,
    publishedFigures: numbered(publishedFigures),
    comparators: numbered(comparators),
    findings: [],
  };
}

let planSeq = 0;
/** A child protection plan; by default open, neglect, first plan, reviews all on time. */
export function plan(p: Partial<CpPlanRow> & { planStart: string }): CpPlanRow {
  planSeq += 1;
  return {
    planRef: `CP-${planSeq}`,
    childRef: `C-${planSeq}`,
    planEnd: null,
    category: 'neglect',
    previousPlan: false,
    reviewsDue: 0,
    reviewsOnTime: 0,
    ...p,
  };
}

let refSeq = 0;
/** A LADO referral; by default received 1 June 2012, substantiated, concluded the same day. */
export function referral(r: Partial<LadoReferralRow> = {}): LadoReferralRow {
  refSeq += 1;
  return {
    referralRef: `L-${refSeq}`,
    dateReceived: '2012-06-01',
    source: 'schools',
    sector: 'education',
    nature: 'physical',
    workBased: true,
    outcome: 'substantiated',
    dateConcluded: r.dateReceived ?? '2012-06-01',
    policeInvolved: false,
    disciplinaryInvolved: false,
    ...r,
  };
}

/** The published figure row for a year and id. */
export const published = (year: string, indicator: string, value: number, source = 'test source'): PublishedFigureRow => ({
  year,
  indicator,
  value,
  source,
});
