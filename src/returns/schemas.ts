/**
 * zod schemas for every return, built from the column definitions, and the typed rows they produce.
 * A row is parsed with `safeParse`; each issue's `path[0]` is the column key and its `params` carry the
 * finding code and hint, so the loader can turn issues into findings without showing zod's own text.
 */
import { z } from 'zod';
import {
  RETURNS,
  PUBLISHED_FIGURES_COLUMNS,
  COMPARATOR_COLUMNS,
  type ColumnDef,
  type ReturnId,
} from './definitions.js';
import { NOT_RECORDED, isNotRecordedText, type NotRecorded } from './not-recorded.js';
import {
  parseCount,
  parseDate,
  parseEnum,
  parseIndicatorId,
  parseMoney,
  parseNumber,
  parseRef,
  parseYesNo,
  type CellResult,
} from './cells.js';

/** A child protection plan. Dates are ISO strings. */
export interface CpPlanRow {
  planRef: string;
  childRef: string;
  planStart: string;
  planEnd: string | null;
  /** A category code, or "not-recorded" (as every coded and yes/no column of a case-level return may be). */
  category: string;
  previousPlan: boolean | NotRecorded;
  reviewsDue: number;
  reviewsOnTime: number;
}

/** A LADO referral. */
export interface LadoReferralRow {
  referralRef: string;
  dateReceived: string;
  source: string;
  sector: string;
  nature: string;
  workBased: boolean | NotRecorded;
  outcome: string;
  dateConcluded: string | null;
  policeInvolved: boolean | NotRecorded;
  disciplinaryInvolved: boolean | NotRecorded;
}

/** A child death reviewed by the CDOP. */
export interface CdopCaseRow {
  caseRef: string;
  dateNotified: string;
  ageBand: string;
  deathType: string;
  reviewStatus: string;
  dateConcluded: string | null;
  category: string | null;
  modifiable: string | null;
  locality: string | null;
  deprivationQuintile: string | null;
}

/** A direct training event. */
export interface TrainingEventRow {
  eventRef: string;
  date: string;
  type: string;
  title: string;
  level: string | null;
  participants: number;
}

/** Participants at one event from one agency. */
export interface TrainingAttendanceRow {
  eventRef: string;
  agency: string;
  participants: number;
}

/** Completions of one e-learning course. */
export interface ElearningRow {
  course: string;
  completions: number;
}

/** One line of the financial statement. */
export interface FinanceRow {
  type: string;
  heading: string;
  partner: string | null;
  /** The amount in whole pence (exact); null when the line was left blank ("not supplied"). */
  pence: number | null;
}

/** One context figure supplied from another system. */
export interface ContextRow {
  measure: string;
  value: number;
  /** Decimal places the value was written with in the file (set by the loader). */
  valueDecimals?: number;
  /** True when the value was written with a trailing % (set by the loader). */
  valueWrittenAsPercent?: boolean;
  periodEnd: string | null;
  source: string;
  /** The period in words, when not the report year ("mid-2010 estimate"). */
  period?: string | null;
  /** The ages covered, as the source gives them ("0-18"). */
  ageBand?: string | null;
}

/** A board member. */
export interface BoardMemberRow {
  name: string;
  role: string;
  agency: string;
  meetingsHeld: number | null;
  meetingsAttended: number | null;
}

/** One agency's section 11 audit status. */
export interface Section11Row {
  agency: string;
  returned: boolean;
  invited: boolean;
  attended: boolean;
  deferred: boolean;
  recommendations: boolean;
}

/** One serious incident notified to the national panel, with its rapid review and any local review. */
export interface PracticeReviewRow {
  incidentRef: string;
  incidentDate: string;
  dateAware: string | null;
  dateNotified: string;
  rapidReviewDate: string | null;
  decision: string;
  reviewCommissioned: string | null;
  reviewPublished: string | null;
}

/** One figure of a totals file (LADO, child protection, child deaths, training). */
export interface TotalsRow {
  breakdown: string;
  code: string | null;
  count: number | null;
  percent: number | null;
}

/** One figure of a LADO totals file. */
export type LadoTotalRow = TotalsRow;

/** A figure published for a year, supplied as an aggregate. */
export interface PublishedFigureRow {
  year: string;
  indicator: string;
  value: number;
  /** Decimal places the value was written with in the file (set by the loader). */
  valueDecimals?: number;
  source: string;
  /** The period in words, when not the Year ("March 2011"). */
  period?: string | null;
}

/** A comparator figure (England, region, statistical neighbours). */
export interface ComparatorRow {
  year: string;
  indicator: string;
  comparator: string;
  value: number;
  /** Decimal places the value was written with in the file (set by the loader). */
  valueDecimals?: number;
  source: string;
  /** The period the comparator figure describes, in words, when it is not the Year ("2011-12 school year"). */
  period?: string | null;
}

