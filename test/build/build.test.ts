import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';
import { copySample, SAMPLE_DIR } from '../report/sample.js';

const NAMES = {
  html: 'calderdale-safeguarding-children-board-annual-report-2012-13.html',
  pdf: 'calderdale-safeguarding-children-board-annual-report-2012-13.pdf',
  json: 'calderdale-safeguarding-children-board-indicators-2012-13.json',
  csv: 'calderdale-safeguarding-children-board-indicators-2012-13.csv',
};

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lscb-build-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function sampleCopy(): string {
  const c = copySample();
  cleanups.push(c.remove);
  return c.dir;
}

describe('build', () => {
  it('--format html writes the HTML and indicators and never looks for a browser', async () => {
    const out = scratch();
    // A --browser that does not exist would fail any attempt to print.
    const r = await runCli(['build', '2012-13', '--data', SAMPLE_DIR, '--out', out, '--format', 'html', '--browser', '/no/such/chrome']);
    expect(r.stderr).not.toContain('Printing the PDF');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([NAMES.csv, NAMES.json, NAMES.html].sort());
    const lastLine = r.stdout.trimEnd().split('\n').at(-1)!;
    expect(lastLine).toContain(NAMES.html);
    expect(lastLine).toContain(out);
    expect(lastLine).not.toContain('.pdf');
    const json = JSON.parse(readFileSync(path.join(out, NAMES.json), 'utf8')) as { year: string; indicators: { id: string }[] };
    expect(json.year).toBe('2012-13');
    expect(json.indicators.some((i) => i.id === 'lado.referrals')).toBe(true);
    expect(readFileSync(path.join(out, NAMES.csv), 'utf8').split('\n')[0]).toMatch(/id/);
  });

  it('writes to ./out by default', async () => {
    const cwd = scratch();
    const r = await runCli(['build', '2012-13', '--data', SAMPLE_DIR, '--format', 'html'], { cwd });
    expect(r.code).toBe(0);
    expect(existsSync(path.join(cwd, 'out', NAMES.html))).toBe(true);
  });

  it('without a browser: exit 3 with install help, the HTML still written, no success claimed for the PDF', async () => {
    const out = scratch();
    const r = await runCli(['build', '2012-13', '--data', SAMPLE_DIR, '--out', out, '--browser', '/no/such/chrome']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('/no/such/chrome');
    expect(r.stderr).toMatch(/Chrom|browser/);
    expect(readdirSync(out).sort()).toEqual([NAMES.csv, NAMES.json, NAMES.html].sort());
    expect(r.stdout).toContain('no PDF');
    expect(r.stdout).not.toContain(NAMES.pdf);
  });

  it('stops with exit 1 and the validation findings when the returns have errors, writing nothing', async () => {
    const dir = sampleCopy();
    appendFileSync(path.join(dir, '2012-13', 'lado-referrals.csv'), 'L-9999,2012-13-45,police,education,sexual,yes,substantiated,,no,no\n');
    const out = scratch();
    const r = await runCli(['build', '2012-13', '--data', dir, '--out', out, '--format', 'html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('lado-referrals.csv');
    expect(r.stderr).toContain('the report was not built');
    expect(readdirSync(out)).toEqual([]);
  });

  it('stops with exit 1 when the narrative cites an unknown figure, naming the file and the id', async () => {
    const dir = sampleCopy();
    const file = path.join(dir, '2012-13', 'narrative', 'foreword.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n\nThere were {{value "cp.plans_opne_at_year_end"}} plans.\n`);
    const out = scratch();
    const r = await runCli(['build', '2012-13', '--data', dir, '--out', out, '--format', 'html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2012-13/narrative/foreword.md');
    expect(r.stderr).toContain('cp.plans_opne_at_year_end');
    // Validation finds it first (its own check); the build's renderer would refuse it too (narrative tests).
    expect(r.stderr).toMatch(/\[(unknown-indicator|narrative-unknown-figure)\]/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses a board template that escapes the board folder (exit 1)', async () => {
    const dir = sampleCopy();
    const config = path.join(dir, 'board.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^template: default$/m, 'template: ../../'));
    const out = scratch();
    const r = await runCli(['build', '2012-13', '--data', dir, '--out', out, '--format', 'html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[template-path-escape]');
    expect(readdirSync(out)).toEqual([]);
  });

  it('rejects an unknown format as a usage error', async () => {
    const r = await runCli(['build', '2012-13', '--data', SAMPLE_DIR, '--format', 'docx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown format "docx"');
  });
});
