/**
 * `node scripts/bench/lib/bare-parse.mjs BOARD YEAR`: the floor of `validate`: read every CSV the year reads
 * (its returns and the board's aggregates/) and parse it with csv-parse/sync and no option but `bom`.
 * Nothing else: no schema, no checks, no output.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

const [board, year] = process.argv.slice(2);
let rows = 0;
for (const sub of [year, 'aggregates']) {
  const dir = path.join(board, sub);
  const names = await readdir(dir).catch(() => []);
  for (const name of names.sort()) {
    if (name.endsWith('.csv')) rows += parse(await readFile(path.join(dir, name)), { bom: true }).length;
  }
}
if (rows === 0) process.exitCode = 1;
