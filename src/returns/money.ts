/**
 * Money held exactly: amounts are whole pence (integers), parsed from the text of a cell without passing
 * through a binary fraction, summed as integers, and printed with pence whenever a statement has any.
 */

/** `£1,540.50` style text → whole pence, or null when the text is not an amount with at most two decimals. */
export function penceFromText(s: string): number | null {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const pounds = Number(m[2]);
  const pence = pounds * 100 + Number((m[3] ?? '').padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(pence)) return null;
  return m[1] === '-' ? -pence : pence;
}

/** True when any of the amounts (in pence) is not a whole number of pounds. */
export function anyPence(amounts: readonly (number | null)[]): boolean {
  return amounts.some((p) => p !== null && p % 100 !== 0);
}

/** Pence as pounds for an indicator value: 42162959 → 421629.59 (the nearest double, which prints exactly). */
export function poundsOf(pence: number): number {
  return pence / 100;
}

/**
 * Pence as a reader sees money: `£421,629.59`, or `£207,509` when `withPence` is false and the amount is
 * whole pounds. Negative amounts as `-£1,000`. A statement passes `withPence` for every figure when any of
 * its lines has pence, so a total is never shown rounded beside lines that are not.
 */
export function formatPence(pence: number, withPence: boolean): string {
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = abs % 100;
  const text = withPence || frac !== 0 ? `${pounds}.${String(frac).padStart(2, '0')}` : pounds;
  return `${pence < 0 ? '-' : ''}£${text}`;
}
