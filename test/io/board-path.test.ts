/**
 * The one path guard: a narrative file, a return, the narrative folder or a year folder that is a symbolic
 * link leading outside the board is a finding (or, for a year, a clear message), and never published.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { OutsideBoardError, readBoardDir, readBoardFile } from '../../src/io/board-path.js';
import { runCli } from '../cli/helpers.js';
import { BoardFiles } from '../corpus/board-files.js';

const BASE = fileURLToPath(new URL('../corpus/base/', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'lscb-path-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A secret outside every board: its words must never reach a finding or an output.
const SECRET = path.join(work, 'secret.txt');
writeFileSync(SECRET, 'root:x:0:0:SECRET-LINE\n');

let n = 0;
function board(link: (dir: string) => void): string {
  const dir = path.join(work, `board-${++n}`);
  BoardFiles.fromDir(BASE).writeTo(dir);
  link(dir);
  return dir;
}

async function validateJson(dir: string, year = '2012-13') {
  const r = await runCli(['validate', year, '--data', dir, '--format', 'json']);
  return { ...r, findings: r.code === 2 ? [] : (JSON.parse(r.stdout) as { findings: { code: string; file: string }[] }).findings };
}

describe('files outside the board folder', () => {
  it('a narrative file linked to a file outside is a finding, and the build publishes nothing', async () => {
    const dir = board((d) => {
      rmSync(path.join(d, '2012-13/narrative/foreword.md'));
      symlinkSync(SECRET, path.join(d, '2012-13/narrative/foreword.md'));
    });
    const v = await validateJson(dir);
    expect(v.code).toBe(1);
    expect(v.findings.filter((f) => f.code === 'file-outside-board').map((f) => f.file)).toEqual(['2012-13/narrative/foreword.md']);
    expect(v.stdout).not.toContain('SECRET-LINE');
    const out = path.join(work, `out-${n}`);
    const b = await runCli(['build', '2012-13', '--data', dir, '--out', out, '--format', 'html']);
    expect(b.code).toBe(1);
    expect(`${b.stdout}${b.stderr}`).toContain('file-outside-board');
    expect(`${b.stdout}${b.stderr}`).not.toContain('SECRET-LINE');
    let written: string[] = [];
    try {
      written = readdirSync(out);
    } catch {
      written = [];
    }
    expect(written).toEqual([]);
  });

  it('a return linked outside, and a narrative folder linked outside, are findings', async () => {
    const outsideNarrative = path.join(work, 'elsewhere-narrative');
    mkdirSync(outsideNarrative, { recursive: true });
    symlinkSync(SECRET, path.join(outsideNarrative, 'foreword.md'));
    const dir = board((d) => {
      rmSync(path.join(d, '2012-13/finance.csv'));
      symlinkSync(SECRET, path.join(d, '2012-13/finance.csv'));
      rmSync(path.join(d, '2012-13/narrative'), { recursive: true });
      symlinkSync(outsideNarrative, path.join(d, '2012-13/narrative'));
    });
    const v = await validateJson(dir);
    expect(v.code).toBe(1);
    expect(v.findings.filter((f) => f.code === 'file-outside-board').map((f) => f.file).sort()).toEqual(['2012-13/finance.csv', '2012-13/narrative']);
    expect(v.stdout).not.toContain('SECRET-LINE');
  });

  it('a link that stays inside the board is read as usual', async () => {
    const dir = board((d) => {
      writeFileSync(path.join(d, 'shared-foreword.md'), '# Foreword\n\nShared text.\n');
      rmSync(path.join(d, '2012-13/narrative/foreword.md'));
      symlinkSync(path.join(d, 'shared-foreword.md'), path.join(d, '2012-13/narrative/foreword.md'));
    });
    const v = await validateJson(dir);
    expect(v.findings.filter((f) => f.code === 'file-outside-board')).toEqual([]);
  });

  it('a year folder linked outside the board is named as such, not "no data"', async () => {
    const real = board(() => {});
    const dir = path.join(work, 'linked-year');
    mkdirSync(dir);
    BoardFiles.fromDir(BASE).writeTo(path.join(work, 'tmp-base'));
    rmSync(path.join(work, 'tmp-base', '2012-13'), { recursive: true });
    for (const f of readdirSync(path.join(work, 'tmp-base'))) symlinkSync(path.join(work, 'tmp-base', f), path.join(dir, f));
    rmSync(path.join(dir, 'board.yaml'));
    writeFileSync(path.join(dir, 'board.yaml'), BoardFiles.fromDir(BASE).text('board.yaml'));
    symlinkSync(path.join(real, '2012-13'), path.join(dir, '2012-13'));
    const v = await validateJson(dir);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain('The year folder 2012-13');
    expect(v.stderr).toContain('is a link to a place outside the board folder');
  });

  it('the guard refuses a relative path that climbs out with .. or is absolute, whatever its depth', async () => {
    const dir = board(() => {});
    const cases = ['../secret.txt', '2012-13/../../secret.txt', '../../../../../../etc/passwd', SECRET];
    for (const rel of cases) {
      const abs = path.resolve(dir, rel);
      await expect(readBoardFile(abs, rel), rel).rejects.toBeInstanceOf(OutsideBoardError);
      await expect(readBoardDir(path.dirname(abs), path.dirname(rel)), rel).rejects.toBeInstanceOf(OutsideBoardError);
    }
    // A plain path inside the board still reads.
    expect((await readBoardFile(path.join(dir, 'board.yaml'), 'board.yaml')).length).toBeGreaterThan(0);
  });
});
