/**
 * Checks of the returns supplied as totals (lado-totals.csv, cp-totals.csv, cdop-totals.csv,
 * training-totals.csv): every row names a figure and a code it may, each percentage has its base, parts
 * add up to their base; and, when the case-level return is there too, the two agree.
 */
import { RETURNS, type ReturnDef, type ReturnId } from '../../returns/definitions.js';
import { computeYear } from '../../indicators/compute.js';
import { INDICATORS } from '../../indicators/catalogue.js';
import { decimalsOf, roundHalfAway } from '../../indicators/rounding.js';
import { formatValue } from '../../indicators/format.js';
import { figureCount, isBreakdown, partCode, readTotals, totalsFigure, type TotalsEntry } from '../../returns/totals.js';
import type { TotalsRow } from '../../returns/schemas.js';
import type { WithRow, YearData } from '../../load/load-board.js';
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';
import { hasRowErrors, header, returnFile, rowsOf } from './helpers.js';

const TOTALS_RETURNS = (): ReturnDef[] => RETURNS.filter((r) => r.totals);

/** How a finding names a base figure: "the total", "the open figure". */
const baseWord = (code: string) => (code === 'total' ? 'total' : `${code} figure`);

/** The problems of one totals file, with file, row and column. */
export function totalsFileProblems(data: YearData, def: ReturnDef): Finding[] {
  const findings: Finding[] = [];
  const id = def.id;
  if (hasRowErrors(data, id)) return findings;
  const rows = rowsOf(data, id) as WithRow<TotalsRow>[];
  if (rows.length === 0) return findings;
  const file = returnFile(data, id);
  const at = (row: number, key: string, value: string | number | null) => ({ file, row, column: header(id, key), value: value === null ? '' : String(value) });
  const seenSingle = new Map<string, number>();
  const seenPart = new Map<string, number>();
  const usable: WithRow<TotalsRow>[] = [];
  for (const r of rows) {
    const figure = totalsFigure(def, r.breakdown)!;
    if (isBreakdown(figure)) {
      const code = partCode(figure, r.code);
      if (code === null) {
        const allowed = figure.freeCodes ? 'the name of the part, in the board\'s own words' : figure.codes!.map((v) => v.code).join(', ');
        findings.push({ code: r.code ? 'value-not-allowed' : 'required-value-missing', severity: 'error', ...at(r.row, 'code', r.code), message: r.code ? `"${r.code}" is not a code of the ${r.breakdown} breakdown.` : `A part of the ${r.breakdown} breakdown names no part in Code.`, hint: `Allowed: ${allowed}.` });
        continue;
      }
      const key = `${figure.code}\u0000${code.toLowerCase()}`;
      if (seenPart.has(key)) {
        findings.push({ code: 'duplicate-figure', severity: 'error', ...at(r.row, 'code', r.code), message: `The ${r.breakdown} part "${code}" is given twice (first in row ${seenPart.get(key)}).`, hint: 'Give each part once.' });
        continue;
      }
      seenPart.set(key, r.row);
    } else {
      if (r.code) {
        findings.push({ code: 'value-not-allowed', severity: 'error', ...at(r.row, 'code', r.code), message: `The ${r.breakdown} figure is a single figure, so it takes no code.`, hint: 'Leave Code blank; a breakdown (such as category or sector) names its parts in Code.' });
        continue;
      }
      if (seenSingle.has(figure.code)) {
        const first = seenSingle.get(figure.code)!;
        findings.push({ code: 'duplicate-figure', severity: 'error', ...at(r.row, 'breakdown', r.breakdown), message: figure.code === 'total' ? `There is a second total row (the first is row ${first}).` : `The ${figure.code} figure is given twice (first in row ${first}).`, hint: figure.code === 'total' ? 'Keep one total row.' : 'Give each figure once.' });
        continue;
      }
      seenSingle.set(figure.code, r.row);
    }
    if (r.count === null && r.percent === null) {
      findings.push({ code: 'required-value-missing', severity: 'error', ...at(r.row, 'count', null), message: isBreakdown(figure) ? `The ${r.breakdown} part "${partCode(figure, r.code)}" gives neither a count nor a percentage.` : `The ${r.breakdown} figure gives neither a count nor a percentage.`, hint: 'Fill in Count, or Percent when only the percentage is held.' });
      continue;
    }
    if (r.percent !== null && !figure.base) {
      findings.push({ code: 'unit-mismatch', severity: 'error', ...at(r.row, 'percent', r.percent), message: `The ${r.breakdown} figure is a number, not a share of another figure, so it cannot be a percentage.`, hint: 'Put the number itself in Count.' });
      continue;
    }
    if (r.percent !== null && (r.percent < 0 || r.percent > 100)) {
      findings.push({ code: 'unit-mismatch', severity: 'error', ...at(r.row, 'percent', r.percent), message: `${r.percent} is not a percentage of the ${baseWord(figure.base!)} (it must be from 0 to 100).`, hint: 'Give the share as a percentage, or put the number in Count.' });
      continue;
    }
    usable.push(r);
  }
  const t = readTotals(def, usable);
  const countOf = (code: string): { count: number; row: number } | null => {
    const e = t.single.get(code);
    return e && e.count !== null ? { count: e.count, row: e.row } : null;
  };
  // A percentage, or a breakdown's parts, need their base's count.
  const needsBase = new Map<string, number>();
  for (const e of [...t.single.values(), ...[...t.parts.values()].flatMap((m) => [...m.values()])]) {
    const base = e.figure.base;
    if (!base || countOf(base)) continue;
    const needed = isBreakdown(e.figure) ? e.figure.addsUp === true : e.percent !== null && !e.figure.percentIndicator;
    if (needed && !needsBase.has(base)) needsBase.set(base, e.row);
  }
  for (const [base, row] of needsBase) {
    const baseRow = t.single.get(base);
    findings.push({
      code: 'total-missing',
      severity: 'error',
      ...(baseRow ? at(baseRow.row, 'count', null) : { file }),
      message: base === 'total' && def.id === 'ladoTotals'
        ? 'The LADO totals file gives no total number of referrals received in the year.'
        : `${def.file} gives no count for the ${baseWord(base)}, which the figures from row ${row} are parts or percentages of.`,
      hint: `Add a row with Breakdown "${base}" and its Count: it is the base of every percentage of it and the figure its breakdowns must add up to.`,
    });
  }
  // Parts add up to their base; a part cannot exceed it.
  for (const [breakdown, parts] of t.parts) {
    const figure = totalsFigure(def, breakdown)!;
    const base = figure.base ? countOf(figure.base) : null;
    if (!base) continue;
    const entries = [...parts.values()];
    const first = Math.min(...entries.map((e) => e.row));
    if (figure.addsUp && entries.every((e) => e.count !== null)) {
      const sum = entries.reduce((a, e) => a + e.count!, 0);
      if (sum !== base.count) {
        findings.push({
          code: 'total-mismatch',
          severity: 'error',
          ...at(base.row, 'count', base.count),
          message: `The ${baseWord(figure.base!)} is ${base.count} but the ${entries.length} parts of the ${breakdown} breakdown add up to ${sum}: a difference of ${Math.abs(base.count - sum)}.`,
          hint: `Every case belongs to one part of a breakdown: correct the parts (from row ${first}) or the ${baseWord(figure.base!)}.`,
        });
      }
    }
    // Published percentages are rounded: allow half a unit of the last place for each part.
    if (figure.addsUp && entries.every((e) => e.count === null)) {
      const sum = entries.reduce((a, e) => a + e.percent!, 0);
      if (Math.abs(sum - 100) > 0.5 * entries.length) {
        findings.push({
          code: 'total-mismatch',
          severity: 'error',
          ...at(first, 'percent', sum),
          message: `The percentages of the ${breakdown} breakdown add up to ${Math.round(sum * 10) / 10}%, not 100%.`,
          hint: 'Check each percentage against its source; a part may be missing.',
        });
      }
    }
  }
  for (const e of t.single.values()) {
    const base = e.figure.base ? countOf(e.figure.base) : null;
    if (base && e.count !== null && e.count > base.count) {
      findings.push({
        code: 'value-out-of-range',
        severity: 'error',
        ...at(e.row, 'count', e.count),
        message: `The ${e.figure.code} figure (${e.count}) is more than the ${baseWord(e.figure.base!)} it is part of (${base.count}).`,
        hint: `${e.figure.label}: it cannot be more than the ${baseWord(e.figure.base!)} (row ${base.row}).`,
      });
    }
  }
  return findings;
}

