/**
 * Draft and strict (issue 14): a published-edition build refuses the placeholder text `init` writes and
 * unwritten sections unless --draft, which marks every page DRAFT; --strict fails on any warning;
 * findings are listed once, errors first, and --quiet lists errors only.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithBrowser, testBrowserPath } from '../pdf/support.js';
import { runCli } from './helpers.js';

const MINIMAL = fileURLToPath(new URL('../hostile/fixtures/minimal-board/', import.meta.url));
const YEAR = '2013-14';

let root: string;
/** A board exactly as `init` makes it, nothing filled in. */
let fresh: string;
let draftOut: string;
let draftRun: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'lscb-draft-strict-'));
  fresh = path.join(root, 'fresh');
  expect((await runCli(['init', fresh, '--year', YEAR])).code).toBe(0);
  draftOut = path.join(root, 'draft-out');
  draftRun = await runCli(['build', YEAR, '--data', fresh, '--out', draftOut, '--format', 'html', '--draft']);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a published build refuses placeholders; --draft builds a marked draft', () => {
  it('build on an unfilled init board exits 1, names every placeholder, and writes nothing', async () => {
    const out = path.join(root, 'refused');
    const r = await runCli(['build', YEAR, '--data', fresh, '--out', out, '--format', 'html']);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/Wrote/);
    expect(existsSync(out)).toBe(false);
    for (const key of ['board.name', 'board.area', 'board.chair']) expect(r.stderr).toContain(`board.yaml column "${key}"  [config-placeholder]`);
    expect(r.stderr).toContain(`${YEAR}/narrative/foreword.md line 1  [narrative-placeholder]`);
    expect(r.stderr).toContain(`${YEAR}/recommendations.yaml  [recommendations-placeholder]`);
    expect(r.stderr).toContain('build a draft with --draft');
    expect(r.stderr).toMatch(new RegExp(`${YEAR}: \\d+ errors, \\d+ warnings \\(placeholder text or unwritten sections: build with --draft for a draft\\): the report was not built`));
  });

  it('with --draft it builds, to -draft file names, and the HTML says DRAFT in its title, banner and page footer', () => {
    expect(draftRun.code, draftRun.stderr).toBe(0);
    const files = readdirSync(draftOut).sort();
    expect(files).toEqual([
      `safeguarding-children-board-annual-report-${YEAR}-draft.html`,
      `safeguarding-children-board-indicators-${YEAR}-draft.csv`,
      `safeguarding-children-board-indicators-${YEAR}-draft.json`,
    ]);
    const html = readFileSync(path.join(draftOut, files[0]!), 'utf8');
    expect(html).toMatch(/<title>DRAFT: /);
    expect(html).toContain('<aside class="edition-banner" aria-label="Edition"><p><strong>DRAFT – NOT FOR PUBLICATION</strong>');
    // The printed page footer, on every page but the cover (which carries the banner).
    expect(html).toMatch(/@bottom-center \{ content: "DRAFT – NOT FOR PUBLICATION · Page " counter\(page\)/);
    expect(draftRun.stderr).toContain('Building a DRAFT');
  });

  it('the internal edition of an unfilled board builds without --draft (it is never published)', async () => {
    const r = await runCli(['build', YEAR, '--data', fresh, '--out', path.join(root, 'internal'), '--format', 'html', '--edition', 'internal']);
    expect(r.code, r.stderr).toBe(0);
  });

  it('"To write:" left anywhere else in the report (here a note in the middle of a narrative) still stops a published build', async () => {
    const board = path.join(root, 'leftover');
    cpSync(MINIMAL, board, { recursive: true });
    appendFileSync(path.join(board, '2012-13', 'narrative', 'foreword.md'), '\nTo write: the outcome of the audit, once agreed.\n');
    const r = await runCli(['build', '2012-13', '--data', board, '--out', path.join(root, 'leftover-out'), '--format', 'html']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('[placeholder-in-output]');
    expect(r.stderr).toContain('"To write: the outcome of the audit, once agreed."');
    expect(existsSync(path.join(root, 'leftover-out'))).toBe(false);
    expect((await runCli(['build', '2012-13', '--data', board, '--out', path.join(root, 'leftover-draft'), '--format', 'html', '--draft'])).code).toBe(0);
  });
});

