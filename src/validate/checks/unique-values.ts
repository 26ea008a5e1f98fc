/** Check: columns marked unique (references, agencies, courses) hold no duplicates. */
import { RETURNS } from '../../returns/definitions.js';
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';

export const uniqueValues: Check = {
  id: 'unique-values',
  description: 'References and other unique columns hold no duplicates within a return.',
  run({ data }) {
    const findings: Finding[] = [];
    for (const def of RETURNS) {
      const rows = data.returns[def.id] as ({ row: number } & Record<string, unknown>)[] | null | undefined;
      if (!rows) continue;
      def.columns.forEach((col) => {
        if (!col.unique) return;
        const seen = new Map<string, number>();
        for (const r of rows) {
          const value = r[col.key];
          if (value === null || value === undefined) continue;
          const k = String(value).toLowerCase();
          const first = seen.get(k);
          if (first !== undefined) {
            findings.push({
              code: 'duplicate-reference',
              severity: 'error',
              file: `${data.year.label}/${def.file}`,
              row: r.row,
              column: col.header,
              value: String(value),
              message: `"${String(value)}" appears more than once in ${col.header} (first in row ${first}).`,
              hint: 'Each row must have its own reference: remove the duplicate row or correct the reference.',
            });
          } else {
            seen.set(k, r.row);
          }
        }
      });
    }
    return findings;
  },
};
