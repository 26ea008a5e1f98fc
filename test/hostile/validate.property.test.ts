/**
 * Hostile input, `validate` (part 1 of 2: what is inside the files): property tests that break a small
 * valid board's cells, headers, delimiters, quoting and encodings, and check that `validate --format json`
 * always ends in a verdict, never a crash: exit code 0 or 1 (never 70), JSON on stdout whose every finding
 * has a code, severity, file and message, and no stack trace. Part 2
 * (validate-files.property.test.ts) covers sizes, missing and extra files, YAML, narrative and
 * combinations; it is a separate file so that vitest can run the two halves on separate cores (maxWorkers 2).
 * 10,600 generated cases over both with `npm run test:deep` (HOSTILE_DEPTH=deep); `npm test` runs a fifth.
 *
 * FC_SEED=<n> runs another seed; FC_SEED and FC_PATH from a failure's report replay its counterexample.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cellMutation, delimiterQuotingMutation, encodingMutation, headerMutation } from './support/mutations.js';
import { BASE_BOARD_DIR, CaseCounter, SEED, runsFor } from './support/run-property.js';
import { BASE, VALIDATE_RUNS, VALIDATE_TOTAL_RUNS, validateBoard, validateProperty } from './support/validate-property.js';

const RUNS = [VALIDATE_RUNS.cells, VALIDATE_RUNS.headers, VALIDATE_RUNS.delimitersQuoting, VALIDATE_RUNS.encodings].reduce((a, b) => a + runsFor(b), 0);
const counter = new CaseCounter();
const startedAt = performance.now();
afterAll(() => console.log(counter.summary('hostile validate, part 1 (file contents)', startedAt)));

describe(`validate survives hostile file contents (${RUNS} generated cases, seed ${SEED}; ${VALIDATE_TOTAL_RUNS} over both parts at full depth)`, () => {
  it('the base board validates with no findings at all', async () => {
    const outcome = await validateBoard(BASE_BOARD_DIR);
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ valid: true, errors: 0, warnings: 0, findings: [] });
  });

  it(`at full depth (npm run test:deep) the two parts generate at least 10,000 cases (${VALIDATE_TOTAL_RUNS})`, () => {
    expect(VALIDATE_TOTAL_RUNS).toBeGreaterThanOrEqual(10_000);
  });

  validateProperty(counter, 'cells', 'hostile values in one to four cells, raw or quoted', VALIDATE_RUNS.cells, cellMutation(BASE));
  validateProperty(counter, 'headers', 'renamed, deleted, duplicated, reordered, respaced, recased, BOM, personal data', VALIDATE_RUNS.headers, headerMutation(BASE));
  validateProperty(counter, 'delimiters and quoting', '; tab |, unbalanced and embedded quotes, line ends in cells', VALIDATE_RUNS.delimitersQuoting, delimiterQuotingMutation(BASE));
  validateProperty(counter, 'encodings', 'UTF-16 LE/BE with and without BOM, Latin-1, Windows-1252, random and NUL bytes', VALIDATE_RUNS.encodings, encodingMutation(BASE));
});
