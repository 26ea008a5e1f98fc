/** Check: a plan cannot have more reviews on time than reviews due. */
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';
import { header, num, returnFile, rowsOf } from './helpers.js';

/** Reviews on time never more than reviews due. */
export const cpReviews: Check = {
  id: 'cp-reviews',
  description: 'A child protection plan has no more reviews held on time than reviews due.',
  run({ data }) {
    const findings: Finding[] = [];
    for (const r of rowsOf(data, 'cpPlans')) {
      if (r.reviewsOnTime > r.reviewsDue) {
        findings.push({
          code: 'reviews-exceed-due',
          severity: 'error',
          file: returnFile(data, 'cpPlans'),
          row: r.row,
          column: header('cpPlans', 'reviewsOnTime'),
          value: String(r.reviewsOnTime),
          message: `Plan ${r.planRef} has ${num(r.reviewsOnTime)} reviews on time but only ${num(r.reviewsDue)} due.`,
          hint: 'Reviews on time counts the reviews due that were held on time, so it cannot be more than Reviews due: the two figures may have been swapped.',
        });
      }
    }
    return findings;
  },
};
