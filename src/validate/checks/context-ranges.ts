/** Check: context figures hold values their measure can take (no negative counts, percentages 0-100). */
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';
import { CONTEXT_MEASURES } from '../../returns/definitions.js';
import { contextMeasureUnit } from '../../indicators/catalogue.js';
import { header, num, returnFile, rowsOf } from './helpers.js';

/** True when a context measure is a percentage (its code ends in `_pct`). */
export function isPercentMeasure(measure: string): boolean {
  return measure.endsWith('_pct');
}

/** Context figures within the range their measure allows. */
export const contextRanges: Check = {
  id: 'context-ranges',
  description: 'Context figures are not negative, and percentages lie between 0 and 100.',
  run({ data }) {
    const findings: Finding[] = [];
    for (const r of rowsOf(data, 'context')) {
      const label = CONTEXT_MEASURES.find((m) => m.code === r.measure)?.label ?? r.measure;
      const unit = contextMeasureUnit(r.measure);
      if (r.valueWrittenAsPercent && unit !== 'percent') {
        const what = unit === 'count' ? 'a count' : 'a rate per 10,000 children';
        findings.push({
          code: 'unit-mismatch',
          severity: 'error',
          file: returnFile(data, 'context'),
          row: r.row,
          column: header('context', 'value'),
          value: `${num(r.value)}%`,
          message: `${label}: "${num(r.value)}%" is a percentage, but this measure is ${what}.`,
          hint: unit === 'count' ? 'Enter the number itself (for example 339 children), without a % sign.' : 'Enter the rate itself (for example 369.6 per 10,000), without a % sign.',
        });
        continue;
      }
      let problem: string | null = null;
      if (r.value < 0) problem = `${label}: ${num(r.value)} is negative, which is impossible for this figure.`;
      else if (isPercentMeasure(r.measure) && r.value > 100) problem = `${label}: ${num(r.value)} is more than 100, which is impossible for a percentage.`;
      if (!problem) continue;
      findings.push({
        code: 'value-out-of-range',
        severity: 'error',
        file: returnFile(data, 'context'),
        row: r.row,
        column: header('context', 'value'),
        value: String(r.value),
        message: problem,
        hint: isPercentMeasure(r.measure)
          ? 'Give percentages as numbers from 0 to 100 (19 for 19%), not as fractions or counts.'
          : 'Check the figure against its source.',
      });
    }
    return findings;
  },
};
