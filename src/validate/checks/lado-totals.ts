/** Check: a LADO totals file has one total, known codes, and breakdowns whose parts add up to the total. */
import { ladoTotalCode, LADO_TOTAL_CODES } from '../../returns/lado-totals.js';
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';
import { hasRowErrors, header, returnFile, rowsOf } from './helpers.js';

/** The LADO totals file reconciles. */
export const ladoTotalsCheck: Check = {
  id: 'lado-totals',
  description:
    'A LADO totals file has one total row with a count, each part names a code of its breakdown and gives a count or a percentage (at most 100), and the parts of each breakdown add up to the total (percentages to 100).',
  run({ data }) {
    const findings: Finding[] = [];
    if (hasRowErrors(data, 'ladoTotals')) return findings;
    const rows = rowsOf(data, 'ladoTotals');
    if (rows.length === 0) return findings;
    const file = returnFile(data, 'ladoTotals');
    const at = (row: number, key: string, value: string | number | null) => ({ file, row, column: header('ladoTotals', key), value: value === null ? '' : String(value) });
    const totals = rows.filter((r) => r.breakdown === 'total');
    const total = totals[0];
    if (!total || total.count === null) {
      findings.push({
        code: 'total-missing',
        severity: 'error',
        ...(total ? at(total.row, 'count', null) : { file }),
        message: 'The LADO totals file gives no total number of referrals received in the year.',
        hint: 'Add a row with Breakdown "total" and the Count of referrals received: it is the base of every percentage and the figure the breakdowns must add up to.',
      });
    }
    for (const extra of totals.slice(1)) {
      findings.push({ code: 'duplicate-figure', severity: 'error', ...at(extra.row, 'breakdown', 'total'), message: `There is a second total row (the first is row ${total!.row}).`, hint: 'Keep one total row.' });
    }
    const sums = new Map<string, { count: number; percent: number; parts: number; firstRow: number; countParts: number; percentParts: number }>();
    for (const r of rows.filter((x) => x.breakdown !== 'total')) {
      const code = ladoTotalCode(r.breakdown, r.code);
      if (code === null) {
        const allowed = LADO_TOTAL_CODES[r.breakdown]!.map((v) => v.code);
        findings.push({ code: 'value-not-allowed', severity: 'error', ...at(r.row, 'code', r.code), message: `"${r.code ?? ''}" is not a code of the ${r.breakdown} breakdown.`, hint: `Allowed: ${allowed.join(', ')}.` });
        continue;
      }
      if (r.count === null && r.percent === null) {
        findings.push({ code: 'required-value-missing', severity: 'error', ...at(r.row, 'count', null), message: `The ${r.breakdown} part "${code}" gives neither a count nor a percentage.`, hint: 'Fill in Count, or Percent when only the percentage is held.' });
        continue;
      }
      if (r.percent !== null && (r.percent < 0 || r.percent > 100)) {
        findings.push({ code: 'unit-mismatch', severity: 'error', ...at(r.row, 'percent', r.percent), message: `${r.percent} is not a percentage of the total (it must be from 0 to 100).`, hint: 'Give the share of all referrals as a percentage, or put the number of referrals in Count.' });
        continue;
      }
      const s = sums.get(r.breakdown) ?? { count: 0, percent: 0, parts: 0, firstRow: r.row, countParts: 0, percentParts: 0 };
      s.parts++;
      if (r.count !== null) {
        s.count += r.count;
        s.countParts++;
      } else {
        s.percent += r.percent!;
        s.percentParts++;
      }
      sums.set(r.breakdown, s);
    }
    if (!total || total.count === null) return findings;
    for (const [breakdown, s] of sums) {
      if (s.countParts === s.parts && s.count !== total.count) {
        findings.push({
          code: 'total-mismatch',
          severity: 'error',
          ...at(total.row, 'count', total.count),
          message: `The total is ${total.count} referrals but the ${s.parts} parts of the ${breakdown} breakdown add up to ${s.count}: a difference of ${Math.abs(total.count - s.count)}.`,
          hint: `Every referral belongs to one part of a breakdown: correct the parts (from row ${s.firstRow}) or the total.`,
        });
      }
      // Published percentages are rounded: allow half a unit of the last place for each part.
      if (s.percentParts === s.parts && Math.abs(s.percent - 100) > 0.5 * s.parts) {
        findings.push({
          code: 'total-mismatch',
          severity: 'error',
          ...at(s.firstRow, 'percent', s.percent),
          message: `The percentages of the ${breakdown} breakdown add up to ${Math.round(s.percent * 10) / 10}%, not 100%.`,
          hint: 'Check each percentage against its source; a part may be missing.',
        });
      }
    }
    return findings;
  },
};
