import { it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readCsv } from '../../src/load/read-csv.js';
import { RETURNS } from '../../src/returns/definitions.js';
const enc = new TextEncoder();
it('probe', async () => {
  const def = RETURNS.find((d) => d.file === 'section-11-audit.csv')!;
  for (const n of [5000, 10000, 20000]) {
    const text = 'Agency,Returned audit,Invited to challenge,Attended challenge,Deferred,Recommendations made\nPolice,x,x,x,,x\n' + '\n'.repeat(n);
    let t = performance.now();
    parse(text, { relax_column_count: true, relax_quotes: true });
    console.log('parse', n, (performance.now() - t).toFixed(0));
    t = performance.now();
    readCsv(enc.encode(text), 'x', def.columns);
    console.log('readCsv', n, (performance.now() - t).toFixed(0));
  }
}, 300000);
