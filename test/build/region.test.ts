/** `build --boards`: a region (several boards) in one run, every year of every board, one browser. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRegionBoards, parseJobs, summariseRegion } from '../../src/cli/commands/build-region.js';
import { runCli } from '../cli/helpers.js';
import { describeWithBrowser, testBrowserPath } from '../pdf/support.js';

let root: string;
let region: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'lscb-region-'));
  region = path.join(root, 'region');
  mkdirSync(region);
  cpSync('data-samples/calderdale', path.join(region, 'calderdale'), { recursive: true });
  cpSync('data-samples/kirklees', path.join(region, 'kirklees'), { recursive: true });
  // Not a board: no board.yaml, so it is passed over.
  mkdirSync(path.join(region, 'notes'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const reportsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.includes('annual-report-')) : []);

describe('build --boards (HTML)', () => {
  it('builds every year of every board into a folder per board, with progress and a summary on stderr', async () => {
    const out = path.join(root, 'html');
    const r = await runCli(['build', '--boards', region, '--out', out, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(reportsIn(path.join(out, 'calderdale'))).toEqual(['calderdale-safeguarding-children-board-annual-report-2012-13.html']);
    expect(reportsIn(path.join(out, 'kirklees'))).toEqual(['kirklees-safeguarding-children-board-annual-report-2008-09.html']);
    expect(existsSync(path.join(out, 'notes'))).toBe(false);
    expect(r.stderr).toContain('Building 2 reports of 2 boards, 2 at a time');
    // Each report's messages under its own heading, then a progress line counting reports and boards.
    expect(r.stderr).toContain('== calderdale 2012-13 ==\nValidating 2012-13');
    expect(r.stderr).toMatch(/\[1\/2 reports, 1\/2 boards\] (calderdale 2012-13|kirklees 2008-09): built\n/);
    expect(r.stderr).toMatch(/\[2\/2 reports, 2\/2 boards\] (calderdale 2012-13|kirklees 2008-09): built\n/);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('Built 2 reports of 2 boards with 0 browser launches.');
    expect(r.stdout).toContain(`to ${path.join(out, 'calderdale')}`);

    // Built two at a time, each report is the same as the board built on its own.
    const alone = path.join(root, 'alone');
    expect((await runCli(['build', '2012-13', '--data', path.join(region, 'calderdale'), '--out', alone, '--format', 'html'])).code).toBe(0);
    for (const file of readdirSync(alone)) expect({ file, same: readFileSync(path.join(alone, file)).equals(readFileSync(path.join(out, 'calderdale', file))) }).toEqual({ file, same: true });
  });

  it('takes board folders one by one too, --jobs 1 building them in order', async () => {
    const out = path.join(root, 'listed');
    const r = await runCli(['build', '--boards', path.join(region, 'kirklees'), path.join(region, 'calderdale'), '--jobs', '1', '--out', out, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1 at a time');
    expect(r.stderr.indexOf('== kirklees 2008-09 ==')).toBeLessThan(r.stderr.indexOf('== calderdale 2012-13 =='));
    expect(reportsIn(path.join(out, 'calderdale'))).toHaveLength(1);
    expect(reportsIn(path.join(out, 'kirklees'))).toHaveLength(1);
  });

  it('goes on past a board with errors, names it and its year last, and exits with its code', async () => {
    const withBroken = path.join(root, 'with-broken');
    cpSync(region, withBroken, { recursive: true });
    cpSync(path.join(region, 'calderdale'), path.join(withBroken, 'broken'), { recursive: true });
    writeFileSync(path.join(withBroken, 'broken', '2012-13', 'lado-referrals.csv'), 'not,the,header\n1,2,3\n');
    const out = path.join(root, 'broken-out');
    const r = await runCli(['build', '--all', '--boards', withBroken, '--out', out, '--format', 'html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('broken 2012-13: failed (exit code 1)');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(
      "Built 2 reports of 3 boards with 0 browser launches; 1 failed: broken 2012-13 (exit code 1). Their messages are above, under each report's heading.",
    );
    expect(reportsIn(path.join(out, 'broken'))).toEqual([]);
    expect(reportsIn(path.join(out, 'calderdale'))).toHaveLength(1);
    expect(reportsIn(path.join(out, 'kirklees'))).toHaveLength(1);
  });

  it('refuses a year, --data, a folder with no board and an impossible --jobs (exit 2)', async () => {
    expect((await runCli(['build', '2012-13', '--boards', region])).code).toBe(2);
    expect((await runCli(['build', '--boards', region, '--data', path.join(region, 'calderdale')])).code).toBe(2);
    const none = await runCli(['build', '--boards', path.join(region, 'notes')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('There is no board in');
    expect((await runCli(['build', '--boards', region, '--jobs', '0'])).code).toBe(2);
    expect((await runCli(['build', '--all', '--data', path.join(region, 'calderdale'), '--jobs', '2'])).code).toBe(2);
  });
});

describe('region helpers', () => {
  it('finds boards in name order and refuses two boards with one name', async () => {
    const boards = await findRegionBoards([region], root);
    expect(boards.map((b) => b.name)).toEqual(['calderdale', 'kirklees']);
    const elsewhere = path.join(root, 'elsewhere');
    cpSync(path.join(region, 'kirklees'), path.join(elsewhere, 'kirklees'), { recursive: true });
    await expect(findRegionBoards([region, path.join(elsewhere, 'kirklees')], root)).rejects.toThrow('Two boards are both named "kirklees"');
  });

  it('parses --jobs and words the summary', () => {
    expect(parseJobs(undefined)).toBe(2);
    expect(parseJobs('3')).toBe(3);
    expect(() => parseJobs('99')).toThrow('from 1 to 8');
    expect(summariseRegion(1, 1, [], 1)).toBe('Built 1 report of 1 board with 1 browser launch.');
  });
});

describeWithBrowser('build --boards with PDFs (real browser)', () => {
  it('prints every report of every board with one browser launch, two at a time', async () => {
    const out = path.join(root, 'pdf');
    const r = await runCli(['build', '--boards', region, '--out', out, '--browser', testBrowserPath()]);
    expect(r.code).toBe(0);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('Built 2 reports of 2 boards with 1 browser launch.');
    expect(readdirSync(path.join(out, 'calderdale')).filter((f) => f.endsWith('.pdf'))).toEqual(['calderdale-safeguarding-children-board-annual-report-2012-13.pdf']);
    expect(readdirSync(path.join(out, 'kirklees')).filter((f) => f.endsWith('.pdf'))).toEqual(['kirklees-safeguarding-children-board-annual-report-2008-09.pdf']);
    // The same bytes as the board's PDF built on its own.
    const alone = path.join(root, 'pdf-alone');
    expect((await runCli(['build', '2008-09', '--data', path.join(region, 'kirklees'), '--out', alone, '--browser', testBrowserPath()])).code).toBe(0);
    const name = 'kirklees-safeguarding-children-board-annual-report-2008-09.pdf';
    expect(readFileSync(path.join(alone, name)).equals(readFileSync(path.join(out, 'kirklees', name)))).toBe(true);
  }, 180_000);
});
