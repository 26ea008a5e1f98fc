/**
 * Board discovery: without --data or LSCB_REPORT_DATA the tool uses the nearest folder at or above the
 * current one that holds board.yaml (as git finds .git), and says on stderr which board it uses.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const MINIMAL = fileURLToPath(new URL('../hostile/fixtures/minimal-board/', import.meta.url));

describe('board discovery', () => {
  let root: string;
  let board: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'lscb-discovery-'));
    board = path.join(root, 'my-board');
    cpSync(MINIMAL, board, { recursive: true });
    mkdirSync(path.join(root, 'elsewhere'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds board.yaml in the current folder and says so on stderr', async () => {
    const r = await runCli(['validate', '2012-13'], { cwd: board });
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stderr).toBe(`Using the board in ${board} (board.yaml found in this folder).\n`);
  });

  it('finds board.yaml in a parent folder: run from inside the year folder and deeper', async () => {
    for (const cwd of [path.join(board, '2012-13'), path.join(board, '2012-13', 'narrative')]) {
      const r = await runCli(['validate', '2012-13', '--format', 'json'], { cwd });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ year: '2012-13', valid: true });
      expect(r.stderr).toContain(`Using the board in ${board} (board.yaml found in ${path.relative(cwd, board)})`);
    }
  });

  it('--data and LSCB_REPORT_DATA win over discovery, and nothing is announced', async () => {
    const other = path.join(root, 'elsewhere');
    const flag = await runCli(['validate', '2012-13', '--data', board], { cwd: path.join(board, '2012-13') });
    expect(flag.code).toBe(0);
    expect(flag.stderr).toBe('');
    const env = await runCli(['validate', '2012-13'], { cwd: other, env: { LSCB_REPORT_DATA: board } });
    expect(env.code).toBe(0);
    expect(env.stderr).toBe('');
    // An explicit folder that is not a board is not replaced by a discovered one.
    const wrong = await runCli(['validate', '2012-13', '--data', other], { cwd: board });
    expect(wrong.code).toBe(2);
  });

  it('says once, not once per year, which board `build --all` uses', async () => {
    const r = await runCli(['build', '--all', '--format', 'html', '--out', path.join(root, 'out')], { cwd: path.join(board, '2012-13') });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.match(/Using the board in/g)).toHaveLength(1);
  });

  it('with no board.yaml anywhere above, the error says how to point at the board', async () => {
    const r = await runCli(['validate', '2012-13'], { cwd: path.join(root, 'elsewhere') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('There is no data for 2012-13');
    expect(r.stderr).toMatch(/board folder \(the one with board\.yaml\).*--data DIR/);
  });
});
