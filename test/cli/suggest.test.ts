/** Suggested commands repeat the --data the user gave (issue 14), so that they work when pasted. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dataArgument, repeatDataFlag } from '../../src/cli/suggest.js';
import { runCli } from './helpers.js';

const MINIMAL = fileURLToPath(new URL('../hostile/fixtures/minimal-board/', import.meta.url));
const root = mkdtempSync(path.join(tmpdir(), 'lscb-suggest-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('suggested commands', () => {
  it('repeat --data: `indicators` on a year with errors says how to see them, with the same folder', async () => {
    const board = path.join(root, 'my board');
    cpSync(MINIMAL, board, { recursive: true });
    writeFileSync(path.join(board, '2012-13', 'lado-referrals.csv'), 'no,such,header\n1,2,3\n');
    const r = await runCli(['indicators', '2012-13', '--data', board]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Run \`lscb-report validate 2012-13 --data '${board}'\``);
    const eq = await runCli(['indicators', '2012-13', `--data=${board}`]);
    expect(eq.stderr).toContain(`--data '${board}'\``);
  });

  it('reads --data in each of its spellings, and leaves suggestions alone without it', () => {
    expect(dataArgument(['validate', '2012-13', '--data', 'x'])).toBe('x');
    expect(dataArgument(['validate', '-d', 'y', '2012-13'])).toBe('y');
    expect(dataArgument(['validate', '--data=z'])).toBe('z');
    expect(dataArgument(['validate', '2012-13'])).toBeUndefined();
    expect(repeatDataFlag('run `lscb-report validate 2014-15`', undefined)).toBe('run `lscb-report validate 2014-15`');
    expect(repeatDataFlag('run `lscb-report validate 2014-15`', 'boards/kirklees')).toBe('run `lscb-report validate 2014-15 --data boards/kirklees`');
    expect(repeatDataFlag('`lscb-report build 2014-15 --data b`', 'b')).toBe('`lscb-report build 2014-15 --data b`');
    expect(repeatDataFlag('`lscb-report indicators --list`', 'b')).toBe('`lscb-report indicators --list`');
    // A folder name with a quote is left out rather than risk breaking JSON output.
    expect(repeatDataFlag('`lscb-report validate 2014-15`', 'a"b')).toBe('`lscb-report validate 2014-15`');
  });
});
