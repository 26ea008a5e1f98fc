/** The list of business-rule checks run by `validate` and `build`, in order. */
import type { Check } from '../check.js';
import { practiceReviews } from './practice-reviews.js';
import { statutoryGuidance } from './statutory-guidance.js';
import { aggregateFigures } from './aggregate-figures.js';
import { boardAttendance } from './board-attendance.js';
import { boardFigures } from './board-figures.js';
import { cdopStatus } from './cdop-status.js';
import { contextRanges } from './context-ranges.js';
import { cpReviews } from './cp-reviews.js';
import { datesInYear } from './dates-in-year.js';
import { elearningTotal } from './elearning-total.js';
import { endBeforeStart } from './end-before-start.js';
import { financeTotals } from './finance-totals.js';
import { ladoOutcome } from './lado-outcome.js';
import { linkText } from './link-text.js';
import { narrativeFigures } from './narrative-figures.js';
import { narrativeNumbers } from './narrative-numbers.js';
import { personalDataNarrative } from './personal-data-narrative.js';
import { personalDataValues } from './personal-data-values.js';
import { placeholders } from './placeholders.js';
import { trainingTotals } from './training-totals.js';
import { totalsAgree, totalsFiles } from './totals-files.js';
import { returnsCollected } from './returns-collected.js';
import { trainingCourses } from './training-courses.js';
import { uniqueValues } from './unique-values.js';

/** Every check, in the order it runs. */
export const CHECKS: Check[] = [
  uniqueValues,
  personalDataValues,
  personalDataNarrative,
  linkText,
  datesInYear,
  endBeforeStart,
  cpReviews,
  ladoOutcome,
  totalsFiles,
  totalsAgree,
  returnsCollected,
  trainingCourses,
  cdopStatus,
  trainingTotals,
  elearningTotal,
  financeTotals,
  contextRanges,
  boardAttendance,
  aggregateFigures,
  narrativeFigures,
  boardFigures,
  narrativeNumbers,
  practiceReviews,
  placeholders,
  statutoryGuidance,
];
