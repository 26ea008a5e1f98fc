/** Doctor check: the output folder can be written to (by writing and removing a small file there). */
import { randomBytes } from 'node:crypto';
import { rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { makeDir } from '../io/make-dir.js';
import path from 'node:path';
import type { DoctorCheckResult } from './types.js';

function reason(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    default:
      return code ?? 'unknown error';
  }
}

/**
 * Check `dir` is a folder lscb-report can write to. A folder that does not exist yet is created for the
 * test and removed again, so the check leaves the machine as it found it.
 */
export async function checkOutputFolder(dir: string, shown: string): Promise<DoctorCheckResult> {
  const title = 'Output folder';
  let createdFrom: string | undefined;
  try {
    const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (info !== null && !info.isDirectory()) {
      return { id: 'output', status: 'fail', title, detail: `${shown} is a file, not a folder.`, fix: `Remove the file, or choose another folder with --out DIR.` };
    }
    if (info === null) createdFrom = await makeDir(dir);
    const probe = path.join(dir, `.lscb-report-doctor-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    await writeFile(probe, 'lscb-report doctor\n', { flag: 'wx' });
    await rm(probe, { force: true });
    return {
      id: 'output',
      status: 'pass',
      title,
      detail: `${shown} is writable${info === null ? ' (it does not exist yet; a build will create it)' : ''}`,
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const fix =
      code === 'EACCES' || code === 'EPERM'
        ? `Choose a folder you can write to with --out DIR, or ask for permission to write to ${shown}.`
        : 'Choose a folder you can write to with --out DIR.';
    return { id: 'output', status: 'fail', title, detail: `${shown} cannot be written to: ${reason(code)}.`, fix };
  } finally {
    if (createdFrom !== undefined) await removeCreated(dir, createdFrom);
  }
}

/** Remove the empty folders from `dir` up to and including `top`, which this check created. */
async function removeCreated(dir: string, top: string): Promise<void> {
  let current = dir;
  for (;;) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
    if (path.resolve(current) === path.resolve(top)) return;
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
