/** Check: free-text cells hold no postcodes, e-mail addresses or phone numbers (personal data must not enter). */
import { RETURNS } from '../../returns/definitions.js';
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';

/** What kind of personal identifier a text value looks like, or null. */
export function personalIdentifierIn(text: string): string | null {
  // Outward code, space optional, inward code (its letters never C, I, K, M, O or V); "KS2 2nd" is an ordinal, not a postcode.
  for (const m of text.matchAll(/\b[A-Z]{1,2}[0-9][A-Z0-9]? ?([0-9][ABD-HJLNP-UW-Z]{2})\b/gi)) {
    if (!/^\d(st|nd|rd|th)$/i.test(m[1]!)) return 'a postcode';
  }
  // The lookbehind anchors the match at the start of a word, so a long run without spaces is linear, not quadratic.
  if (/(?<![^\s@])[^\s@]+@[^\s@]+\.[a-z]{2,}/i.test(text)) return 'an e-mail address';
  if (/(\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b/.test(text)) return 'a phone number';
  return null;
}

/** No postcodes, e-mail addresses or phone numbers in free-text cells. */
export const personalDataValues: Check = {
  id: 'personal-data-values',
  description: 'Free-text cells of the returns hold no postcodes, e-mail addresses or phone numbers.',
  run({ data }) {
    const findings: Finding[] = [];
    for (const def of RETURNS) {
      const rows = data.returns[def.id] as ({ row: number } & Record<string, unknown>)[] | null | undefined;
      if (!rows) continue;
      const textColumns = def.columns.filter((c) => c.type === 'text');
      for (const r of rows) {
        for (const col of textColumns) {
          const value = r[col.key];
          if (typeof value !== 'string') continue;
          const kind = personalIdentifierIn(value);
          if (!kind) continue;
          findings.push({
            code: 'personal-data-value',
            severity: 'error',
            file: `${data.year.label}/${def.file}`,
            row: r.row,
            column: col.header,
            // The value itself is personal data: say where it is, never repeat it.
            value: '(withheld)',
            message: `This cell looks like it holds ${kind}. Personal data must not enter this tool.`,
            hint: `Remove it from the cell${def.caseLevel ? ' (for a locality, give the area, never an address)' : ''}.`,
          });
        }
      }
    }
    return findings;
  },
};