/** Totals files are complete and add up. */
export const totalsFiles: Check = {
  id: 'totals-files',
  description:
    'A totals file (lado-totals.csv, cp-totals.csv, cdop-totals.csv, training-totals.csv) names each figure once, each part of a breakdown with a code of its breakdown, and gives a count or a percentage (at most 100) of a base it also gives; the parts of a breakdown add up to their base (percentages to 100), and no part exceeds it.',
  run({ data }) {
    return TOTALS_RETURNS().flatMap((def) => totalsFileProblems(data, def));
  },
};

/** The row of a totals file that gives an indicator's figure (a breakdown's first part for a code it leaves out). */
function entryFor(def: ReturnDef, rows: readonly WithRow<TotalsRow>[], indicator: string): TotalsEntry | null {
  const t = readTotals(def, rows);
  for (const e of t.single.values()) if (e.figure.indicator === indicator || e.figure.percentIndicator === indicator) return e;
  for (const [breakdown, parts] of t.parts) {
    const figure = totalsFigure(def, breakdown)!;
    if (!figure.family || !indicator.startsWith(`${figure.family}.`)) continue;
    const code = indicator.slice(figure.family.length + 1);
    return parts.get(code) ?? [...parts.values()].sort((a, b) => a.row - b.row)[0] ?? null;
  }
  return null;
}