describe('--strict, --quiet and the order of findings', () => {
  let warned: string;
  beforeAll(() => {
    // The minimal board has no findings at all; one extra column gives it exactly one warning.
    warned = path.join(root, 'warned');
    cpSync(MINIMAL, warned, { recursive: true });
    const file = path.join(warned, '2012-13', 'lado-referrals.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, lines.map((l, i) => (l === '' ? l : `${l},${i === 0 ? 'Notes' : 'x'}`)).join('\n'));
  });

  it('validate: exit 0 with a warning, exit 1 with --strict (text and JSON say why)', async () => {
    const plain = await runCli(['validate', '2012-13', '--data', warned]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('[unexpected-column]');
    const strict = await runCli(['validate', '2012-13', '--data', warned, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/2012-13: 0 errors, \d+ warnings?: not valid under --strict, which fails on any warning\./);
    const json = await runCli(['validate', '2012-13', '--data', warned, '--strict', '--format', 'json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: false, strict: true, errors: 0 });
    expect(JSON.parse((await runCli(['validate', '2012-13', '--data', warned, '--format', 'json'])).stdout)).toMatchObject({ valid: true, strict: false });
    // A board without warnings passes --strict; one with any fails it.
    const base = JSON.parse((await runCli(['validate', '2012-13', '--data', MINIMAL, '--format', 'json'])).stdout) as { warnings: number };
    expect((await runCli(['validate', '2012-13', '--data', MINIMAL, '--strict'])).code).toBe(base.warnings === 0 ? 0 : 1);
  });

  it('build: --strict stops on the warning and writes nothing; without it the build goes on', async () => {
    const out = path.join(root, 'strict-out');
    const strict = await runCli(['build', '2012-13', '--data', warned, '--out', out, '--format', 'html', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('[unexpected-column]');
    expect(strict.stderr).toContain('--strict stops on any warning');
    expect(existsSync(out)).toBe(false);
    const plain = await runCli(['build', '2012-13', '--data', warned, '--out', out, '--format', 'html']);
    expect(plain.code).toBe(0);
    // Listed once per run, not once for validation and again for the build.
    expect(plain.stderr.match(/\[unexpected-column\]/g)).toHaveLength(1);
  });

  it('lists errors before warnings, and --quiet lists the errors only while the summary counts both', async () => {
    const board = path.join(root, 'mixed');
    cpSync(warned, board, { recursive: true });
    // An error in a file that sorts after the warning's file.
    appendFileSync(path.join(board, '2012-13', 'training-events.csv'), 'not,a,valid,row,at,all\n');
    const r = await runCli(['validate', '2012-13', '--data', board]);
    expect(r.code).toBe(1);
    const severities = [...r.stdout.matchAll(/^(error|warning) /gm)].map((m) => m[1]);
    expect(severities[0]).toBe('error');
    expect(severities.lastIndexOf('error')).toBeLessThan(severities.indexOf('warning'));
    const quiet = await runCli(['validate', '2012-13', '--data', board, '--quiet']);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).not.toMatch(/^warning /m);
    expect(quiet.stdout).toMatch(/^error /m);
    expect(quiet.stdout).toMatch(/2012-13: \d+ errors?, [1-9]\d* warnings?: not valid/);
    const build = await runCli(['build', '2012-13', '--data', board, '--out', path.join(root, 'mixed-out'), '--format', 'html', '--quiet']);
    expect(build.code).toBe(1);
    expect(build.stderr).not.toMatch(/^warning /m);
  });
});

describe('build --all names the years that failed', () => {
  it('says which years were built and which failed, with the first failure as the exit code', async () => {
    const board = path.join(root, 'two-years');
    cpSync(MINIMAL, board, { recursive: true });
    cpSync(path.join(board, '2012-13'), path.join(board, '2013-14'), { recursive: true });
    writeFileSync(path.join(board, '2013-14', 'lado-referrals.csv'), 'no,such,header\n1,2,3\n');
    const r = await runCli(['build', '--all', '--data', board, '--out', path.join(root, 'all-out'), '--format', 'html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Built 1 year (2012-13) with 0 browser launches; 1 failed: 2013-14 (exit code 1).');
    expect(r.stderr).not.toMatch(/Built 2 years/);
  });
});

describeWithBrowser('--draft marks every page of the PDF (real browser)', () => {
  it('every page of the draft PDF says DRAFT', async () => {
    const out = path.join(root, 'draft-pdf');
    const r = await runCli(['build', YEAR, '--data', fresh, '--out', out, '--format', 'pdf', '--draft', '--browser', testBrowserPath()]);
    expect(r.code, r.stderr).toBe(0);
    const pdf = path.join(out, readdirSync(out).find((f) => f.endsWith('-draft.pdf'))!);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(3);
    for (let page = 1; page <= pages; page++) {
      const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text, `page ${page}`).toContain('DRAFT – NOT FOR PUBLICATION');
    }
  });
});
