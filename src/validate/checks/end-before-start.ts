/** Check: nothing ends before it started (plans, LADO referrals, child death reviews). */
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';
import { header, returnFile, rowsOf, ukDate } from './helpers.js';

/** End dates on or after their start dates. */
export const endBeforeStart: Check = {
  id: 'end-before-start',
  description: 'Plans end on or after their start, referrals conclude on or after they were received, reviews conclude on or after the death was notified.',
  run({ data }) {
    const findings: Finding[] = [];
    for (const r of rowsOf(data, 'cpPlans')) {
      if (r.planEnd !== null && r.planEnd < r.planStart) {
        findings.push({
          code: 'end-before-start',
          severity: 'error',
          file: returnFile(data, 'cpPlans'),
          row: r.row,
          column: header('cpPlans', 'planEnd'),
          value: r.planEnd,
          message: `Plan ${r.planRef} ends on ${ukDate(r.planEnd)}, before it started on ${ukDate(r.planStart)}.`,
          hint: 'Check both dates: the day and month may have been swapped.',
        });
      }
    }
    for (const r of rowsOf(data, 'ladoReferrals')) {
      if (r.dateConcluded !== null && r.dateConcluded < r.dateReceived) {
        findings.push({
          code: 'end-before-start',
          severity: 'error',
          file: returnFile(data, 'ladoReferrals'),
          row: r.row,
          column: header('ladoReferrals', 'dateConcluded'),
          value: r.dateConcluded,
          message: `Referral ${r.referralRef} is recorded as concluded on ${ukDate(r.dateConcluded)}, before it was received on ${ukDate(r.dateReceived)}.`,
          hint: 'Check both dates: the day and month may have been swapped.',
        });
      }
    }
    for (const r of rowsOf(data, 'cdopCases')) {
      if (r.dateConcluded !== null && r.dateConcluded < r.dateNotified) {
        findings.push({
          code: 'end-before-start',
          severity: 'error',
          file: returnFile(data, 'cdopCases'),
          row: r.row,
          column: header('cdopCases', 'dateConcluded'),
          value: r.dateConcluded,
          message: `The review of case ${r.caseRef} is recorded as concluded on ${ukDate(r.dateConcluded)}, before the death was notified on ${ukDate(r.dateNotified)}.`,
          hint: 'Check both dates: the day and month may have been swapped.',
        });
      }
    }
    return findings;
  },
};
