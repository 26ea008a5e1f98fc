/** `build --all`: every year of a board, one browser for every PDF. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';
import { describeWithBrowser, testBrowserPath } from '../pdf/support.js';

let root: string;
let board: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'lscb-build-all-'));
  execFileSync(process.execPath, ['scripts/bench/make-boards.mjs', '--scale', '0.05', '--boards', '1', '--years', '2', '--out', path.join(root, 'boards')]);
  board = path.join(root, 'boards', 'board-01');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('build --all', () => {
  it('builds every year folder and says so', async () => {
    const out = path.join(root, 'html');
    const r = await runCli(['build', '--all', '--data', board, '--out', out, '--format', 'html']);
    expect(r.code).toBe(0);
    const files = readdirSync(out);
    for (const year of ['2012-13', '2013-14']) {
      expect(files.some((f) => f.endsWith(`annual-report-${year}.html`))).toBe(true);
      expect(files.some((f) => f.endsWith(`indicators-${year}.json`))).toBe(true);
    }
    expect(r.stderr).toContain('Built 2 years (2012-13, 2013-14) with 0 browser launches.');
  });

  it('refuses a year together with --all, and no year without it (exit 2)', async () => {
    expect((await runCli(['build', '2012-13', '--all', '--data', board])).code).toBe(2);
    const r = await runCli(['build', '--data', board]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--all');
  });
});

describeWithBrowser('build --all with PDFs (real browser)', () => {
  it('prints every year with one browser launch', async () => {
    const out = path.join(root, 'pdf');
    const r = await runCli(['build', '--all', '--data', board, '--out', out, '--browser', testBrowserPath()]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('with 1 browser launch.');
    for (const year of ['2012-13', '2013-14']) {
      expect(readdirSync(out).some((f) => f.endsWith(`annual-report-${year}.pdf`))).toBe(true);
    }
    expect(existsSync(out)).toBe(true);
  });
});
