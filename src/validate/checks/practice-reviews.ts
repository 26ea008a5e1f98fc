/**
 * Check: the practice-reviews return tells a possible story. Its dates run in order (incident, became
 * aware, notified, rapid review, local review commissioned, published); the notification falls in the
 * reporting year; a notification or rapid review dated on a weekend or bank holiday is questioned, because
 * the timeliness figures count working days; and the decision agrees with the local review columns.
 */
import { nonWorkingReason } from '../../calendar/working-days.js';
import type { PracticeReviewRow } from '../../returns/schemas.js';
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';
import { header, returnFile, rowsOf, ukDate } from './helpers.js';

type DateKey = 'incidentDate' | 'dateAware' | 'dateNotified' | 'rapidReviewDate' | 'reviewCommissioned' | 'reviewPublished';

/** The dates of a row in the order they must happen. */
const ORDER: DateKey[] = ['incidentDate', 'dateAware', 'dateNotified', 'rapidReviewDate', 'reviewCommissioned', 'reviewPublished'];

export const practiceReviews: Check = {
  id: 'practice-reviews',
  description: 'Practice-review dates run in order and the notification is in the year; notifications and rapid reviews fall on working days; decisions agree with local reviews.',
  run({ data }) {
    const findings: Finding[] = [];
    const file = returnFile(data, 'practiceReviews');
    const { year } = data;
    const at = (r: PracticeReviewRow & { row: number }, key: DateKey, f: Pick<Finding, 'code' | 'severity' | 'message' | 'hint'>) =>
      findings.push({ ...f, file, row: r.row, column: header('practiceReviews', key), value: r[key] ?? '' });

    for (const r of rowsOf(data, 'practiceReviews')) {
      // Each date must be on or after the latest date before it in the order.
      let previous: { key: DateKey; date: string } | null = null;
      for (const key of ORDER) {
        const date = r[key];
        if (date === null) continue;
        if (previous && date < previous.date) {
          at(r, key, {
            code: 'practice-review-dates-out-of-order',
            severity: 'error',
            message: `Incident ${r.incidentRef}: ${header('practiceReviews', key)} (${ukDate(date)}) is before ${header('practiceReviews', previous.key)} (${ukDate(previous.date)}).`,
            hint: 'The dates run incident, became aware, notified to the panel, rapid review completed, local review commissioned, published: check the day and month have not been swapped.',
          });
        }
        previous = { key, date };
      }
      if (r.dateNotified < year.start || r.dateNotified > year.end) {
        at(r, 'dateNotified', {
          code: 'date-outside-year',
          severity: 'error',
          message: `Incident ${r.incidentRef} was notified on ${ukDate(r.dateNotified)}, outside the reporting year ${year.label} (${ukDate(year.start)} to ${ukDate(year.end)}).`,
          hint: `The return lists the incidents notified in ${year.label}; move this row to the year folder of its notification.`,
        });
      }
      for (const key of ['dateNotified', 'rapidReviewDate'] as const) {
        const date = r[key];
        const why = date === null ? null : nonWorkingReason(date);
        if (date !== null && why !== null) {
          at(r, key, {
            code: 'practice-review-non-working-day',
            severity: 'warning',
            message: `Incident ${r.incidentRef}: ${header('practiceReviews', key)} is ${ukDate(date)}, a ${why === 'Saturday' || why === 'Sunday' ? why : `bank holiday (${why})`}, not a working day.`,
            hint: 'Timeliness is counted in working days (Monday to Friday, less the bank holidays of England and Wales). Check the date: it is counted as given, so a wrong day changes whether the limit was met.',
          });
        }
      }
      if (r.decision === 'local-review' && r.reviewCommissioned === null) {
        at(r, 'reviewCommissioned', { code: 'practice-review-decision-mismatch', severity: 'warning', message: `Incident ${r.incidentRef}: the decision is a local review, but no date is given for commissioning it.`, hint: 'Give the date the local child safeguarding practice review was commissioned.' });
      }
      if (r.decision !== 'local-review' && r.reviewCommissioned !== null) {
        at(r, 'reviewCommissioned', { code: 'practice-review-decision-mismatch', severity: 'warning', message: `Incident ${r.incidentRef}: a local review was commissioned, but the decision is "${r.decision}".`, hint: 'Set the decision to local-review, or clear the commissioning date.' });
      }
    }
    return findings;
  },
};
