/**
 * Shared set-up for the hostile-input properties: the seed (fixed, overridable with FC_SEED so a failure
 * can be replayed), the base board, a running count of generated cases, and the checks every run of the
 * CLI must pass whatever it was given.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { CliIo } from '../../../src/cli/io.js';
import { run } from '../../../src/cli/run.js';

/** The small valid board every mutation starts from. */
export const BASE_BOARD_DIR = fileURLToPath(new URL('../fixtures/minimal-board/', import.meta.url));
/** Its year. */
export const YEAR = '2012-13';

/** The fast-check seed: FC_SEED when set (to replay a failure), else a fixed one so runs are repeatable. */
export const SEED = process.env.FC_SEED !== undefined && process.env.FC_SEED !== '' ? Number(process.env.FC_SEED) : 20_130_829;

/** fast-check parameters for a property of `numRuns` cases. FC_PATH replays one counterexample. */
export function propertyParams(numRuns: number): fc.Parameters<unknown> {
  return {
    numRuns,
    seed: SEED,
    ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}),
  };
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

/** The CLI ended with one of `codes`, not in an internal error, and printed no stack trace. */
export function expectNoCrash(outcome: CliOutcome, codes: readonly number[], context: string): void {
  const shown = () => `${context}\nexit code ${outcome.code}\nstderr: ${outcome.stderr.slice(0, 3000)}`;
  expect(STACK_LINE.test(outcome.stderr), `a stack trace on stderr: ${shown()}`).toBe(false);
  expect(STACK_LINE.test(outcome.stdout), `a stack trace on stdout: ${shown()}`).toBe(false);
  expect(codes, `unexpected exit code: ${shown()}`).toContain(outcome.code);
}

interface JsonFinding {
  code: unknown;
  severity: unknown;
  file: unknown;
  row: unknown;
  message: unknown;
}

/** `validate --format json` output: valid JSON whose every finding has code, severity, file and message. */
export function expectFindingsJson(outcome: CliOutcome, context: string): void {
  let report: { valid?: unknown; errors?: unknown; findings?: unknown };
  try {
    report = JSON.parse(outcome.stdout) as typeof report;
  } catch (error) {
    throw new Error(`stdout is not JSON (${(error as Error).message}): ${context}\n${outcome.stdout.slice(0, 2000)}`);
  }
  expect(Array.isArray(report.findings), `no findings array: ${context}`).toBe(true);
  const findings = report.findings as JsonFinding[];
  for (const f of findings) {
    const where = `${context}\nfinding: ${JSON.stringify(f).slice(0, 1000)}`;
    expect(typeof f.code === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(f.code), `finding code not kebab-case: ${where}`).toBe(true);
    expect(['error', 'warning'], `finding severity: ${where}`).toContain(f.severity);
    expect(typeof f.file === 'string' && f.file !== '', `finding file: ${where}`).toBe(true);
    expect(typeof f.message === 'string' && f.message.trim() !== '', `finding message: ${where}`).toBe(true);
    expect(f.row === null || (Number.isInteger(f.row) && (f.row as number) >= 1), `finding row: ${where}`).toBe(true);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  expect(report.errors, `error count: ${context}`).toBe(errors);
  expect(report.valid, `valid flag: ${context}`).toBe(errors === 0);
  expect(outcome.code, `exit code disagrees with the findings: ${context}`).toBe(errors === 0 ? 0 : 1);
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
