/**
 * Disclosure control for published tables: small counts become `[c]`, and further cells are suppressed
 * (secondary suppression) so that no suppressed count can be worked out from a published total and the
 * other cells of its row or column.
 *
 * The model is a table of counts with optional row totals, column totals and a grand total. The rule
 * enforced is the one statistical producers (DfE, ONS) use for frequency tables: every row and column
 * whose total is published has either no suppressed cells or at least two; a suppressed total makes its
 * line safe. Secondary cells are chosen smallest first (zeros last), so as little as possible is hidden.
 *
 * The report's own figures go through `discloseIndicators` (disclose-indicators.ts), which also follows
 * equations that link one table to another; these functions serve single tables.
 */

/** The symbol printed in place of a suppressed figure (GSS convention). */
export const SUPPRESSED = '[c]';

/** A frequency table to protect. `cells[r][c]` are counts; totals are published when the flags say so. */
export interface CountTable {
  cells: number[][];
  /** Each row's total is published (a "Total" column). */
  rowTotals: boolean;
  /** Each column's total is published (a "Total" row). */
  columnTotals: boolean;
}

/** Which figures of a table to hide. */
export interface SuppressionResult {
  /** `cells[r][c]` true when the cell is suppressed. */
  cells: boolean[][];
  rowTotals: boolean[];
  columnTotals: boolean[];
  grandTotal: boolean;
  /** Cells hidden only to protect others. */
  secondaryCount: number;
}

/** True when a count must be suppressed on its own: from 1 up to the threshold (0 is shown). */
export function isSmallCount(value: number, threshold: number): boolean {
  return value >= 1 && value <= threshold;
}

/** Decide which cells and totals of a table to suppress. A threshold of 0 suppresses nothing. */
export function suppressTable(table: CountTable, threshold: number): SuppressionResult {
  const rows = table.cells.length;
  const cols = rows > 0 ? Math.max(...table.cells.map((r) => r.length)) : 0;
  const value = (r: number, c: number) => table.cells[r]?.[c] ?? 0;
  const cells = table.cells.map((row) => row.map((v) => isSmallCount(v, threshold)));
  const rowSum = (r: number) => table.cells[r]!.reduce((a, b) => a + b, 0);
  const colSum = (c: number) => table.cells.reduce((a, row) => a + (row[c] ?? 0), 0);
  const rowTotals = table.cells.map((_, r) => table.rowTotals && isSmallCount(rowSum(r), threshold));
  const columnTotals = Array.from({ length: cols }, (_, c) => table.columnTotals && isSmallCount(colSum(c), threshold));
  const grand = table.cells.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0);
  const grandTotal = (table.rowTotals || table.columnTotals) && isSmallCount(grand, threshold);
  let secondaryCount = 0;
  if (threshold <= 0) return { cells, rowTotals, columnTotals, grandTotal, secondaryCount };

  // A total line (the totals row or column) behaves like another line of cells whose total is the grand
  // total: if exactly one total is hidden and the grand total is shown, it can be recovered too.
  // Zeros only as a last resort: a hidden 0 beside a hidden 1 lets a reader who knows that [c] stands
  // for at least 1 recover both from the total.
  const pickSmallest = (candidates: [number, number][]): [number, number] | undefined =>
    candidates
      .filter(([r, c]) => !cells[r]![c])
      .sort(
        (a, b) =>
          Number(value(a[0], a[1]) === 0) - Number(value(b[0], b[1]) === 0) ||
          value(a[0], a[1]) - value(b[0], b[1]) ||
          a[0] - b[0] ||
          a[1] - b[1],
      )[0];

  for (let guard = 0; guard < rows * cols + rows + cols + 4; guard++) {
    let changed = false;
    if (table.rowTotals) {
      for (let r = 0; r < rows; r++) {
        if (rowTotals[r]) continue;
        const hidden = cells[r]!.filter(Boolean).length;
        if (hidden === 1) {
          const pick = pickSmallest(cells[r]!.map((_, c) => [r, c] as [number, number]));
          if (pick) {
            cells[pick[0]]![pick[1]] = true;
            secondaryCount++;
            changed = true;
          } else {
            rowTotals[r] = true;
            changed = true;
          }
        }
      }
    }
    if (table.columnTotals) {
      for (let c = 0; c < cols; c++) {
        if (columnTotals[c]) continue;
        const hidden = cells.filter((row) => row[c]).length;
        if (hidden === 1) {
          const pick = pickSmallest(cells.map((_, r) => [r, c] as [number, number]));
          if (pick) {
            cells[pick[0]]![pick[1]] = true;
            secondaryCount++;
            changed = true;
          } else {
            columnTotals[c] = true;
            changed = true;
          }
        }
      }
    }
    // The line of row totals (a Total column) sums to the grand total, so one hidden row total alone
    // could be recovered from it. Hide a second one, together with a cell of that row, because a
    // hidden total over cells that are all shown is just their sum.
    if (table.rowTotals && !grandTotal && rowTotals.filter(Boolean).length === 1) {
      const next = rowTotals
        .map((h, r) => (h ? -1 : r))
        .filter((r) => r >= 0)
        .sort((a, b) => rowSum(a) - rowSum(b) || a - b)[0];
      if (next !== undefined) {
        rowTotals[next] = true;
        secondaryCount++;
        if (!cells[next]!.some(Boolean)) {
          const pick = pickSmallest(cells[next]!.map((_, c) => [next, c] as [number, number]));
          if (pick) cells[pick[0]]![pick[1]] = true;
        }
        changed = true;
      }
    }
    if (table.columnTotals && !grandTotal && columnTotals.filter(Boolean).length === 1) {
      const next = columnTotals
        .map((h, c) => (h ? -1 : c))
        .filter((c) => c >= 0)
        .sort((a, b) => colSum(a) - colSum(b) || a - b)[0];
      if (next !== undefined) {
        columnTotals[next] = true;
        secondaryCount++;
        if (!cells.some((row) => row[next])) {
          const pick = pickSmallest(cells.map((_, r) => [r, next] as [number, number]));
          if (pick) cells[pick[0]]![pick[1]] = true;
        }
        changed = true;
      }
    }
    if (!changed) break;
  }
  return { cells, rowTotals, columnTotals, grandTotal, secondaryCount };
}

/** Protect a single list of counts published with its total (a one-column table). */
export function suppressList(values: number[], threshold: number, totalPublished = true): { cells: boolean[]; total: boolean } {
  const result = suppressTable({ cells: values.map((v) => [v]), rowTotals: false, columnTotals: totalPublished }, threshold);
  return { cells: result.cells.map((row) => row[0] ?? false), total: result.columnTotals[0] ?? false };
}

/**
 * True when a rate or percentage may be published: neither its numerator nor its denominator is a
 * suppressed small count (a rate from a suppressed count would give the count away).
 */
export function rateMayBePublished(numerator: number | undefined, denominator: number | undefined, threshold: number): boolean {
  if (threshold <= 0) return true;
  if (numerator !== undefined && isSmallCount(numerator, threshold)) return false;
  if (denominator !== undefined && isSmallCount(denominator, threshold)) return false;
  return true;
}
