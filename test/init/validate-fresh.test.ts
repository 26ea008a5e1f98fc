/**
 * `validate` on a folder straight from `init`: no crash, no errors (exit 0: warnings only), and findings
 * that list every return still to collect and every piece of text still to write.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_SECTIONS, boardSections } from '../../src/config/sections.js';
import { RETURN_SUPPLIERS } from '../../src/init/return-suppliers.js';
import { returnsFor } from '../../src/returns/definitions.js';
import { validateYear } from '../../src/validate/validate-year.js';
import { runCli } from '../cli/helpers.js';

interface JsonFinding {
  code: string;
  severity: string;
  file: string;
  row: number | null;
  column: string | null;
  message: string;
  hint: string | null;
}

let work: string;
let dir: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'lscb-init-validate-'));
  dir = path.join(work, 'board');
  const r = await runCli(['init', dir, '--year', '2013-14', '--area', 'Kirklees']);
  expect(r.code).toBe(0);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('validate on a fresh init folder', () => {
  it('exits 0 with warnings only: one per return to collect, narrative to write, and placeholder setting', async () => {
    const r = await runCli(['validate', '2013-14', '--data', dir, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { valid: boolean; errors: number; findings: JsonFinding[] };
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.valid).toBe(true);

    const empty = report.findings.filter((f) => f.code === 'return-empty');
    expect(empty.map((f) => f.file).sort()).toEqual(returnsFor('board').map((d) => `2013-14/${d.file}`).sort());
    for (const def of returnsFor('board')) {
      const f = empty.find((x) => x.file === `2013-14/${def.file}`)!;
      expect(f.severity).toBe('warning');
      expect(f.message).toContain(`collect this return from ${RETURN_SUPPLIERS[def.id]}`);
      for (const section of def.sections) {
        expect(f.hint).toContain(`"${KNOWN_SECTIONS.find((s) => s.id === section)!.title}"`);
      }
    }

    const narrative = report.findings.filter((f) => f.code === 'narrative-placeholder');
    expect(narrative.map((f) => [f.file, f.row])).toEqual(
      boardSections().map((s) => [`2013-14/narrative/${s.id}.md`, 1]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(report.findings.filter((f) => f.code === 'recommendations-placeholder').map((f) => f.file)).toEqual(['2013-14/recommendations.yaml']);
    expect(report.findings.filter((f) => f.code === 'config-placeholder').map((f) => f.column)).toEqual(['board.chair']);
  });

  it('prints the list as text, ending with the verdict, and no stack trace', async () => {
    const r = await runCli(['validate', '2013-14', '--data', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\n\s+at /);
    expect(r.stdout).toContain('warning 2013-14/lado-referrals.csv  [return-empty]\n');
    expect(r.stdout).toContain('"LADO referrals" has no rows yet: collect this return from the Local Authority Designated Officer (LADO).');
    expect(r.stdout).toMatch(/2013-14: 0 errors, \d+ warnings: valid\.\n$/);
  });

  it('stops warning about a return once it has a row, and about narrative once it is written', async () => {
    await writeFile(path.join(dir, '2013-14', 'elearning-completions.csv'), 'Course,Completions\r\nAn Introduction to Safeguarding Children,94\r\n');
    await writeFile(path.join(dir, '2013-14', 'narrative', 'foreword.md'), 'Children in Kirklees are safer than a year ago.\n');
    const { findings } = await validateYear(dir, '2013-14');
    const codes = (file: string) => findings.filter((f) => f.file === file).map((f) => f.code);
    expect(codes('2013-14/elearning-completions.csv')).not.toContain('return-empty');
    expect(codes('2013-14/narrative/foreword.md')).not.toContain('narrative-placeholder');
    expect(codes('2013-14/narrative/training.md')).toContain('narrative-placeholder');
  });

  it('can be switched off like any check', async () => {
    const { findings } = await validateYear(dir, '2013-14', { disabledChecks: ['placeholders'] });
    const ours = ['return-empty', 'narrative-placeholder', 'recommendations-placeholder', 'config-placeholder'];
    expect(findings.filter((f) => ours.includes(f.code))).toEqual([]);
  });
});
