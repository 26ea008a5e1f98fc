/** Check: figures supplied as aggregates name known indicators, once each, with values their unit allows. */
import { closest } from 'fastest-levenshtein';
import { INDICATORS, catalogueOf, indicatorDef, isKnownIndicatorId } from '../../indicators/catalogue.js';
import type { IndicatorDef } from '../../indicators/types.js';
import { COMPARATORS, OTHER_FILES, PUBLISHED_FIGURES_COLUMNS } from '../../returns/definitions.js';
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';
import { num } from './helpers.js';

/** The known indicator id closest to `id`, for "did you mean" hints. */
export function closestIndicatorId(id: string, defs: readonly IndicatorDef[] = INDICATORS): string {
  return closest(id, defs.map((d) => d.id));
}

/** The problem with a value for an indicator's unit, or null when the value is possible. */
export function indicatorValueProblem(indicatorId: string, value: number, defs: readonly IndicatorDef[] = INDICATORS): string | null {
  const unit = indicatorDef(indicatorId, defs)?.unit;
  if (!unit) return null;
  if (value < 0) return `${num(value)} is negative, which is impossible for this indicator.`;
  if (unit === 'percent' && value > 100) return `${num(value)} is more than 100, which is impossible for a percentage.`;
  return null;
}

interface AggregateRow {
  row: number;
  year: string;
  indicator: string;
  value: number;
  comparator?: string;
}

/** Headers shared by both aggregates files (the comparators file has the same Indicator and Value columns). */
const INDICATOR_HEADER = PUBLISHED_FIGURES_COLUMNS.find((c) => c.key === 'indicator')!.header;
const VALUE_HEADER = PUBLISHED_FIGURES_COLUMNS.find((c) => c.key === 'value')!.header;

function checkFile(file: string, rows: AggregateRow[], findings: Finding[], defs: readonly IndicatorDef[]): void {
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (!isKnownIndicatorId(r.indicator, defs)) {
      const suggestion = closestIndicatorId(r.indicator, defs);
      findings.push({
        code: 'unknown-indicator',
        severity: 'error',
        file,
        row: r.row,
        column: INDICATOR_HEADER,
        value: r.indicator,
        message: `"${r.indicator}" is not an indicator this tool knows.`,
        hint: `Did you mean "${suggestion}"? Run \`lscb-report indicators --list\` for every id.`,
      });
      continue;
    }
    const problem = indicatorValueProblem(r.indicator, r.value, defs);
    if (problem) {
      findings.push({
        code: 'value-out-of-range',
        severity: 'error',
        file,
        row: r.row,
        column: VALUE_HEADER,
        value: String(r.value),
        message: `The figure for ${r.indicator} in ${r.year}: ${problem}`,
        hint: 'Check the figure against its source.',
      });
    }
    const key = [r.year, r.indicator, r.comparator ?? ''].join('|');
    const first = seen.get(key);
    if (first !== undefined) {
      const what = r.comparator
        ? `${COMPARATORS.find((c) => c.code === r.comparator)?.label ?? r.comparator} figure for ${r.indicator} in ${r.year}`
        : `figure for ${r.indicator} in ${r.year}`;
      findings.push({
        code: 'duplicate-figure',
        severity: 'error',
        file,
        row: r.row,
        column: INDICATOR_HEADER,
        value: r.indicator,
        message: `There is a second ${what} (the first is in row ${first}).`,
        hint: 'Keep one row per year and indicator: delete the duplicate, or correct its year or indicator.',
      });
    } else {
      seen.set(key, r.row);
    }
  }
}

/** Aggregates name known indicators, once per year, with possible values. */
export const aggregateFigures: Check = {
  id: 'aggregate-figures',
  description:
    'Published figures and comparators name indicators in the catalogue, give each (year, indicator) once, and hold values the indicator can take.',
  run({ board }) {
    const findings: Finding[] = [];
    const defs = catalogueOf(board);
    checkFile(OTHER_FILES.publishedFigures, board.publishedFigures, findings, defs);
    checkFile(OTHER_FILES.comparators, board.comparators, findings, defs);
    return findings;
  },
};
