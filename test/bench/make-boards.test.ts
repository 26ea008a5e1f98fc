import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The benchmark generator is a plain ESM script (scripts/bench/); it has no type declarations.
// @ts-expect-error untyped .mjs module
import { makeBoards } from '../../scripts/bench/lib/generate.mjs';
import { validateYear } from '../../src/validate/validate-year.js';

async function hashTree(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (d: string): Promise<void> => {
    for (const e of (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name !== 'manifest.json') hash.update(path.relative(dir, p)).update(await readFile(p));
    }
  };
  await walk(dir);
  return hash.digest('hex');
}

describe('benchmark board generator (scripts/bench/make-boards.mjs)', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'lscb-bench-test-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes boards that validate with no errors, year after year', async () => {
    const out = path.join(root, 'a');
    const manifest = await makeBoards({ scale: 0.1, boards: 2, years: 2, out });
    expect(manifest.boards.map((b: { dir: string }) => b.dir)).toEqual(['board-01', 'board-02']);
    for (const b of manifest.boards as { dir: string }[]) {
      for (const year of manifest.years as string[]) {
        const { findings } = await validateYear(path.join(out, b.dir), year);
        const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.file}:${f.row ?? ''} ${f.message}`);
        expect(errors, `${b.dir} ${year}`).toEqual([]);
      }
    }
  });

  it('sizes a year like a large authority at scale 1', async () => {
    const out = path.join(root, 'b');
    const manifest = await makeBoards({ scale: 1, years: 1, out });
    const rows = manifest.boards[0].rows[manifest.years[0]];
    expect(rows['child-protection-plans.csv']).toBeGreaterThan(1700);
    expect(rows['child-protection-plans.csv']).toBeLessThan(2300);
    expect(rows['lado-referrals.csv']).toBeGreaterThan(500);
    expect(rows['lado-referrals.csv']).toBeLessThan(700);
    expect(rows['training-attendance.csv']).toBeGreaterThan(13500);
    expect(rows['training-attendance.csv']).toBeLessThan(16500);
  });

  it('is deterministic: the same options give the same bytes', async () => {
    await makeBoards({ scale: 0.2, years: 2, out: path.join(root, 'c1') });
    await makeBoards({ scale: 0.2, years: 2, out: path.join(root, 'c2') });
    expect(await hashTree(path.join(root, 'c1'))).toBe(await hashTree(path.join(root, 'c2')));
  });
});
