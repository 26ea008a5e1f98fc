import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSmallCount, rateMayBePublished, suppressList, suppressTable } from '../../src/disclosure/suppress.js';

/** For every line whose total is shown, count hidden cells: 1 would let a reader recover that cell. */
function leakingLines(cells: number[][], r: ReturnType<typeof suppressTable>, rowTotals: boolean, colTotals: boolean): string[] {
  const leaks: string[] = [];
  if (rowTotals) {
    cells.forEach((row, i) => {
      if (!r.rowTotals[i] && r.cells[i]!.filter(Boolean).length === 1) leaks.push(`row ${i}`);
    });
  }
  if (colTotals) {
    const cols = Math.max(0, ...cells.map((row) => row.length));
    for (let c = 0; c < cols; c++) {
      if (!r.columnTotals[c] && r.cells.filter((row) => row[c]).length === 1) leaks.push(`column ${c}`);
    }
  }
  if (rowTotals && !r.grandTotal && r.rowTotals.filter(Boolean).length === 1) leaks.push('row totals line');
  if (colTotals && !r.grandTotal && r.columnTotals.filter(Boolean).length === 1) leaks.push('column totals line');
  return leaks;
}

describe('suppressList (one column with a total)', () => {
  it('a single small count in a list with a total is protected by a second suppression', () => {
    // Naive suppression would hide only the 3, and 3 = 50 - 20 - 27.
    const r = suppressList([20, 3, 27], 5);
    expect(r.cells).toEqual([true, true, false]);
    expect(r.total).toBe(false);
  });

  it('two small counts protect each other and nothing else is hidden', () => {
    expect(suppressList([2, 40, 4], 5).cells).toEqual([true, false, true]);
  });

  it('protects a lone small count with a non-zero cell, not a zero (total minus the rest would give 1 and 0)', () => {
    expect(suppressList([20, 1, 0, 27], 5).cells).toEqual([true, true, false, false]);
  });

  it('zeros are shown, not suppressed', () => {
    expect(suppressList([0, 40, 12], 5).cells).toEqual([false, false, false]);
  });

  it('threshold 0 publishes everything', () => {
    expect(suppressList([1, 2, 3], 0).cells).toEqual([false, false, false]);
  });

  it('the LADO source table of the sample hides every count from 1 to 5 and leaks none', () => {
    const sources = [43, 7, 3, 25, 36, 4, 13, 3, 4, 2, 1, 1, 2];
    const r = suppressList(sources, 5);
    sources.forEach((v, i) => {
      if (isSmallCount(v, 5)) expect(r.cells[i]).toBe(true);
    });
    expect(r.cells.filter(Boolean).length).toBeGreaterThanOrEqual(2);
  });
});

describe('suppressTable (rows and columns with totals)', () => {
  it('protects a single small cell in a row with a row total and a column with a column total', () => {
    const cells = [
      [10, 3, 20],
      [15, 12, 30],
    ];
    const r = suppressTable({ cells, rowTotals: true, columnTotals: true }, 5);
    expect(r.cells[0]![1]).toBe(true);
    expect(leakingLines(cells, r, true, true)).toEqual([]);
    expect(r.secondaryCount).toBeGreaterThan(0);
  });

  it('property: every small count is hidden and no line with a shown total has exactly one hidden cell', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((cols) =>
          fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 6 }),
        ),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 9 }),
        (cells, rowTotals, columnTotals, threshold) => {
          const r = suppressTable({ cells, rowTotals, columnTotals }, threshold);
          cells.forEach((row, i) =>
            row.forEach((v, j) => {
              if (isSmallCount(v, threshold)) expect(r.cells[i]![j]).toBe(true);
            }),
          );
          expect(leakingLines(cells, r, rowTotals, columnTotals)).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('rateMayBePublished', () => {
  it('refuses a percentage built on a suppressed count', () => {
    expect(rateMayBePublished(3, 217, 5)).toBe(false);
    expect(rateMayBePublished(39, 300, 5)).toBe(true);
    expect(rateMayBePublished(39, 4, 5)).toBe(false);
    expect(rateMayBePublished(3, 217, 0)).toBe(true);
  });
});