/** Totals and case-level rows given for the same return agree. */
export const totalsAgree: Check = {
  id: 'totals-agree',
  description: 'When a return is supplied both as case-level rows and as totals, every figure the totals give equals the one the rows give (a percentage at the precision it was written with).',
  run({ board, data }) {
    const findings: Finding[] = [];
    for (const def of TOTALS_RETURNS()) {
      const caseLevel = def.alternativeTo![0]!;
      const totals = rowsOf(data, def.id) as WithRow<TotalsRow>[];
      if (totals.length === 0 || rowsOf(data, caseLevel).length === 0) continue;
      if (hasRowErrors(data, def.id) || hasRowErrors(data, caseLevel) || totalsFileProblems(data, def).length > 0) continue;
      const without = (id: ReturnId): YearData => ({ ...data, returns: { ...data.returns, [id]: undefined } });
      const fromRows = new Map(computeYear(board, without(def.id)).map((v) => [v.id, v]));
      const fromTotals = computeYear(board, without(caseLevel));
      const file = returnFile(data, def.id);
      for (const v of fromTotals) {
        if (v.value === null || v.provenance?.file !== file) continue;
        const r = fromRows.get(v.id);
        if (!r || r.value === null) continue;
        const supplied = v.provenance.source === 'the percentage as supplied';
        const e = entryFor(def, totals, v.id);
        // A count derived from a published percentage agrees when the rows give that percentage, as rounded.
        const code = e?.figure.family && v.id.startsWith(`${e.figure.family}.`) ? v.id.slice(e.figure.family.length + 1) : null;
        const part = code !== null ? readTotals(def, totals).parts.get(e!.figure.code)?.get(code) : e;
        const base = part && part.count === null && part.percent !== null && part.figure.base ? figureCount(readTotals(def, totals), part.figure.base) : null;
        const agree = supplied
          ? roundHalfAway(r.value, decimalsOf(v.value)) === v.value
          : base && base.count > 0
            ? roundHalfAway((r.value / base.count) * 100, decimalsOf(part!.percent!)) === part!.percent
            : Math.abs(r.value - v.value) < 1e-9;
        if (agree) continue;
        const indicator = INDICATORS.find((d) => d.id === v.id)!;
        const key = e && e.count === null ? 'percent' : 'count';
        const written = e ? (key === 'count' ? e.count : e.percent) : null;
        findings.push({
          code: 'totals-disagree',
          severity: 'error',
          file,
          ...(e ? { row: e.row, column: header(def.id, key), value: written === null ? '' : String(written) } : {}),
          message: `${def.file} gives ${formatValue(indicator, v.value, { decimals: v.decimals })} for ${v.id}, but the case-level rows (${returnFile(data, caseLevel)}) give ${formatValue(indicator, r.value, { decimals: r.decimals })}.`,
          hint: 'The report is computed from the case-level rows when both are given: correct whichever is wrong, or remove the totals file.',
        });
      }
    }
    return findings;
  },
};
