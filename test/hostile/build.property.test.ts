/**
 * Hostile input, `build --format html`: the same mutations as the validate properties, plus changes that
 * keep the data valid so the hostile text reaches the renderer, through `build` in-process. Property: exit
 * code 0 or 1 (never 70) with no stack trace; on 1 the output folder holds exactly what it held before (a
 * previous good build, compared byte for byte) and no temporary file; on 0 every file it says it wrote is
 * complete (the HTML ends with </html>, the JSON parses, the CSV has its header) and nothing else changed.
 * 750 generated cases at full depth (`npm run test:deep`), a fifth in `npm test`; FC_SEED / FC_PATH replay
 * as in the validate properties.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardSandbox } from './support/board-sandbox.js';
import {
  cellMutation,
  combinedMutation,
  delimiterQuotingMutation,
  describeMutation,
  encodingMutation,
  fileMutation,
  headerMutation,
  renderableMutation,
  sizeMutation,
  type Mutation,
} from './support/mutations.js';
import { BASE_BOARD_DIR, CaseCounter, PROPERTY_TIMEOUT_MS, SEED, YEAR, expectNoCrash, noteSlowCase, propertyParams, runCliInProcess, runsFor } from './support/run-property.js';
import { BASE } from './support/validate-property.js';

const RUNS = {
  renderable: 300,
  cells: 100,
  headers: 50,
  delimitersQuoting: 50,
  encodings: 50,
  sizes: 25,
  files: 100,
  combinations: 75,
} as const;
const TOTAL = Object.values(RUNS).reduce((a, b) => a + runsFor(b), 0);

/** A folder's files, name → bytes (the output folder is flat). */
function readFolder(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name))]));
}

let root: string;
/** A previous good build of the base board: what the output folder holds before every case. */
let previous: Map<string, Buffer>;
const counter = new CaseCounter();
const startedAt = performance.now();

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'lscb-hostile-build-'));
  const golden = path.join(root, 'golden');
  const outcome = await runCliInProcess(['build', YEAR, '--data', BASE_BOARD_DIR, '--out', golden, '--format', 'html']);
  expectNoCrash(outcome, [0], 'building the base board');
  previous = readFolder(golden);
}, 600_000);

afterAll(() => {
  console.log(counter.summary('hostile build', startedAt));
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Check the output folder after a build that ended with `code`. */
function expectOutputsSafe(outDir: string, code: number, stdout: string, context: string): void {
  const now = readFolder(outDir);
  if (code !== 0) {
    // Nothing written, nothing half-written, nothing left behind: exactly the previous build.
    const names = [...now.keys()].sort();
    if (names.join('\n') !== [...previous.keys()].sort().join('\n')) {
      throw new Error(`the output folder changed after a failed build (now: ${names.join(', ')}): ${context}`);
    }
    for (const [name, bytes] of previous) {
      if (!now.get(name)!.equals(bytes)) throw new Error(`${name} changed after a failed build: ${context}`);
    }
    if (/\bWrote\b/.test(stdout)) throw new Error(`a failed build says it wrote files: ${stdout}\n${context}`);
    return;
  }
  const wrote = /^Wrote (.+) to /m.exec(stdout);
  if (!wrote) throw new Error(`a successful build does not say what it wrote: ${stdout}\n${context}`);
  const written = new Set(wrote[1]!.split(', '));
  for (const [name, bytes] of now) {
    if (!written.has(name)) {
      if (!previous.get(name)?.equals(bytes)) throw new Error(`${name} is in the output folder but was neither written nor there before: ${context}`);
      continue;
    }
    const text = bytes.toString('utf8');
    if (name.endsWith('.html') && !text.trimEnd().endsWith('</html>')) throw new Error(`${name} does not end with </html>: ${context}`);
    if (name.endsWith('.json')) {
      try {
        JSON.parse(text);
      } catch {
        throw new Error(`${name} is not JSON: ${context}`);
      }
    }
    // The indicators CSV starts with a UTF-8 byte-order mark (so spreadsheets read it as UTF-8), then its header.
    if (name.endsWith('.csv') && !text.startsWith('\uFEFFid,')) throw new Error(`${name} does not start with its byte-order mark and header: ${context}`);
  }
  for (const name of written) if (!now.has(name)) throw new Error(`the build says it wrote ${name}, but it is not there: ${context}`);
  if (![...written].some((n) => n.endsWith('.html'))) throw new Error(`a successful HTML build wrote no HTML: ${context}`);
}

function buildProperty(label: string, title: string, numRuns: number, arbitrary: fc.Arbitrary<Mutation>): void {
  it.concurrent(`${label}: ${title} (numRuns: ${runsFor(numRuns)})`, async () => {
    const sandbox = BoardSandbox.create(BASE_BOARD_DIR, 'lscb-hostile-build-board-');
    const outDir = path.join(root, `out-${label.replace(/\W+/g, '-')}`);
    const resetOut = () => {
      rmSync(outDir, { recursive: true, force: true });
      mkdirSync(outDir);
      cpSync(path.join(root, 'golden'), outDir, { recursive: true });
    };
    resetOut();
    try {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (m) => {
          counter.add(label);
          sandbox.apply(m.ops);
          try {
            const started = performance.now();
            const outcome = await runCliInProcess(['build', YEAR, '--data', sandbox.dir, '--out', outDir, '--format', 'html']);
            const ms = performance.now() - started;
            const context = describeMutation(m);
            noteSlowCase(ms, `[build] ${context}`);
            expectNoCrash(outcome, [0, 1], context);
            expectOutputsSafe(outDir, outcome.code, outcome.stdout, context);
            if (outcome.code === 0) resetOut();
          } finally {
            sandbox.restore();
          }
        }),
        propertyParams(numRuns),
      );
      expect(sandbox.differences()).toEqual([]);
    } finally {
      sandbox.remove();
    }
  }, PROPERTY_TIMEOUT_MS);
}

describe(`build survives hostile input and never leaves a partial output (${TOTAL} generated cases, seed ${SEED})`, () => {
  it('the previous good build is complete: HTML, indicators JSON and CSV', () => {
    const names = [...previous.keys()];
    expect(names.filter((n) => n.endsWith('.html'))).toHaveLength(1);
    expect(names.filter((n) => n.endsWith('.json'))).toHaveLength(1);
    expect(names.filter((n) => n.endsWith('.csv'))).toHaveLength(1);
  });

  buildProperty('renderable', 'valid data with hostile text, narrative, sections, settings', RUNS.renderable, renderableMutation(BASE));
  buildProperty('cells', 'hostile values in one to four cells', RUNS.cells, cellMutation(BASE));
  buildProperty('headers', 'renamed, deleted, duplicated, reordered headers', RUNS.headers, headerMutation(BASE));
  buildProperty('delimiters and quoting', 'other delimiters, broken quoting', RUNS.delimitersQuoting, delimiterQuotingMutation(BASE));
  buildProperty('encodings', 'UTF-16, Latin-1, random and NUL bytes', RUNS.encodings, encodingMutation(BASE));
  buildProperty('sizes', 'empty, header only, long lines, many columns and rows', RUNS.sizes, sizeMutation(BASE));
  buildProperty('files', 'missing, stray, folders and links, broken YAML and narrative', RUNS.files, fileMutation(BASE));
  buildProperty('combinations', 'two to four mutations at once', RUNS.combinations, combinedMutation(BASE));
});