/** One course of the board's training catalogue in one year. */
export interface TrainingCourseRow {
  course: string;
  level: string | null;
  delivery: string;
  /** The financial year the row describes; null for the folder's year. */
  year: string | null;
  runs: number | null;
  places: number | null;
  attended: number | null;
}

/** Row type for each return id. */
export interface RowTypes {
  cpPlans: CpPlanRow;
  ladoReferrals: LadoReferralRow;
  cdopCases: CdopCaseRow;
  trainingEvents: TrainingEventRow;
  trainingAttendance: TrainingAttendanceRow;
  elearning: ElearningRow;
  finance: FinanceRow;
  context: ContextRow;
  boardMembers: BoardMemberRow;
  section11: Section11Row;
  practiceReviews: PracticeReviewRow;
  ladoTotals: TotalsRow;
  cpTotals: TotalsRow;
  cdopTotals: TotalsRow;
  trainingTotals: TotalsRow;
  trainingCourses: TrainingCourseRow;
}

/** Issue params the loader reads back. */
export interface CellIssueParams {
  findingCode: string;
  hint?: string;
}

function cellParser(col: ColumnDef): (raw: string) => CellResult<unknown> {
  switch (col.type) {
    case 'date':
      return parseDate;
    case 'count':
      return parseCount;
    case 'money':
      return parseMoney;
    case 'number':
      return parseNumber;
    case 'yesno':
      return (raw) => parseYesNo(raw, col.blankMeans);
    case 'enum':
      return (raw) => parseEnum(raw, col.values ?? []);
    case 'ref':
      return parseRef;
    case 'indicator':
      return parseIndicatorId;
    case 'text':
      return (raw) => ({ ok: true, value: raw.trim() });
  }
}

/** The zod schema of one column: a raw cell string in, a typed value (or null when blank) out. */
export function columnSchema(col: ColumnDef) {
  const parse = cellParser(col);
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const s = (raw ?? '').trim();
      if (s === '' && !(col.type === 'yesno' && col.blankMeans)) {
        if (col.required) {
          ctx.addIssue({
            code: 'custom',
            message: `${col.header} is required but the cell is empty.`,
            params: { findingCode: 'required-value-missing', hint: `Fill in ${col.header}: ${col.description}` } satisfies CellIssueParams,
          });
          return z.NEVER;
        }
        return null;
      }
      // "Not recorded" is an explicit answer where the column allows it, never a value of the column.
      if (col.notRecorded && isNotRecordedText(s)) return NOT_RECORDED;
      const result = parse(s);
      if (!result.ok) {
        ctx.addIssue({
          code: 'custom',
          message: result.problem.message,
          params: {
            findingCode: result.problem.code,
            hint: col.notRecorded && result.problem.code === 'value-not-allowed' ? `${result.problem.hint ?? ''} If the agency did not record it, write "not recorded".`.trim() : result.problem.hint,
          } satisfies CellIssueParams,
        });
        return z.NEVER;
      }
      return result.value;
    });
}

/** Build the row schema for a list of columns. */
export function rowSchema(columns: ColumnDef[]) {
  const shape: Record<string, ReturnType<typeof columnSchema>> = {};
  for (const col of columns) shape[col.key] = columnSchema(col);
  return z.object(shape);
}

/** Row schemas for every CSV return, keyed by return id. */
export const RETURN_SCHEMAS = Object.fromEntries(RETURNS.map((r) => [r.id, rowSchema(r.columns)])) as unknown as {
  [K in ReturnId]: z.ZodType<RowTypes[K], Record<string, string | undefined>>;
};

/** Row schema of `aggregates/published-figures.csv`. */
export const PUBLISHED_FIGURES_SCHEMA = rowSchema(PUBLISHED_FIGURES_COLUMNS) as unknown as z.ZodType<
  PublishedFigureRow,
  Record<string, string | undefined>
>;

/** Row schema of `aggregates/comparators.csv`. */
export const COMPARATORS_SCHEMA = rowSchema(COMPARATOR_COLUMNS) as unknown as z.ZodType<
  ComparatorRow,
  Record<string, string | undefined>
>;

/** Schema of `<year>/recommendations.yaml`. */
export const recommendationsSchema = z
  .object({
    objectives: z
      .array(
        z
          .object({
            number: z.number().int().min(1),
            title: z.string().min(1),
            recommendations: z
              .array(
                z
                  .object({
                    text: z.string().min(1),
                    // Unquoted numbers are refused: YAML reads 7.10 as 7.1, silently changing the reference.
                    paragraphs: z.array(z.string({ error: 'write each paragraph reference in quotes, like "7.10"' })).default([]),
                    status: z.enum(['new', 'in-progress', 'complete', 'carried-forward']).default('new'),
                  })
                  .strict(),
              )
              .min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** The recommendations of a year, grouped by strategic objective. */
export type Recommendations = z.infer<typeof recommendationsSchema>;
