/**
 * Returns supplied as totals (lado-totals.csv, cp-totals.csv, cdop-totals.csv, training-totals.csv) read as
 * figures: each single figure and each part of a breakdown the board holds, as a count. A part given as a
 * percentage of its base becomes a count of that base (rounded half away from zero), and says so. What the
 * file does not give is not there: never a 0.
 */
import type { ReturnDef, TotalsFigure } from './definitions.js';
import type { TotalsRow } from './schemas.js';

/** One row of a totals file, resolved against its figure. */
export interface TotalsEntry {
  figure: TotalsFigure;
  /** The part's code (coded breakdowns: the allowed code; free breakdowns: the text), null for a single figure. */
  code: string | null;
  count: number | null;
  percent: number | null;
  row: number;
}

/** A totals file read into figures: the first row of each single figure and of each part. */
export interface ReadTotals {
  def: ReturnDef;
  single: Map<string, TotalsEntry>;
  /** breakdown → code → its row. */
  parts: Map<string, Map<string, TotalsEntry>>;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, '-');

/** The figures a totals return can give (empty for any other return). */
export function totalsFigures(def: ReturnDef): TotalsFigure[] {
  return def.totals?.figures ?? [];
}

/** The figure a Breakdown cell names. */
export function totalsFigure(def: ReturnDef, breakdown: string): TotalsFigure | undefined {
  return totalsFigures(def).find((x) => x.code === breakdown);
}

/** True for a figure whose rows are parts (a breakdown). */
export function isBreakdown(figure: TotalsFigure): boolean {
  return figure.family !== undefined || figure.freeCodes === true;
}

/** The code a part names: an allowed code matched by code or label, the text itself for a free breakdown, or null. */
export function partCode(figure: TotalsFigure, code: string | null): string | null {
  if (!code || !code.trim()) return null;
  if (figure.freeCodes) return code.trim();
  return figure.codes?.find((v) => norm(v.code) === norm(code) || norm(v.label) === norm(code))?.code ?? null;
}

/** Read the rows of a totals file; rows naming no known figure or code are left out (the check reports them). */
export function readTotals<R extends TotalsRow & { row?: number }>(def: ReturnDef, rows: readonly R[]): ReadTotals {
  const single = new Map<string, TotalsEntry>();
  const parts = new Map<string, Map<string, TotalsEntry>>();
  for (const r of rows) {
    const figure = totalsFigure(def, r.breakdown);
    if (!figure) continue;
    const row = r.row ?? 0;
    if (!isBreakdown(figure)) {
      if (!single.has(figure.code)) single.set(figure.code, { figure, code: null, count: r.count, percent: r.percent, row });
      continue;
    }
    const code = partCode(figure, r.code);
    if (code === null) continue;
    const family = parts.get(figure.code) ?? new Map<string, TotalsEntry>();
    if (!family.has(code)) family.set(code, { figure, code, count: r.count, percent: r.percent, row });
    parts.set(figure.code, family);
  }
  return { def, single, parts };
}

/** Half away from zero, to a whole number. */
const roundWhole = (n: number) => Math.sign(n) * Math.round(Math.abs(n));

/** The count of a single figure: as supplied, or its percentage of its base; null when neither can be had. */
export function figureCount(t: ReadTotals, code: string, seen: ReadonlySet<string> = new Set()): { count: number; derived: boolean } | null {
  const e = t.single.get(code);
  if (!e) return null;
  return entryCount(t, e, seen);
}

/** The count of one row: as supplied, or its percentage of its base's count (derived). */
export function entryCount(t: ReadTotals, e: TotalsEntry, seen: ReadonlySet<string> = new Set()): { count: number; derived: boolean } | null {
  if (e.count !== null) return { count: e.count, derived: false };
  if (e.percent === null || !e.figure.base || seen.has(e.figure.base)) return null;
  const base = figureCount(t, e.figure.base, new Set([...seen, e.figure.code]));
  if (base === null) return null;
  return { count: roundWhole((e.percent * base.count) / 100), derived: true };
}
