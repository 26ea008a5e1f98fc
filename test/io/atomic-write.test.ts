import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicWriteError, writeFileAtomic, writeFilesAtomic } from '../../src/io/atomic-write.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lscb-atomic-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const at = (name: string) => path.join(dir, name);
const read = (name: string) => readFileSync(at(name), 'utf8');

/** Chunks that fail part-way through, as a renderer that throws would. */
async function* failsAfter(chunks: string[]): AsyncGenerator<string> {
  for (const chunk of chunks) yield chunk;
  throw new Error('renderer blew up');
}

describe('writeFileAtomic', () => {
  it('writes a new file from text, bytes or chunks', async () => {
    await writeFileAtomic(at('a.html'), '<p>é</p>');
    await writeFileAtomic(at('b.pdf'), new Uint8Array([37, 80, 68, 70]));
    await writeFileAtomic(at('c.txt'), ['one ', new TextEncoder().encode('two')]);
    expect([read('a.html'), read('b.pdf'), read('c.txt')]).toEqual(['<p>é</p>', '%PDF', 'one two']);
    expect(readdirSync(dir).sort()).toEqual(['a.html', 'b.pdf', 'c.txt']);
  });

  it('replaces an existing file', async () => {
    writeFileSync(at('report.pdf'), 'old');
    await writeFileAtomic(at('report.pdf'), 'new');
    expect(read('report.pdf')).toBe('new');
    expect(readdirSync(dir)).toEqual(['report.pdf']);
  });

  it('leaves the target unchanged and no temp file when the data fails midway', async () => {
    writeFileSync(at('report.pdf'), 'old');
    const error = await writeFileAtomic(at('report.pdf'), failsAfter(['new ', 'half'])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtomicWriteError);
    expect(error).toMatchObject({ kind: 'write-failed', path: at('report.pdf') });
    expect((error as Error).message).toContain('renderer blew up');
    expect(read('report.pdf')).toBe('old');
    expect(readdirSync(dir)).toEqual(['report.pdf']);
  });

  it('does not create the target when the data fails and there was none', async () => {
    await expect(writeFileAtomic(at('new.pdf'), failsAfter(['x']))).rejects.toThrow(AtomicWriteError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects a chunk that is neither text nor bytes, cleaning up', async () => {
    const bad = [1, 2, 3] as unknown as string[];
    await expect(writeFileAtomic(at('x'), bad)).rejects.toThrow(/chunks must be strings or bytes/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the target, not the temp file, when the folder does not exist', async () => {
    const target = at('missing/report.pdf');
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({
      path: target,
      message: expect.stringMatching(new RegExp(`^Could not write ${escape(target)}: the folder does not exist`)),
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('cleans up when the rename fails (a folder is in the way)', async () => {
    mkdirSync(at('report.pdf'));
    await expect(writeFileAtomic(at('report.pdf'), 'x')).rejects.toThrow(AtomicWriteError);
    expect(readdirSync(dir)).toEqual(['report.pdf']);
  });

  it('ends with one whole version when two writers race', async () => {
    const big = (c: string) => c.repeat(1_000_000);
    await Promise.all([writeFileAtomic(at('r.txt'), big('a')), writeFileAtomic(at('r.txt'), big('b'))]);
    expect([big('a'), big('b')]).toContain(read('r.txt'));
    expect(readdirSync(dir)).toEqual(['r.txt']);
  });
});

describe('writeFilesAtomic', () => {
  it('writes every file', async () => {
    await writeFilesAtomic([
      { path: at('report.html'), data: 'html' },
      { path: at('report.pdf'), data: 'pdf' },
    ]);
    expect([read('report.html'), read('report.pdf')]).toEqual(['html', 'pdf']);
  });

  it('changes no target when any file fails, even one listed later', async () => {
    writeFileSync(at('report.html'), 'old html');
    writeFileSync(at('report.pdf'), 'old pdf');
    await expect(
      writeFilesAtomic([
        { path: at('report.html'), data: 'new html' },
        { path: at('report.pdf'), data: failsAfter(['new pdf, half']) },
      ]),
    ).rejects.toMatchObject({ path: at('report.pdf') });
    expect([read('report.html'), read('report.pdf')]).toEqual(['old html', 'old pdf']);
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'report.pdf']);
  });

  it('changes no target when a later file is in a missing folder', async () => {
    writeFileSync(at('report.html'), 'old html');
    await expect(
      writeFilesAtomic([
        { path: at('report.html'), data: 'new html' },
        { path: at('nope/report.pdf'), data: 'pdf' },
      ]),
    ).rejects.toThrow(AtomicWriteError);
    expect(read('report.html')).toBe('old html');
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('refuses the same target twice before writing anything', async () => {
    await expect(
      writeFilesAtomic([
        { path: at('a'), data: '1' },
        { path: path.join(dir, '.', 'a'), data: '2' },
      ]),
    ).rejects.toThrow(/listed twice/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('does nothing for an empty list', async () => {
    await writeFilesAtomic([]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
