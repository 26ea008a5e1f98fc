import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalsOf, roundHalfAway } from '../../src/indicators/rounding.js';

/** Round the decimal m × 10^-k to dp places, half away from zero, exactly (BigInt arithmetic). */
function oracle(m: bigint, k: number, dp: number): number {
  const step = 10n ** BigInt(k - dp);
  const sign = m < 0n ? -1n : 1n;
  const abs = m < 0n ? -m : m;
  let q = abs / step;
  if ((abs % step) * 2n >= step) q += 1n;
  const r = Number(`${sign * q}e-${dp}`);
  return r === 0 ? 0 : r;
}

describe('roundHalfAway', () => {
  it.each([
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [1.045, 2, 1.05],
    [-2.5, 0, -3],
    [2.5, 0, 3],
    [-0.5, 0, -1],
    [0.05, 1, 0.1],
    [(119 / 144) * 100, 1, 82.6],
    [(37 / 285) * 100, 1, 13],
    [1212.525, 2, 1212.53],
    [82.65, 1, 82.7],
    [-82.65, 1, -82.7],
    [0, 1, 0],
  ])('%d to %d places is %d', (x, dp, expected) => {
    expect(roundHalfAway(x, dp)).toBe(expected);
  });

  it('never returns -0', () => {
    expect(Object.is(roundHalfAway(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundHalfAway(-0, 0), 0)).toBe(true);
  });

  it('passes non-finite values through and rejects impossible places', () => {
    expect(roundHalfAway(Number.NaN, 1)).toBeNaN();
    expect(roundHalfAway(Infinity, 1)).toBe(Infinity);
    expect(() => roundHalfAway(1, -1)).toThrow(RangeError);
    expect(() => roundHalfAway(1, 1.5)).toThrow(RangeError);
  });

  it('rounds any decimal of up to 13 digits exactly as decimal arithmetic does', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 5 }), (m, k, dpRaw) => {
        const dp = Math.min(dpRaw, k - 1);
        const x = Number(`${m}e-${k}`);
        expect(roundHalfAway(x, dp)).toBe(oracle(m, k, dp));
      }),
      { numRuns: 5000 },
    );
  });

  it('rounds every exact half away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 4 }), (n, dp) => {
        // n.5 × 10^-dp, written as a decimal: the half between n and n ± 1 in the last place.
        const x = Number(`${n < 0 ? '-' : ''}${Math.abs(n)}5e-${dp + 1}`);
        const away = Number(`${n < 0 ? -(Math.abs(n) + 1) : n + 1}e-${dp}`);
        expect(roundHalfAway(x, dp)).toBe(away);
      }),
    );
  });

  it('is symmetric, idempotent and within half a unit of the last place', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, dp) => {
        const r = roundHalfAway(x, dp);
        expect(roundHalfAway(-x, dp) + r).toBe(0);
        expect(roundHalfAway(r, dp)).toBe(r);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 * 10 ** -dp + 1e-9 * Math.max(1, Math.abs(x)));
      }),
    );
  });
});

describe('decimalsOf', () => {
  it.each([
    [1212.53, 2],
    [19, 0],
    [369.6, 1],
    [0.125, 3],
    [1e-7, 7],
    [1.5e-7, 8],
  ])('%d has %d decimal places', (x, dp) => {
    expect(decimalsOf(x)).toBe(dp);
  });
});
