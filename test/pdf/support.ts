/**
 * What the real-browser PDF tests need: a browser and poppler-utils. Outside CI a machine without them
 * skips those suites with a reason; in CI (CI=true) a missing browser is a failure, never a skip.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe } from 'vitest';
import { findBrowser } from '../../src/pdf/find-browser.js';

/** True on a CI runner, where the browser suites must run. */
export const IN_CI = process.env.CI === 'true';

function locate(): { browserPath: string | null; missing: string | null } {
  const browser = findBrowser({ env: process.env });
  const problems: string[] = [];
  if (browser === null) problems.push('no Chrome, Chromium or Edge found (set CHROME_PATH or install chromium)');
  const poppler = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (poppler.error !== undefined) problems.push('pdftotext/pdfinfo not found (install poppler-utils)');
  return { browserPath: browser?.path ?? null, missing: problems.length > 0 ? problems.join('; ') : null };
}

const located = locate();

/** `describe` for suites that drive a real browser: skipped with a reason locally, failing in CI. */
export function describeWithBrowser(name: string, body: () => void): void {
  if (located.missing !== null && !IN_CI) {
    describe.skip(`${name} [skipped: ${located.missing}]`, body);
  } else {
    describe(name, body);
  }
}

/** The browser to test with; throws (failing the suite) when there is none, which only happens in CI. */
export function testBrowserPath(): string {
  if (located.missing !== null || located.browserPath === null) {
    throw new Error(`The PDF tests need a browser and poppler-utils in CI: ${located.missing ?? 'no browser'}`);
  }
  return located.browserPath;
}

/** A scratch folder removed by the returned function. */
export function scratchDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'lscb-pdf-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Save PDF bytes in `dir` and return the file's path. */
export function savePdf(dir: string, name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** The text of one page (1-based), as `pdftotext -f N -l N` gives it. */
export function pageText(file: string, page: number): string {
  return run('pdftotext', ['-f', String(page), '-l', String(page), file, '-']);
}

/** `pdfinfo -isodates` as key → value. */
export function pdfInfo(file: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-isodates', file]).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) info[match[1]!.trim()] = match[2]!.trim();
  }
  return info;
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * Every word of one page with its box, rounded to 0.1 pt (`pdftotext -bbox`): where the text sits, to
 * compare two printings of the same page. The browser places a right-aligned digit within a few
 * thousandths of a point of where a wider number's last digit was, so finer figures would differ.
 */
export function wordBoxes(file: string, page: number): string[] {
  const xml = run('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', file, '-']);
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
    (m) => `${m[5]} ${[m[1], m[2], m[3], m[4]].map((v) => Number(v).toFixed(1)).join(' ')}`,
  );
}
