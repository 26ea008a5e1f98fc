/** The doctor's checks that need no browser: Node.js, output folder, board folder, and the report format. */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBoardFolder } from '../../src/doctor/check-data.js';
import { checkNode } from '../../src/doctor/check-node.js';
import { checkOutputFolder } from '../../src/doctor/check-output.js';
import { formatDoctorJson, formatDoctorText } from '../../src/doctor/format-doctor.js';
import type { DoctorReport } from '../../src/doctor/types.js';
import { runCli } from '../cli/helpers.js';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'lscb-doctor-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('Node.js check', () => {
  it('passes 20 and later, fails older versions with how to upgrade', () => {
    expect(checkNode('20.0.0').status).toBe('pass');
    expect(checkNode('22.11.0').status).toBe('pass');
    const old = checkNode('18.19.1');
    expect(old).toMatchObject({ status: 'fail', detail: '18.19.1 is too old: lscb-report needs Node.js 20 or later.' });
    expect(old.fix).toContain('https://nodejs.org/');
  });
});

describe('output folder check', () => {
  it('passes an existing folder and leaves nothing behind', async () => {
    const r = await checkOutputFolder(work, 'out');
    expect(r).toMatchObject({ id: 'output', status: 'pass', detail: 'out is writable' });
    expect(await readdir(work)).toEqual([]);
  });

  it('passes a folder that does not exist yet, and removes what it created to test it', async () => {
    const r = await checkOutputFolder(path.join(work, 'a', 'b'), 'a/b');
    expect(r.status).toBe('pass');
    expect(r.detail).toContain('a build will create it');
    expect(await readdir(work)).toEqual([]);
  });

  it('fails a file, and a path inside a file, with a fix', async () => {
    await writeFile(path.join(work, 'report.pdf'), 'x');
    const file = await checkOutputFolder(path.join(work, 'report.pdf'), 'report.pdf');
    expect(file).toMatchObject({ status: 'fail', detail: 'report.pdf is a file, not a folder.' });
    const inside = await checkOutputFolder(path.join(work, 'report.pdf', 'out'), 'report.pdf/out');
    expect(inside).toMatchObject({ status: 'fail', detail: 'report.pdf/out cannot be written to: part of the path is a file, not a folder.' });
    expect(inside.fix).toContain('--out DIR');
  });
});

describe('board folder check', () => {
  it('passes the sample board', async () => {
    const r = await checkBoardFolder(path.resolve('data-samples/calderdale'), 'data-samples/calderdale');
    expect(r).toMatchObject({ status: 'pass', detail: 'data-samples/calderdale loads: Calderdale Safeguarding Children Board, years: 2012-13' });
  });

  it('fails a missing folder, and a board.yaml with errors, pointing at validate', async () => {
    expect(await checkBoardFolder(path.join(work, 'none'), 'none')).toMatchObject({ status: 'fail', detail: 'none does not exist or is not a folder.' });
    await mkdir(path.join(work, '2013-14'));
    await writeFile(path.join(work, 'board.yaml'), 'board:\n  name: X\n');
    const r = await checkBoardFolder(work, 'b');
    expect(r.status).toBe('fail');
    expect(r.detail).toMatch(/^b does not load: \d+ errors?, the first in board\.yaml/);
    expect(r.fix).toBe('Run `lscb-report validate 2013-14 --data b` to see every problem and how to fix it.');
  });
});

