/** Check: free-text cells hold no postcodes, e-mail addresses, phone, NHS or NI numbers or dates of birth (personal data must not enter). */
import { personalIdentifierIn } from '../../disclosure/personal-data.js';
import { RETURNS } from '../../returns/definitions.js';
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';

export { personalIdentifierIn } from '../../disclosure/personal-data.js';

/** How many distinct cell values the check remembers the reading of (a bound on its memory). */
const DISTINCT_VALUES_KEPT = 100_000;

/** No postcodes, e-mail addresses or phone numbers in free-text cells. */
export const personalDataValues: Check = {
  id: 'personal-data-values',
  description: 'Free-text cells of the returns hold no postcodes, e-mail addresses, phone numbers, NHS or National Insurance numbers or dates of birth.',
  run({ data }) {
    const findings: Finding[] = [];
    // Free text repeats (agencies, course titles, localities): each distinct value is read once.
    const kinds = new Map<string, string | null>();
    const kindOf = (value: string) => {
      let kind = kinds.get(value);
      if (kind === undefined) {
        kind = personalIdentifierIn(value);
        if (kinds.size < DISTINCT_VALUES_KEPT) kinds.set(value, kind);
      }
      return kind;
    };
    for (const def of RETURNS) {
      const rows = data.returns[def.id] as ({ row: number } & Record<string, unknown>)[] | null | undefined;
      if (!rows) continue;
      const textColumns = def.columns.filter((c) => c.type === 'text');
      for (const r of rows) {
        for (const col of textColumns) {
          const value = r[col.key];
          if (typeof value !== 'string') continue;
          const kind = kindOf(value);
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
