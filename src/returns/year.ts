/**
 * Financial years (1 April to 31 March) labelled like `2012-13`.
 */

/** A reporting year with its first and last day as ISO dates. */
export interface FinancialYear {
  label: string;
  /** First day, e.g. 2012-04-01. */
  start: string;
  /** Last day, e.g. 2013-03-31. */
  end: string;
  startYear: number;
}

const LABEL = /^(\d{4})-(\d{2})$/;

/** Parse `2012-13` into a financial year, or return null if the label is not a financial year. */
export function parseYear(label: string): FinancialYear | null {
  const m = LABEL.exec(label.trim());
  if (!m) return null;
  const startYear = Number(m[1]);
  if ((startYear + 1) % 100 !== Number(m[2])) return null;
  return { label: label.trim(), start: `${startYear}-04-01`, end: `${startYear + 1}-03-31`, startYear };
}

/** The label of the year `offset` years from `label` (offset -1 gives the previous year). */
export function shiftYear(label: string, offset: number): string {
  const y = parseYear(label);
  if (!y) throw new Error(`not a financial year: ${label}`);
  const s = y.startYear + offset;
  return `${s}-${String((s + 1) % 100).padStart(2, '0')}`;
}

/** Compare two year labels chronologically. */
export function compareYears(a: string, b: string): number {
  return a.localeCompare(b);
}

/** True when an ISO date falls inside the year. */
export function inYear(date: string, year: FinancialYear): boolean {
  return date >= year.start && date <= year.end;
}

/** Add whole months to an ISO date, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Add whole years to an ISO date (29 Feb + 1 year = 28 Feb). */
export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}
