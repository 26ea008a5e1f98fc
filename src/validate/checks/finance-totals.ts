/** Check: stated finance totals and carry-forward agree with the lines of the statement. */
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';
import { hasRowErrors, header, money, returnFile, rowsOf, samePence } from './helpers.js';

/** Stated finance totals and carry forward reconcile with the lines. */
export const financeTotals: Check = {
  id: 'finance-totals',
  description:
    'Stated total expenditure and total income equal the sum of their lines, and a stated carry forward equals income minus expenditure.',
  run({ data }) {
    const findings: Finding[] = [];
    if (hasRowErrors(data, 'finance')) return findings;
    const rows = rowsOf(data, 'finance');
    const sum = (type: string) => rows.filter((r) => r.type === type).reduce((acc, r) => acc + r.amount, 0);
    const lines = (type: string) => rows.filter((r) => r.type === type).length;
    const expenditure = sum('expenditure');
    const income = sum('income');
    const file = returnFile(data, 'finance');
    const column = header('finance', 'amount');

    for (const [totalType, lineType, computed, words] of [
      ['total-expenditure', 'expenditure', expenditure, 'expenditure'],
      ['total-income', 'income', income, 'income'],
    ] as const) {
      for (const t of rows.filter((r) => r.type === totalType)) {
        if (samePence(t.amount, computed)) continue;
        const diff = t.amount - computed;
        findings.push({
          code: 'total-mismatch',
          severity: 'error',
          file,
          row: t.row,
          column,
          value: String(t.amount),
          message: `The stated total ${words} is ${money(t.amount)} but the ${lines(lineType)} ${words} line${lines(lineType) === 1 ? '' : 's'} ${lines(lineType) === 1 ? 'adds' : 'add'} up to ${money(computed)}: a difference of ${money(Math.abs(diff))}.`,
          hint: `Correct the total or the ${words} lines so that they agree; a line may be missing, duplicated or mistyped.`,
        });
      }
    }

    const computedCarry = income - expenditure;
    for (const c of rows.filter((r) => r.type === 'carry-forward')) {
      if (samePence(c.amount, computedCarry)) continue;
      const diff = c.amount - computedCarry;
      findings.push({
        code: 'carry-forward-mismatch',
        severity: 'error',
        file,
        row: c.row,
        column,
        value: String(c.amount),
        message: `The stated carry forward is ${money(c.amount)} but income (${money(income)}) minus expenditure (${money(expenditure)}) is ${money(computedCarry)}: a difference of ${money(Math.abs(diff))}.`,
        hint:
          computedCarry < 0
            ? 'Expenditure is more than income, so nothing is carried forward: check the lines, or record reserves brought forward from last year as an income line.'
            : 'Correct the carry forward or the income and expenditure lines so that they agree.',
      });
    }
    return findings;
  },
};