describe('doctor report format', () => {
  const report: DoctorReport = {
    ok: false,
    checks: [
      { id: 'node', status: 'pass', title: 'Node.js', detail: '20.11.1 (20 or later needed)' },
      { id: 'browser', status: 'fail', title: 'Browser for the PDF', detail: 'No Chrome, Chromium or Edge found.', fix: 'Install Chromium.' },
      { id: 'browser-print', status: 'skip', title: 'Browser prints', detail: 'not tried: no browser to start' },
      { id: 'fonts', status: 'skip', title: 'Fonts', detail: 'not checked: nothing was printed' },
      { id: 'output', status: 'pass', title: 'Output folder', detail: 'out is writable' },
    ],
  };

  it('prints one line per check with ✓, ✗ or -, and the fix under a failure', () => {
    expect(formatDoctorText(report, false)).toMatchInlineSnapshot(`
      "✓ Node.js: 20.11.1 (20 or later needed)
      ✗ Browser for the PDF: No Chrome, Chromium or Edge found.
          Fix: Install Chromium.
      - Browser prints: not tried: no browser to start
      - Fonts: not checked: nothing was printed
      ✓ Output folder: out is writable

      Not ready: 1 problem would stop a build. Fix it and run \`lscb-report doctor\` again.
      "
    `);
  });

  it('gives stable JSON', () => {
    const json = JSON.parse(formatDoctorJson(report)) as { ok: boolean; checks: { id: string; status: string; fix: string | null }[] };
    expect(json.ok).toBe(false);
    expect(json.checks.map((c) => [c.id, c.status, c.fix])).toEqual([
      ['node', 'pass', null],
      ['browser', 'fail', 'Install Chromium.'],
      ['browser-print', 'skip', null],
      ['fonts', 'skip', null],
      ['output', 'pass', null],
    ]);
  });
});

describe('lscb-report doctor without a usable browser', () => {
  it('exits 6 for --browser /nonexistent, saying so and how to get one', async () => {
    const r = await runCli(['doctor', '--browser', '/nonexistent', '--out', work]);
    expect(r.code).toBe(6);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('✗ Browser for the PDF: --browser /nonexistent: no browser executable there.\n');
    expect(r.stdout).toMatch(/ {4}Fix: Give the full path to Chrome, Chromium or Edge\. .*--browser PATH/);
    expect(r.stdout).toContain('- Browser prints: not tried: no browser to start');
    expect(r.stdout).toContain('✓ Output folder:');
    expect(r.stdout).toContain('Not ready: 1 problem would stop a build.');
  });

  it('reports the unwritable output folder and the broken board folder too, as JSON', async () => {
    await writeFile(path.join(work, 'file'), 'x');
    const r = await runCli(['doctor', '--browser', '/nonexistent', '--out', path.join(work, 'file', 'out'), '--data', path.join(work, 'nope'), '--format', 'json']);
    expect(r.code).toBe(6);
    const json = JSON.parse(r.stdout) as { ok: boolean; checks: { id: string; status: string }[] };
    expect(json.ok).toBe(false);
    expect(json.checks.map((c) => [c.id, c.status])).toEqual([
      ['node', 'pass'],
      ['browser', 'fail'],
      ['browser-print', 'skip'],
      ['fonts', 'skip'],
      ['output', 'fail'],
      ['data', 'fail'],
    ]);
  });

  it('exits 2 on an unknown format', async () => {
    const r = await runCli(['doctor', '--format', 'xml']);
    expect(r.code).toBe(2);
  });
});

describe('fonts check', () => {
  it('fails when nothing or something not embedded was printed, and suggests the report fonts on a fallback', async () => {
    const { judgeFonts } = await import('../../src/doctor/check-browser.js');
    expect(judgeFonts([]).status).toBe('fail');
    expect(judgeFonts([{ name: 'Helvetica', subtype: 'Type1', embedded: false }])).toMatchObject({ status: 'fail' });
    expect(judgeFonts([{ name: 'LiberationSans', subtype: 'Type0', embedded: true }])).toMatchObject({ status: 'pass' });
    const fallback = judgeFonts([{ name: 'DejaVuSans', subtype: 'Type0', embedded: true }]);
    expect(fallback.status).toBe('pass');
    expect(fallback.detail).toContain('fallback font (DejaVuSans)');
    expect(fallback.fix).toContain('fonts-liberation');
  });
});
