/**
 * Creating an output folder and its missing parents. Node's `mkdir(dir, { recursive: true })` never
 * settles for some paths in special file systems (`/proc/x` on Linux), so the folders are created one
 * level at a time, from the nearest one that exists, and any failure is an ordinary error.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Create `dir` and any missing parents. Returns the first folder it created (as `mkdir` with `recursive`
 * does), or undefined when `dir` already existed. Throws the `mkdir` error (EACCES, ENOENT, ENOTDIR …).
 */
export async function makeDir(dir: string): Promise<string | undefined> {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    try {
      const info = await stat(current);
      if (!info.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${current}'`), { code: 'ENOTDIR', path: current });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return missing[0];
}
