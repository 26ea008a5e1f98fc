/**
 * Runs every case of the bad-input corpus through `lscb-report validate --format json` in-process and
 * checks the exit code, the one finding the case must produce (exactly that code, file, row and column),
 * that it produces nothing else, and that nothing printed a stack trace.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';
import { BoardFiles } from './board-files.js';
import { CASES } from './cases.js';

const BASE = fileURLToPath(new URL('./base/', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'lscb-corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface JsonFinding {
  code: string;
  severity: string;
  file: string;
  row: number | null;
  column: string | null;
  columnLetter: string | null;
  value: string | null;
  message: string;
  hint: string | null;
}

async function validate(dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { NO_COLOR: '1' },
    cwd: process.cwd(),
    stdoutIsTTY: false,
  };
  const code = await run(['validate', '2012-13', '--data', dir, '--format', 'json'], io);
  return { code, stdout, stderr };
}

const STACK_LINE = /^ {4}at /m;

describe('bad-input corpus', () => {
  it('has at least 45 cases with unique names', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(45);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const board = BoardFiles.fromDir(BASE);
    c.mutate(board);
    const dir = path.join(work, name);
    board.writeTo(dir);

    const { code, stdout, stderr } = await validate(dir);
    expect(stdout).not.toMatch(STACK_LINE);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr).toBe('');
    const report = JSON.parse(stdout) as { valid: boolean; findings: JsonFinding[] };
    const table = report.findings.map((f) => ({ code: f.code, severity: f.severity, file: f.file, row: f.row, column: f.column }));

    if (c.expect === null) {
      expect(table).toEqual([]);
    } else {
      const { says, ...where } = c.expect;
      // The case's one problem gives exactly its finding, and nothing else.
      expect(table).toEqual([where]);
      const finding = report.findings[0]!;
      for (const text of says ?? []) expect(`${finding.message} ${finding.hint ?? ''}`).toContain(text);
      expect(finding.message.length).toBeGreaterThan(10);
      expect(finding.hint, 'every corpus finding carries a hint').toBeTruthy();
      // Personal data is never repeated back: the finding says where it is, not what it is.
      if (finding.code === 'personal-data-value') expect(finding.value).toBe('(withheld)');
      expect(finding.message).not.toMatch(/Invalid input|ZodError|\[object Object\]|undefined/);
    }
    expect(code).toBe(c.exitCode);
  });
});
