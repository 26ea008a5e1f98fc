/** Check: a LADO referral's outcome agrees with its date concluded. */
import { NOT_RECORDED } from '../../returns/not-recorded.js';
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';
import { header, returnFile, rowsOf, ukDate } from './helpers.js';

/** LADO outcomes consistent with their date concluded. */
export const ladoOutcome: Check = {
  id: 'lado-outcome',
  description: 'An outstanding LADO referral has no date concluded, and a concluded one (any other outcome except not recorded) has one.',
  run({ data }) {
    const findings: Finding[] = [];
    const file = returnFile(data, 'ladoReferrals');
    for (const r of rowsOf(data, 'ladoReferrals')) {
      if (r.outcome === 'outstanding' && r.dateConcluded !== null) {
        findings.push({
          code: 'inconsistent-outcome',
          severity: 'error',
          file,
          row: r.row,
          column: header('ladoReferrals', 'outcome'),
          value: r.outcome,
          message: `Referral ${r.referralRef} is marked outstanding but has a date concluded (${ukDate(r.dateConcluded)}).`,
          hint: 'If the case has concluded, enter its outcome; if it is still open, clear the Date concluded cell.',
        });
      } else if (r.outcome !== 'outstanding' && r.outcome !== NOT_RECORDED && r.dateConcluded === null) {
        findings.push({
          code: 'inconsistent-outcome',
          severity: 'error',
          file,
          row: r.row,
          column: header('ladoReferrals', 'dateConcluded'),
          value: '',
          message: `Referral ${r.referralRef} has the outcome "${r.outcome}" but no date concluded.`,
          hint: 'Enter the date the case concluded, or set the outcome to outstanding if it is still open.',
        });
      }
    }
    return findings;
  },
};
