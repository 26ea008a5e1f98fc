/**
 * The financial statement of a year as one value, computed once from the finance return's lines in exact
 * pence and read by the indicators, the business-rule checks and the report's tables, so all three agree.
 */
import { FINANCE_INCOME_TYPES } from './definitions.js';
import { anyPence } from './money.js';
import type { FinanceRow } from './schemas.js';

/** A finance line with the spreadsheet row it came from, when known. */
export type FinanceLine = FinanceRow & { row?: number };

/** The statement: its lines by kind, exact totals, the balance and reserves. Amounts are whole pence. */
export interface FinanceStatement {
  /** True when any line carries pence: then every figure of the statement is printed with pence. */
  withPence: boolean;
  expenditure: FinanceLine[];
  /** Partner contributions and other income, in the order given. */
  income: FinanceLine[];
  /** Lines left blank ("not supplied"), among expenditure and income. */
  notSupplied: FinanceLine[];
  expenditurePence: number;
  incomePence: number;
  /** Income minus expenditure: positive a surplus, negative net expenditure. */
  balancePence: number;
  /** Stated lines, checked against the computed figures. */
  stated: {
    totalExpenditure: FinanceLine[];
    totalIncome: FinanceLine[];
    carryForward: FinanceLine[];
    fromReserves: FinanceLine[];
    toReserves: FinanceLine[];
    openingReserves: FinanceLine[];
    closingReserves: FinanceLine[];
  };
  /** Reserves at the start of the year (the opening-reserves line), when given. */
  openingReservesPence: number | null;
  /** Reserves at the end: the closing-reserves line, else opening plus the balance, else null. */
  closingReservesPence: number | null;
}

const sum = (lines: readonly FinanceLine[]) => lines.reduce((a, r) => a + (r.pence ?? 0), 0);
const firstAmount = (lines: readonly FinanceLine[]) => lines.find((r) => r.pence !== null)?.pence ?? null;

/** Build the statement from the finance return's lines. */
export function financeStatement(rows: readonly FinanceLine[]): FinanceStatement {
  const of = (type: string) => rows.filter((r) => r.type === type);
  const expenditure = of('expenditure');
  const income = rows.filter((r) => FINANCE_INCOME_TYPES.includes(r.type));
  const expenditurePence = sum(expenditure);
  const incomePence = sum(income);
  const balancePence = incomePence - expenditurePence;
  const openingReserves = of('opening-reserves');
  const closingReserves = of('closing-reserves');
  const openingReservesPence = firstAmount(openingReserves);
  const statedClosing = firstAmount(closingReserves);
  return {
    withPence: anyPence(rows.map((r) => r.pence)),
    expenditure,
    income,
    notSupplied: [...expenditure, ...income].filter((r) => r.pence === null),
    expenditurePence,
    incomePence,
    balancePence,
    stated: {
      totalExpenditure: of('total-expenditure'),
      totalIncome: of('total-income'),
      carryForward: of('carry-forward'),
      fromReserves: of('from-reserves'),
      toReserves: of('to-reserves'),
      openingReserves,
      closingReserves,
    },
    openingReservesPence,
    closingReservesPence: statedClosing ?? (openingReservesPence === null ? null : openingReservesPence + balancePence),
  };
}
