/**
 * Hostile input, `validate` (part 2 of 2: the files themselves): sizes, missing and extra files, files
 * replaced by folders or links, broken and wrongly shaped YAML, hostile narrative, and combinations of
 * every kind of mutation. Same property as part 1 (validate.property.test.ts): exit 0 or 1, findings JSON,
 * no stack trace. Also a few inputs too big to generate by the thousand.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { BoardSandbox } from './support/board-sandbox.js';
import { combinedMutation, fileMutation, sizeMutation } from './support/mutations.js';
import { BASE_BOARD_DIR, CaseCounter, SEED, expectFindingsJson, expectNoCrash, runsFor } from './support/run-property.js';
import { BASE, VALIDATE_RUNS, VALIDATE_TOTAL_RUNS, validateBoard, validateProperty } from './support/validate-property.js';

const RUNS = [VALIDATE_RUNS.sizes, VALIDATE_RUNS.files, VALIDATE_RUNS.combinations].reduce((a, b) => a + runsFor(b), 0);
const counter = new CaseCounter();
const startedAt = performance.now();
afterAll(() => console.log(counter.summary('hostile validate, part 2 (files)', startedAt)));

describe(`validate survives hostile files (${RUNS} generated cases, seed ${SEED}; ${VALIDATE_TOTAL_RUNS} over both parts at full depth)`, () => {
  validateProperty(counter, 'sizes', 'empty, header only, long line, many columns, many rows', VALIDATE_RUNS.sizes, sizeMutation(BASE));
  validateProperty(counter, 'files', 'missing, stray, folders and links for files, broken YAML, hostile narrative', VALIDATE_RUNS.files, fileMutation(BASE));
  validateProperty(counter, 'combinations', 'two to four mutations of any kind at once', VALIDATE_RUNS.combinations, combinedMutation(BASE));
});

describe('validate survives inputs too big to generate by the thousand', () => {
  let sandbox: BoardSandbox;
  beforeAll(() => {
    sandbox = BoardSandbox.create(BASE_BOARD_DIR, 'lscb-hostile-big-');
  });
  afterAll(() => sandbox.remove());

  const lado = BASE.csvs.find((c) => c.file.endsWith('lado-referrals.csv'))!;
  const header = lado.grid[0]!.join(',');
  const row = lado.grid[1]!;
  /** A safety net, not a limit under test: a case that ran into it is stuck, not slow. */
  const BIG_INPUT_TIMEOUT_MS = 300_000;
  const big: [string, () => string][] = [
    ['a 5 MB line (one date cell)', () => `${header}\n${[row[0], '9'.repeat(5_000_000), ...row.slice(2)].join(',')}\n`],
    ['20,000 columns', () => `${header},${Array.from({ length: 20_000 }, (_, i) => `Extra ${i}`).join(',')}\n${row.join(',')},${'1,'.repeat(20_000)}\n`],
    ['50,000 rows', () => `${header}\n${`${row.join(',')}\n`.repeat(50_000)}`],
    ['50,000 empty lines', () => `${header}\n${row.join(',')}\n${'\n'.repeat(50_000)}`],
    ['a quote opened in row 2 and never closed, 2 MB on', () => `${header}\n"${row.join(',')}\n${`${row.join(',')}\n`.repeat(25_000)}`],
  ];
  for (const [name, text] of big) {
    it(`${name}: a verdict, not a crash`, async () => {
      sandbox.apply([{ op: 'write', file: lado.file, bytes: new TextEncoder().encode(text()) }]);
      try {
        const outcome = await validateBoard(sandbox.dir);
        expectNoCrash(outcome, [0, 1], name);
        expectFindingsJson(outcome, name);
      } finally {
        sandbox.restore();
      }
    }, BIG_INPUT_TIMEOUT_MS);
  }
});
