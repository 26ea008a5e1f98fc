/**
 * Check: the financial statement adds up to the penny. Stated totals equal the sum of their lines; a stated
 * carry forward, surplus added to reserves or contribution from reserves equals the balance it states;
 * closing reserves equal opening reserves plus the balance; every contribution names its partner.
 */
import { financeStatement, type FinanceLine } from '../../returns/finance-statement.js';
import { formatPence } from '../../returns/money.js';
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';
import { hasRowErrors, header, returnFile, rowsOf } from './helpers.js';

/** The finance statement reconciles, and contributions name their partners. */
export const financeTotals: Check = {
  id: 'finance-totals',
  description:
    'Stated totals equal the sum of their lines, a stated carry forward or reserves line equals the balance, closing reserves equal opening reserves plus the balance, and every partner contribution names its partner.',
  run({ data }) {
    const findings: Finding[] = [];
    const file = returnFile(data, 'finance');
    const rows = rowsOf(data, 'finance');
    const partnerColumn = header('finance', 'partner');
    for (const r of rows.filter((x) => x.type === 'contribution' && !x.partner)) {
      findings.push({
        code: 'partner-missing',
        severity: 'error',
        file,
        row: r.row,
        column: partnerColumn,
        value: '',
        message: `The contribution "${r.heading}" does not say which partner made it.`,
        hint: 'Fill in the Partner column with the agency contributing (it is printed in the table), or make the line other-income if it is not a partner contribution.',
      });
    }
    if (hasRowErrors(data, 'finance')) return findings;
    const st = financeStatement(rows);
    const m = (pence: number) => formatPence(pence, st.withPence);
    const column = header('finance', 'pence');
    const mismatch = ({ code }: { code: string }, line: FinanceLine, message: string, hint: string) =>
      findings.push({ code, severity: 'error', file, row: line.row, column, value: m(line.pence ?? 0), message, hint });
    const lineCount = (n: number, words: string) => `${n} ${words} line${n === 1 ? '' : 's'} ${n === 1 ? 'adds' : 'add'}`;

    for (const [stated, computed, n, words] of [
      [st.stated.totalExpenditure, st.expenditurePence, st.expenditure.length, 'expenditure'],
      [st.stated.totalIncome, st.incomePence, st.income.length, 'income'],
    ] as const) {
      for (const t of stated) {
        if (t.pence === null || t.pence === computed) continue;
        mismatch(
          { code: 'total-mismatch' },
          t,
          `The stated total ${words} is ${m(t.pence)} but the ${lineCount(n, words)} up to ${m(computed)}: a difference of ${m(Math.abs(t.pence - computed))}.`,
          `Correct the total or the ${words} lines so that they agree; a line may be missing, duplicated or mistyped.`,
        );
      }
    }

    const balance = st.balancePence;
    for (const c of st.stated.carryForward) {
      if (c.pence === null || c.pence === balance) continue;
      mismatch(
        { code: 'carry-forward-mismatch' },
        c,
        `The stated carry forward is ${m(c.pence)} but income (${m(st.incomePence)}) minus expenditure (${m(st.expenditurePence)}) is ${m(balance)}: a difference of ${m(Math.abs(c.pence - balance))}.`,
        balance < 0
          ? `Expenditure is more than income, so nothing is carried forward: record the ${m(-balance)} met from reserves as a from-reserves line instead.`
          : 'Correct the carry forward or the income and expenditure lines so that they agree.',
      );
    }
    for (const [lines, expected, what] of [
      [st.stated.fromReserves, -balance, 'contribution from reserves'],
      [st.stated.toReserves, balance, 'surplus added to reserves'],
    ] as const) {
      for (const line of lines) {
        if (line.pence === null || line.pence === expected) continue;
        mismatch(
          { code: 'reserves-mismatch' },
          line,
          expected < 0
            ? `The statement records a ${what} of ${m(line.pence)}, but income (${m(st.incomePence)}) was more than expenditure (${m(st.expenditurePence)}), so there is none.`
            : `The stated ${what} is ${m(line.pence)} but expenditure (${m(st.expenditurePence)}) and income (${m(st.incomePence)}) differ by ${m(expected)}: a difference of ${m(Math.abs(line.pence - expected))}.`,
          balance < 0
            ? 'Net expenditure is met from reserves: use a from-reserves line equal to expenditure minus income.'
            : 'A surplus is added to reserves: use a to-reserves line equal to income minus expenditure.',
        );
      }
    }
    const opening = st.openingReservesPence;
    for (const c of st.stated.closingReserves) {
      if (c.pence === null || opening === null || c.pence === opening + balance) continue;
      mismatch(
        { code: 'reserves-mismatch' },
        c,
        `The stated closing reserves are ${m(c.pence)} but opening reserves (${m(opening)}) ${balance < 0 ? `less net expenditure (${m(-balance)})` : `plus the surplus (${m(balance)})`} come to ${m(opening + balance)}: a difference of ${m(Math.abs(c.pence - opening - balance))}.`,
        'Correct the opening or closing reserves, or the income and expenditure lines, so that they agree.',
      );
    }
    return findings;
  },
};
