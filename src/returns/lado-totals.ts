/**
 * A LADO totals file read as figures: the total referrals and, for each breakdown the board holds, the
 * count of each code. A part given as a percentage of the total becomes a count of that total (rounded
 * half away from zero), and says so.
 */
import { LADO_NATURES, LADO_OUTCOMES, LADO_SECTORS, LADO_SOURCES, type AllowedValue } from './definitions.js';
import type { LadoTotalRow } from './schemas.js';

/** The codes each breakdown of a LADO totals file may use, by breakdown. */
export const LADO_TOTAL_CODES: Record<string, AllowedValue[]> = {
  source: LADO_SOURCES,
  sector: LADO_SECTORS,
  nature: LADO_NATURES,
  outcome: LADO_OUTCOMES,
};

/** The figures of a LADO totals file. */
export interface LadoTotals {
  total: number | null;
  /** breakdown → code → count, for the breakdowns given. */
  breakdowns: Map<string, Map<string, number>>;
  /** Breakdowns given as percentages (their counts are derived from the total). */
  fromPercentages: Set<string>;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, '-');

/** The allowed code a totals row names, matched by code or label, or null. */
export function ladoTotalCode(breakdown: string, code: string | null): string | null {
  if (!code) return null;
  return LADO_TOTAL_CODES[breakdown]?.find((v) => norm(v.code) === norm(code) || norm(v.label) === norm(code))?.code ?? null;
}

/** Read the rows of a LADO totals file into figures. */
export function ladoTotals(rows: readonly LadoTotalRow[]): LadoTotals {
  const totalRow = rows.find((r) => r.breakdown === 'total');
  const total = totalRow?.count ?? null;
  const breakdowns = new Map<string, Map<string, number>>();
  const fromPercentages = new Set<string>();
  for (const r of rows) {
    if (r.breakdown === 'total') continue;
    const code = ladoTotalCode(r.breakdown, r.code);
    if (code === null) continue;
    let n = r.count;
    if (n === null && r.percent !== null && total !== null) {
      n = Math.sign(r.percent) * Math.round(Math.abs((r.percent * total) / 100));
      fromPercentages.add(r.breakdown);
    }
    if (n === null) continue;
    const family = breakdowns.get(r.breakdown) ?? new Map<string, number>();
    family.set(code, (family.get(code) ?? 0) + n);
    breakdowns.set(r.breakdown, family);
  }
  return { total, breakdowns, fromPercentages };
}
