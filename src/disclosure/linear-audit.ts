/**
 * The arithmetic a reader can do with a published report: every table total, every breakdown and every
 * percentage is a linear equation between figures. Given the equations and which figures are hidden, this
 * decides which hidden figures a reader could still work out exactly.
 *
 * A hidden figure can be worked out exactly when its unit vector lies in the row space of the equations
 * restricted to the hidden figures (the published figures move to the right-hand side). The matrices are
 * small (tens of rows and columns), so plain Gaussian elimination on exact rationals is used.
 */

/** One equation `Σ coefficient × cell = 0` over named cells. */
export interface Relation {
  /** What the equation is, for messages and tests ("cp.category@2012-13 sums to its total"). */
  name: string;
  terms: { cell: string; coefficient: number }[];
}

/** A rational number kept exact with bigints: the coefficients are small integers, but elimination multiplies them. */
interface Fraction {
  n: bigint;
  d: bigint;
}

const ZERO: Fraction = { n: 0n, d: 1n };
const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a || 1n;
}
function frac(n: bigint, d: bigint = 1n): Fraction {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
}
const sub = (a: Fraction, b: Fraction) => frac(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Fraction, b: Fraction) => frac(a.n * b.n, a.d * b.d);
const div = (a: Fraction, b: Fraction) => frac(a.n * b.d, a.d * b.n);

/** A matrix in reduced row echelon form: each row has a pivot column where it is 1 and every other row 0. */
interface Echelon {
  rows: Fraction[][];
  pivots: number[];
}

function reduce(matrix: Fraction[][], width: number): Echelon {
  const rows = matrix.map((r) => r.slice());
  const pivots: number[] = [];
  let top = 0;
  for (let c = 0; c < width && top < rows.length; c++) {
    const p = rows.findIndex((r, i) => i >= top && r[c]!.n !== 0n);
    if (p < 0) continue;
    [rows[top], rows[p]] = [rows[p]!, rows[top]!];
    const pivot = rows[top]![c]!;
    rows[top] = rows[top]!.map((x) => div(x, pivot));
    for (let i = 0; i < rows.length; i++) {
      if (i === top || rows[i]![c]!.n === 0n) continue;
      const factor = rows[i]![c]!;
      rows[i] = rows[i]!.map((x, j) => sub(x, mul(factor, rows[top]![j]!)));
    }
    pivots.push(c);
    top++;
  }
  return { rows: rows.slice(0, top), pivots };
}

/**
 * The hidden cells a reader can work out exactly from the published cells and the relations.
 * Cells not named in `hidden` count as published.
 */
export function recoverableCells(relations: readonly Relation[], hidden: ReadonlySet<string>): Set<string> {
  const columns = [...hidden].sort();
  const index = new Map(columns.map((c, i) => [c, i]));
  const matrix: Fraction[][] = [];
  for (const r of relations) {
    const row = columns.map(() => ZERO);
    let any = false;
    for (const t of r.terms) {
      const i = index.get(t.cell);
      if (i === undefined || t.coefficient === 0) continue;
      row[i] = frac(row[i]!.n + BigInt(t.coefficient) * row[i]!.d, row[i]!.d);
      any = true;
    }
    if (any) matrix.push(row);
  }
  const { rows, pivots } = reduce(matrix, columns.length);
  // In reduced form, e_c is in the row space exactly when some row is e_c itself: that row's pivot is c and
  // it has no other non-zero entry.
  const recoverable = new Set<string>();
  rows.forEach((row, i) => {
    const nonZero = row.filter((x) => x.n !== 0n).length;
    if (nonZero === 1) recoverable.add(columns[pivots[i]!]!);
  });
  return recoverable;
}
