/**
 * Import the compiled tool from dist/ without assuming which stages exist yet: each loader returns the
 * module or null with the reason, so the harness can print "not measured: <reason>" instead of crashing.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './generate.mjs';

export const DIST = path.join(REPO_ROOT, 'dist');

/** Import dist/<rel> if it exists; returns { mod } or { reason }. */
export async function importDist(rel) {
  const file = path.join(DIST, rel);
  try {
    await access(file);
  } catch {
    return { reason: `dist/${rel} does not exist (src/${rel.replace(/\.js$/, '.ts')} not written or not built)` };
  }
  try {
    return { mod: await import(pathToFileURL(file).href) };
  } catch (error) {
    return { reason: `dist/${rel} failed to load: ${String(error?.message ?? error).split('\n')[0]}` };
  }
}
