/**
 * Rounding as DfE and GSS publish: half away from zero, to a number of decimal places, applied once to an
 * unrounded value. Every figure the tool prints or compares goes through `roundHalfAway`.
 */

/** Significant digits kept when scaling: enough for any figure a board publishes, few enough to drop float noise. */
const SIGNIFICANT_DIGITS = 15;

/**
 * Round `x` to `dp` decimal places, halves away from zero (2.5 → 3, -2.5 → -3).
 *
 * `Math.round` rounds halves up (-2.5 → -2) and `toFixed` works on the binary value (1.005 → "1.00"), so
 * neither is used on their own: the scaled value is first read back at 15 significant digits, which turns
 * 100.49999999999999 (1.005 × 100) into the 100.5 the decimal input meant. Never returns -0.
 */
export function roundHalfAway(x: number, dp: number): number {
  if (!Number.isFinite(x)) return x;
  if (!Number.isInteger(dp) || dp < 0 || dp > 15) throw new RangeError(`decimal places must be a whole number from 0 to 15, not ${dp}`);
  const scaled = Number((Math.abs(x) * 10 ** dp).toPrecision(SIGNIFICANT_DIGITS));
  const whole = Math.floor(scaled);
  const rounded = scaled - whole >= 0.5 ? whole + 1 : whole;
  // Divide via a decimal string so 101 / 100 gives the double nearest 1.01, as a reader would type it.
  const result = rounded < 1e21 ? Number(`${rounded}e-${dp}`) : rounded / 10 ** dp;
  if (result === 0) return 0;
  return x < 0 ? -result : result;
}

/** Number of decimal places in a supplied figure as written (1212.53 → 2, 19 → 0), up to 10. */
export function decimalsOf(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return 0;
  const s = Number(x.toPrecision(SIGNIFICANT_DIGITS)).toString();
  const exp = /e-(\d+)$/.exec(s);
  if (exp) {
    const mantissa = s.slice(0, s.indexOf('e'));
    const frac = mantissa.includes('.') ? mantissa.split('.')[1]!.length : 0;
    return Math.min(10, Number(exp[1]) + frac);
  }
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : Math.min(10, s.length - dot - 1);
}
