/** Check: the course-level training return describes the report year or the year before, each course once. */
import { collectedReturns, returnKey } from '../../returns/collection.js';
import { returnDef } from '../../returns/definitions.js';
import { parseYear, shiftYear } from '../../returns/year.js';
import { courseYear } from '../../indicators/compute.js';
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';
import { hasReturn, header, returnFile, rowsOf } from './helpers.js';

/** The training courses return is for this year and the one before, without repeats, and declared. */
export const trainingCourses: Check = {
  id: 'training-courses',
  description:
    'Each row of the course-level training return (training-courses.csv) describes the report year or the year before, each course (with its level and delivery) appears once a year, and board.yaml declares the return collected so its figures are computed.',
  run({ board, data }) {
    const findings: Finding[] = [];
    if (!hasReturn(data, 'trainingCourses')) return findings;
    const file = returnFile(data, 'trainingCourses');
    const def = returnDef('trainingCourses');
    const y = data.year.label;
    const prev = shiftYear(y, -1);
    if (!collectedReturns(board.config?.returns).has('trainingCourses')) {
      findings.push({
        code: 'return-not-declared',
        severity: 'warning',
        file,
        message: `${def.file} is in the ${y} folder, but board.yaml does not say the board collects it, so its figures (training.courses_run, …) are not computed; its course table is still printed.`,
        hint: `Add to board.yaml:\nreturns:\n  ${returnKey(def)}: collected`,
      });
    }
    const seen = new Map<string, number>();
    for (const r of rowsOf(data, 'trainingCourses')) {
      const year = courseYear(r, y);
      if (year !== y && year !== prev) {
        findings.push({
          code: parseYear(year) ? 'date-outside-year' : 'year-invalid',
          severity: 'error',
          file,
          row: r.row,
          column: header('trainingCourses', 'year'),
          value: r.year ?? '',
          message: parseYear(year) ? `The row is for ${year}, but the ${y} return describes ${y} and, for comparison, ${prev}.` : `"${year}" is not a financial year.`,
          hint: `Write ${y} (or leave it blank) for this year's courses and ${prev} for last year's; put other years' courses in their own year folders.`,
        });
        continue;
      }
      const key = [r.course, r.level ?? '', r.delivery, year].map((x) => x.trim().toLowerCase()).join('\u0000');
      if (seen.has(key)) {
        findings.push({
          code: 'duplicate-reference',
          severity: 'error',
          file,
          row: r.row,
          column: header('trainingCourses', 'course'),
          value: r.course,
          message: `"${r.course}"${r.level ? ` (${r.level})` : ''} is listed twice for ${year} (first in row ${seen.get(key)}).`,
          hint: 'Give each course one row a year, with the year’s totals: add the sessions together.',
        });
        continue;
      }
      seen.set(key, r.row);
    }
    return findings;
  },
};
