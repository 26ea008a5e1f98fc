/**
 * Issue 15: `init --kind partnership` starts a safeguarding partnership's folder for its yearly report under
 * Working Together 2023, and `validate` and `build --draft` work on it as it stands.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { boardConfigSchema } from '../../src/config/board-config.js';
import { PARTNERSHIP_SECTIONS } from '../../src/config/sections.js';
import { catalogue } from '../../src/guidance/catalogue.js';
import { isToWrite } from '../../src/init/placeholders.js';
import { returnDef, returnsFor } from '../../src/returns/definitions.js';
import { runCli } from '../cli/helpers.js';

interface JsonFinding {
  code: string;
  severity: string;
  file: string;
  value?: string | null;
  message: string;
}

let work: string;
let dir: string;
let initOut: { code: number; stdout: string; stderr: string };
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'lscb-init-partnership-'));
  dir = path.join(work, 'partnership');
  initOut = await runCli(['init', dir, '--kind', 'partnership', '--year', '2023-24', '--area', 'Kirklees']);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('init --kind partnership', () => {
  it('writes a partnership board.yaml: kind, Working Together 2023, the three partners to write, the 2023 sections', async () => {
    expect(initOut.stderr).toBe('');
    expect(initOut.code).toBe(0);
    expect(initOut.stdout).toContain('a safeguarding partnership, Working Together 2023');
    const config = boardConfigSchema.parse(parse(await readFile(path.join(dir, 'board.yaml'), 'utf8')));
    expect(config.kind).toBe('partnership');
    expect(config.board.name).toBe('Kirklees Safeguarding Children Partnership');
    expect(config.guidance?.edition).toBe('wt2023');
    expect(catalogue().get('wt2023')!.kind).toBe('partnership');
    const partners = config.partners!;
    for (const value of [partners.localAuthority, partners.police, partners.health]) expect(isToWrite(value), value).toBe(true);
    expect(partners.relevantAgencies).toEqual([]);
    expect(config.sections.map((s) => (typeof s === 'string' ? s : s.id))).toEqual([...PARTNERSHIP_SECTIONS]);
  });

  it('writes the partnership returns blank, the practice-reviews return among them, and no recommendations file', async () => {
    const year = await readdir(path.join(dir, '2023-24'));
    for (const def of returnsFor('partnership')) expect(year, def.file).toContain(def.file);
    expect(year).not.toContain('recommendations.yaml');
    const practice = returnDef('practiceReviews');
    const text = (await readFile(path.join(dir, '2023-24', practice.file), 'utf8')).replace(/^\uFEFF/, '');
    expect(text.trim().split(/\r?\n/)).toHaveLength(1); // the header row only
    const guide = await readFile(path.join(dir, '2023-24', 'README.md'), 'utf8');
    expect(guide).toContain(`\`${practice.file}\``);
    expect(guide).toContain("the partnership's data");
  });

  it('writes a narrative placeholder for every default section except the generated statement', async () => {
    const narrative = (await readdir(path.join(dir, '2023-24', 'narrative'))).sort();
    expect(narrative).toEqual(PARTNERSHIP_SECTIONS.filter((s) => s !== 'appendix-guidance').map((s) => `${s}.md`).sort());
    expect(await readFile(path.join(dir, '2023-24', 'narrative', 'impact.md'), 'utf8')).toContain("the partnership's own words for 2023-24");
  });

  it('validates with warnings only: each Working Together 2023 requirement unmet, with its reference', async () => {
    const r = await runCli(['validate', '2023-24', '--data', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { valid: boolean; findings: JsonFinding[] };
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const unmet = report.findings.filter((f) => f.code === 'guidance-requirement-unmet');
    expect(unmet.map((f) => f.value)).toEqual(catalogue().get('wt2023')!.requirements.map((q) => q.id));
    expect(unmet.every((f) => f.message.startsWith('Working Together to Safeguard Children (2023), Chapter 2, reporting'))).toBe(true);
    expect(report.findings.some((f) => f.code === 'return-empty' && f.file === '2023-24/practice-reviews.csv')).toBe(true);
    // The three partners init leaves to write are listed like every other setting still to write.
    const toWrite = report.findings.filter((f) => f.code === 'config-placeholder').map((f) => f.column);
    expect(toWrite).toEqual(expect.arrayContaining(['partners.localAuthority', 'partners.police', 'partners.health']));
  });

  it('builds a draft report with the statutory statement', async () => {
    const out = path.join(work, 'out');
    const r = await runCli(['build', '2023-24', '--data', dir, '--out', out, '--format', 'html', '--draft']);
    expect(r.code).toBe(0);
    const html = await readFile(path.join(out, 'kirklees-safeguarding-children-partnership-annual-report-2023-24-draft.html'), 'utf8');
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('How this report meets the statutory guidance');
    expect(text).toContain('Learning from serious incidents and practice reviews');
  });

  it('refuses an unknown kind', async () => {
    const r = await runCli(['init', path.join(work, 'other'), '--kind', 'trust']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/kind/);
    await expect(readdir(path.join(work, 'other'))).rejects.toThrow();
  });
});
