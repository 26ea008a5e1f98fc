/**
 * Shared set-up for the hostile-input properties: the seed, the base board, a running count of generated
 * cases, and the checks every run of the CLI must pass whatever it was given.
 *
 * Environment:
 * - FC_SEED=<n>: run with another seed (the default is fixed, so every run tests the same cases).
 * - FC_PATH=<path>: with the FC_SEED of a failure's report, replay its counterexample (add `-t <test name>`).
 * - HOSTILE_DEPTH=deep: run every property at its full number of cases (`npm run test:deep`, which CI also
 *   runs). Without it (`npm test`) each property runs a fifth of them (QUICK_DIVISOR), same seed.
 * - HOSTILE_DIV=<n>: divide every numRuns by n more, for a quicker local run.
 * - HOSTILE_FULL=1: also generate the inputs of known, still open bugs (see KNOWN_BUG_WORKAROUNDS).
 * - HOSTILE_SLOW_LOG=<file>: append every case slower than 250 ms to that file.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { CliIo } from '../../../src/cli/io.js';
import { run } from '../../../src/cli/run.js';

/** The small valid board every mutation starts from. */
export const BASE_BOARD_DIR = fileURLToPath(new URL('../fixtures/minimal-board/', import.meta.url));
/** Its year. */
export const YEAR = '2012-13';

/** The fast-check seed: FC_SEED when set (to replay a failure), else a fixed one so runs are repeatable. */
export const SEED = process.env.FC_SEED !== undefined && process.env.FC_SEED !== '' ? Number(process.env.FC_SEED) : 20_130_829;

/** True for the deep search (`npm run test:deep`): every property at its full number of cases. */
export const DEEP = process.env.HOSTILE_DEPTH === 'deep';

/** Without HOSTILE_DEPTH=deep, every property runs 1/QUICK_DIVISOR of its cases (the first ones of the same seed). */
export const QUICK_DIVISOR = 5;

/**
 * How many cases a property of `numRuns` (its deep count) runs now: all of them with HOSTILE_DEPTH=deep,
 * else a fifth; divided again by HOSTILE_DIV when set. The work per case is bounded by the generators
 * (input sizes), never by a clock: a slow machine runs the same cases, only slower.
 */
export function runsFor(numRuns: number): number {
  const divisor = Number(process.env.HOSTILE_DIV ?? 1);
  const extra = Number.isFinite(divisor) && divisor > 0 ? divisor : 1;
  return Math.max(1, Math.ceil(numRuns / (DEEP ? 1 : QUICK_DIVISOR) / extra));
}

/** fast-check parameters for a property of `numRuns` cases at full depth (see runsFor). */
export function propertyParams(numRuns: number): fc.Parameters<unknown> {
  return {
    numRuns: runsFor(numRuns),
    seed: SEED,
    ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}),
  };
}

/**
 * The safety net for one property test (all its cases): generous, so a loaded machine never fails a test
 * on time. A case that is stuck in something worse than linear (a denial of service) still shows as a
 * test that does not finish; HOSTILE_SLOW_LOG names the slow inputs. No test asserts how long a case took.
 */
export const PROPERTY_TIMEOUT_MS = 1_200_000;

/** With HOSTILE_SLOW_LOG=<file>, append every case slower than 250 ms to that file (to find the costly inputs). */
export function noteSlowCase(ms: number, context: string): void {
  const file = process.env.HOSTILE_SLOW_LOG;
  if (file && ms > 250) appendFileSync(file, `${Math.round(ms)} ms ${context.slice(0, 400)}\n`);
}

/** What one in-process run of the CLI printed and returned. */
export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process with a fake terminal (no colour, not a TTY). */
export async function runCliInProcess(argv: string[], env: Record<string, string | undefined> = {}): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { NO_COLOR: '1', ...env },
    cwd: path.dirname(BASE_BOARD_DIR),
    stdoutIsTTY: false,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** A stack trace line as Node prints one. */
const STACK_LINE = /\n {4}at /;

/** Fail with a message built only when needed (thousands of cases pass; building messages for each is slow). */
function check(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message());
}

/** The CLI ended with one of `codes`, not in an internal error, and printed no stack trace. */
export function expectNoCrash(outcome: CliOutcome, codes: readonly number[], context: string): void {
  const shown = () => `${context}\nexit code ${outcome.code}\nstderr: ${outcome.stderr.slice(0, 3000)}`;
  check(!STACK_LINE.test(outcome.stderr), () => `a stack trace on stderr: ${shown()}`);
  check(!STACK_LINE.test(outcome.stdout), () => `a stack trace on stdout: ${shown()}`);
  check(codes.includes(outcome.code), () => `exit code ${outcome.code}, expected one of ${codes.join(', ')}: ${shown()}`);
}

interface JsonFinding {
  code: unknown;
  severity: unknown;
  file: unknown;
  row: unknown;
  message: unknown;
}

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** `validate --format json` output: valid JSON whose every finding has code, severity, file and message. */
export function expectFindingsJson(outcome: CliOutcome, context: string): void {
  let report: { valid?: unknown; errors?: unknown; findings?: unknown };
  try {
    report = JSON.parse(outcome.stdout) as typeof report;
  } catch (error) {
    throw new Error(`stdout is not JSON (${(error as Error).message}): ${context}\n${outcome.stdout.slice(0, 2000)}`);
  }
  check(Array.isArray(report.findings), () => `no findings array: ${context}`);
  const findings = report.findings as JsonFinding[];
  let errors = 0;
  for (const f of findings) {
    const ok =
      typeof f.code === 'string' &&
      KEBAB.test(f.code) &&
      (f.severity === 'error' || f.severity === 'warning') &&
      typeof f.file === 'string' &&
      f.file !== '' &&
      typeof f.message === 'string' &&
      f.message.trim() !== '' &&
      (f.row === null || (Number.isInteger(f.row) && (f.row as number) >= 1));
    check(ok, () => `a finding without a kebab-case code, a severity, a file, a message and a valid row: ${context}\nfinding: ${JSON.stringify(f).slice(0, 1000)}`);
    if (f.severity === 'error') errors++;
  }
  check(report.errors === errors, () => `"errors" is ${String(report.errors)} but ${errors} findings are errors: ${context}`);
  check(report.valid === (errors === 0), () => `"valid" is ${String(report.valid)} with ${errors} errors: ${context}`);
  check(outcome.code === (errors === 0 ? 0 : 1), () => `exit code ${outcome.code} with ${errors} errors: ${context}`);
}

/** Counts generated cases across a test file, for the summary line. */
export class CaseCounter {
  private counts = new Map<string, number>();

  add(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  get total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }

  summary(title: string, startedAt: number): string {
    const parts = [...this.counts].map(([name, n]) => `${name} ${n}`).join(', ');
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    return `${title}: ${this.total} generated cases in ${seconds} s (seed ${SEED}; ${parts})`;
  }
}
