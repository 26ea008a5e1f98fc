/** Small helpers shared by the business-rule checks: where a return lives, and numbers and dates in words. */
import { returnDef, type ReturnId } from '../../returns/definitions.js';
import type { WithRow, YearData } from '../../load/load-board.js';
import type { RowTypes } from '../../returns/schemas.js';

/** The path of a return relative to the board folder, e.g. `2012-13/lado-referrals.csv`. */
export function returnFile(data: YearData, id: ReturnId): string {
  return `${data.year.label}/${returnDef(id).file}`;
}

/** The parsed rows of a return, or an empty list when it is absent or could not be read. */
export function rowsOf<K extends ReturnId>(data: YearData, id: K): WithRow<RowTypes[K]>[] {
  return (data.returns[id] as WithRow<RowTypes[K]>[] | null | undefined) ?? [];
}

/** True when the return was read (it may still have rows with errors). */
export function hasReturn(data: YearData, id: ReturnId): boolean {
  return Array.isArray(data.returns[id]);
}

/**
 * True when a return has rows that could not be read. Rows with errors are left out of the parsed data,
 * so totals computed from it would be wrong: checks that add rows up skip such a file, whose errors
 * already stop publication.
 */
export function hasRowErrors(data: YearData, id: ReturnId): boolean {
  const file = returnFile(data, id);
  return data.findings.some((f) => f.file === file && f.severity === 'error');
}

/** The header of a column of a return, looked up by key so a renamed header cannot drift. */
export function header(id: ReturnId, key: string): string {
  const col = returnDef(id).columns.find((c) => c.key === key);
  if (!col) throw new Error(`return ${id} has no column ${key}`);
  return col.header;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An ISO date as people write it in the UK: `31 March 2013`. */
export function ukDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

const COUNT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A number with thousands separators: `1,378`. */
export function num(n: number): string {
  return COUNT.format(n);
}

/** An amount of money: `£207,509` or `£1,540.50`; negative amounts as `-£1,000`. */
export function money(n: number): string {
  const pence = Math.round(Math.abs(n) * 100);
  const whole = pence % 100 === 0;
  const text = new Intl.NumberFormat('en-GB', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(pence / 100);
  return `${n < 0 && pence !== 0 ? '-' : ''}£${text}`;
}

/** Compare two amounts of money to the penny. */
export function samePence(a: number, b: number): boolean {
  return Math.round(a * 100) === Math.round(b * 100);
}

/** A case-insensitive key for matching references between returns. */
export function refKey(ref: string): string {
  return ref.trim().toLowerCase();
}
