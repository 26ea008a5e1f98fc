/** Check: a "Total" row in the e-learning return equals the sum of the courses. */
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';
import { hasRowErrors, header, num, returnFile, rowsOf } from './helpers.js';

/** True when an e-learning row is a stated total rather than a course. */
export function isElearningTotalRow(course: string): boolean {
  return /^(grand )?totals?$/i.test(course.trim());
}

/** The e-learning "Total" row equals the sum of the courses. */
export const elearningTotal: Check = {
  id: 'elearning-total',
  description: 'A row with Course "Total" in the e-learning return equals the sum of the course rows.',
  run({ data }) {
    const findings: Finding[] = [];
    if (hasRowErrors(data, 'elearning')) return findings;
    const rows = rowsOf(data, 'elearning');
    const courses = rows.filter((r) => !isElearningTotalRow(r.course));
    const sum = courses.reduce((acc, r) => acc + r.completions, 0);
    for (const t of rows.filter((r) => isElearningTotalRow(r.course))) {
      if (t.completions === sum) continue;
      const diff = t.completions - sum;
      findings.push({
        code: 'total-mismatch',
        severity: 'error',
        file: returnFile(data, 'elearning'),
        row: t.row,
        column: header('elearning', 'completions'),
        value: String(t.completions),
        message: `The stated total is ${num(t.completions)} completions but the ${num(courses.length)} course${courses.length === 1 ? '' : 's'} ${courses.length === 1 ? 'adds' : 'add'} up to ${num(sum)}: a difference of ${num(Math.abs(diff))}.`,
        hint: 'Correct the Total row or the course figures so that they agree; or delete the Total row, since the tool adds the courses up itself.',
      });
    }
    return findings;
  },
};
