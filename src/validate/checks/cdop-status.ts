/** Check: a child death review's status agrees with its date concluded and category. */
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';
import { header, returnFile, rowsOf, ukDate } from './helpers.js';

/** CDOP review status consistent with its date concluded and category. */
export const cdopStatus: Check = {
  id: 'cdop-status',
  description: 'A concluded child death review has a date concluded and a category; a review that is not concluded has no date concluded.',
  run({ data }) {
    const findings: Finding[] = [];
    const file = returnFile(data, 'cdopCases');
    for (const r of rowsOf(data, 'cdopCases')) {
      if (r.reviewStatus === 'concluded') {
        if (r.dateConcluded === null) {
          findings.push({
            code: 'inconsistent-outcome',
            severity: 'error',
            file,
            row: r.row,
            column: header('cdopCases', 'dateConcluded'),
            value: '',
            message: `The review of case ${r.caseRef} is marked concluded but has no date concluded.`,
            hint: 'Enter the date of the panel meeting that concluded the review, or correct the Review status.',
          });
        }
        if (r.category === null) {
          findings.push({
            code: 'inconsistent-outcome',
            severity: 'error',
            file,
            row: r.row,
            column: header('cdopCases', 'category'),
            value: '',
            message: `The review of case ${r.caseRef} is marked concluded but has no category of death.`,
            hint: 'Enter the national CDOP category (1 to 10) the panel decided on.',
          });
        }
      } else if (r.dateConcluded !== null) {
        findings.push({
          code: 'inconsistent-outcome',
          severity: 'error',
          file,
          row: r.row,
          column: header('cdopCases', 'reviewStatus'),
          value: r.reviewStatus,
          message: `The review of case ${r.caseRef} has a date concluded (${ukDate(r.dateConcluded)}) but its status is "${r.reviewStatus}", not concluded.`,
          hint: 'If the panel concluded the review, set the status to concluded; otherwise clear the Date concluded cell.',
        });
      }
    }
    return findings;
  },
};
