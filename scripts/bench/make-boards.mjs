#!/usr/bin/env node
/**
 * `npm run bench:data -- --scale N --boards B --years Y --out DIR`: write synthetic boards for benchmarking.
 * Options: --scale (default 1; 1 = about 2,000 CP plans, 600 LADO referrals, 150 child deaths and 15,000
 * training attendance rows a year), --boards (default 1), --years (default 1), --out (default
 * .bench/boards-s<scale>-b<boards>-y<years>), --first-year (default 2012-13), --seed (default lscb-bench),
 * --force (write into a non-empty folder that this generator did not make).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeBoards, REPO_ROOT } from './lib/generate.mjs';

const USAGE = 'usage: node scripts/bench/make-boards.mjs [--scale N] [--boards B] [--years Y] [--out DIR] [--first-year 2012-13] [--seed S] [--force]';

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        scale: { type: 'string', default: '1' },
        boards: { type: 'string', default: '1' },
        years: { type: 'string', default: '1' },
        out: { type: 'string' },
        'first-year': { type: 'string', default: '2012-13' },
        seed: { type: 'string', default: 'lscb-bench' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`make-boards: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const scale = Number(values.scale);
  const boards = Number(values.boards);
  const years = Number(values.years);
  const out = path.resolve(values.out ?? path.join(REPO_ROOT, '.bench', `boards-s${scale}-b${boards}-y${years}`));
  try {
    const manifest = await makeBoards({
      scale, boards, years, out, seed: values.seed, firstYear: values['first-year'], force: values.force,
      log: (line) => console.error(line),
    });
    const rows = manifest.boards.flatMap((b) => Object.values(b.rows).flatMap((files) => Object.values(files)));
    const total = rows.reduce((a, n) => a + n, 0);
    console.log(`wrote ${boards} board(s) x ${years} year(s) at scale ${scale} (${total.toLocaleString('en-GB')} data rows) to ${out} in ${manifest.seconds} s`);
    return 0;
  } catch (error) {
    console.error(`make-boards: ${error.message}`);
    return 1;
  }
}

process.exitCode = await main();
