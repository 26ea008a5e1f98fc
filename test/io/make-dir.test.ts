/** makeDir: creates missing parents one level at a time, and fails (never hangs) where a folder cannot be made. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDir } from '../../src/io/make-dir.js';

const work = mkdtempSync(path.join(tmpdir(), 'lscb-mkdir-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('makeDir', () => {
  it('creates a folder and its missing parents, returning the first one it made', async () => {
    const dir = path.join(work, 'a', 'b', 'c');
    expect(await makeDir(dir)).toBe(path.join(work, 'a'));
    expect(existsSync(dir)).toBe(true);
    expect(await makeDir(dir)).toBeUndefined();
  });

  it('fails with ENOTDIR under a file', async () => {
    writeFileSync(path.join(work, 'file'), 'x');
    await expect(makeDir(path.join(work, 'file', 'sub'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it.runIf(process.platform === 'linux')('fails under /proc, where mkdir with { recursive: true } never settles', async () => {
    await expect(makeDir('/proc/lscb-report-test/x')).rejects.toMatchObject({ code: expect.stringMatching(/^E/) });
  });
});
