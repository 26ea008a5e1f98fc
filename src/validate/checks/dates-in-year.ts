/** Check: dates that must fall in the reporting year do, and rows that belong to another year are flagged. */
import type { Check } from '../check.js';
import type { Finding, Severity } from '../findings.js';
import type { ReturnId } from '../../returns/definitions.js';
import type { FinancialYear } from '../../returns/year.js';
import { header, returnFile, rowsOf, ukDate } from './helpers.js';

/** Dates inside the reporting year where they must be; rows from another year flagged. */
export const datesInYear: Check = {
  id: 'dates-in-year',
  description:
    'Dates that must fall in the reporting year do (LADO referrals received, training events, plans started, reviews concluded), and rows that belong to another year are flagged.',
  run({ data }) {
    const { year } = data;
    const findings: Finding[] = [];
    const push = (id: ReturnId, key: string, severity: Severity, row: number, value: string, message: string, hint: string) =>
      findings.push({ code: 'date-outside-year', severity, file: returnFile(data, id), row, column: header(id, key), value, message, hint });
    const yearWords = `the reporting year ${year.label} (${ukDate(year.start)} to ${ukDate(year.end)})`;

    for (const r of rowsOf(data, 'ladoReferrals')) {
      if (r.dateReceived < year.start || r.dateReceived > year.end) {
        push('ladoReferrals', 'dateReceived', 'error', r.row, r.dateReceived,
          `Referral ${r.referralRef} was received on ${ukDate(r.dateReceived)}, outside ${yearWords}.`,
          `This return lists referrals received in ${year.label} only: correct the date, or move the row to the ${yearOf(r.dateReceived, year)} return.`);
      }
    }

    for (const r of rowsOf(data, 'trainingEvents')) {
      if (r.date < year.start || r.date > year.end) {
        push('trainingEvents', 'date', 'error', r.row, r.date,
          `Training event ${r.eventRef} is dated ${ukDate(r.date)}, outside ${yearWords}.`,
          `This return lists events held in ${year.label} only: correct the date, or move the row to the ${yearOf(r.date, year)} return.`);
      }
    }

    for (const r of rowsOf(data, 'cpPlans')) {
      if (r.planStart > year.end) {
        push('cpPlans', 'planStart', 'error', r.row, r.planStart,
          `Plan ${r.planRef} starts on ${ukDate(r.planStart)}, after the end of ${yearWords}.`,
          `A plan that started after ${ukDate(year.end)} belongs in a later year's return: correct the date or remove the row.`);
      }
      if (r.planEnd !== null && r.planEnd > year.end) {
        push('cpPlans', 'planEnd', 'error', r.row, r.planEnd,
          `Plan ${r.planRef} ends on ${ukDate(r.planEnd)}, after the end of ${yearWords}.`,
          `The return describes plans as they stood on ${ukDate(year.end)}: a plan still open then has a blank Plan end.`);
      } else if (r.planEnd !== null && r.planEnd < year.start) {
        push('cpPlans', 'planEnd', 'warning', r.row, r.planEnd,
          `Plan ${r.planRef} ended on ${ukDate(r.planEnd)}, before ${yearWords} began, so it does not belong in this return.`,
          `The return lists plans open at some time in ${year.label}: remove the row, or correct the date.`);
      }
    }

    for (const r of rowsOf(data, 'cdopCases')) {
      if (r.dateNotified > year.end) {
        push('cdopCases', 'dateNotified', 'error', r.row, r.dateNotified,
          `Case ${r.caseRef} was notified on ${ukDate(r.dateNotified)}, after the end of ${yearWords}.`,
          `Deaths notified after ${ukDate(year.end)} belong in the ${yearOf(r.dateNotified, year)} return: correct the date or move the row.`);
      }
      if (r.dateConcluded !== null && r.dateConcluded > year.end) {
        push('cdopCases', 'dateConcluded', 'error', r.row, r.dateConcluded,
          `The review of case ${r.caseRef} is recorded as concluded on ${ukDate(r.dateConcluded)}, after the end of ${yearWords}.`,
          `The return shows where each review stood on ${ukDate(year.end)}: a review concluded later is "deferred" or "not-discussed" here, with a blank Date concluded.`);
      }
      if (r.dateNotified < year.start) {
        const notConcluded = r.reviewStatus !== 'concluded';
        const concludedEarlier = r.reviewStatus === 'concluded' && r.dateConcluded !== null && r.dateConcluded < year.start;
        if (notConcluded || concludedEarlier) {
          push('cdopCases', 'dateNotified', 'warning', r.row, r.dateNotified,
            `Case ${r.caseRef} was notified on ${ukDate(r.dateNotified)}, before ${yearWords}, and its review was not concluded in ${year.label}, so it does not belong in this return.`,
            `The return lists deaths notified in ${year.label}, plus earlier deaths whose review concluded in ${year.label}: remove the row, or correct its dates or status.`);
        }
      }
    }
    return findings;
  },
};

/** The label of the financial year a date falls in, e.g. `2013-14`. */
function yearOf(iso: string, reference: FinancialYear): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const start = m >= 4 ? y : y - 1;
  return start === reference.startYear ? reference.label : `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
