/**
 * Helpers for the preview tests: start `preview` through its command function on a board folder and stop
 * it with an AbortSignal; fetch with any Host header; fingerprint a folder; find the test browser.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { describe } from 'vitest';
import { previewCommand, type PreviewOptions } from '../../src/cli/commands/preview.js';
import type { CliIo } from '../../src/cli/io.js';
import { findBrowser } from '../../src/pdf/find-browser.js';

/** How long a wait may last before the test gives up: a generous safety net for a busy machine, not a limit under test. */
export const SAFETY_NET_MS = 180_000;

/** A preview running in this process. */
export interface RunningPreview {
  url: string;
  stdout: () => string;
  stderr: () => string;
  /** Abort the preview and return its exit code. */
  stop: () => Promise<number>;
}

/** Start `preview` on `dir` with port 0 and wait until it prints its address. */
export async function startPreviewForTest(dir: string, options: PreviewOptions = {}, year = '2012-13'): Promise<RunningPreview> {
  const controller = new AbortController();
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { NO_COLOR: '1' },
    cwd: process.cwd(),
    stdoutIsTTY: false,
    signal: controller.signal,
  };
  let settled: { code?: number; error?: unknown } | null = null;
  const done = previewCommand(year, { data: dir, port: '0', ...options }, io).then(
    (code) => {
      settled = { code };
      return code;
    },
    (error: unknown) => {
      settled = { error };
      throw error;
    },
  );
  done.catch(() => undefined);
  const deadline = Date.now() + SAFETY_NET_MS;
  let url: string | undefined;
  while (!url) {
    url = /(http:\/\/\S+\/)/.exec(stdout)?.[1];
    if (url) break;
    if (settled) throw new Error(`preview ended before serving: ${String((settled as { error?: unknown }).error ?? (settled as { code?: number }).code)}\n${stderr}`);
    if (Date.now() > deadline) throw new Error(`preview did not start in ${SAFETY_NET_MS / 1000} s:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    url,
    stdout: () => stdout,
    stderr: () => stderr,
    stop: async () => {
      controller.abort();
      return done;
    },
  };
}

/** An HTTP response as the tests look at it. */
export interface Got {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** GET (or another method) with an explicit Host header, which `fetch` does not allow. */
export function httpGet(url: string, options: { host?: string; method?: string } = {}): Promise<Got> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname: u.hostname, port: u.port, path: u.pathname + u.search, method: options.method ?? 'GET', headers: options.host ? { Host: options.host } : {} },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Read the first `count` events of a Server-Sent Events stream, then close it. */
export function readEvents(url: string, count: number, timeoutMs = SAFETY_NET_MS): Promise<{ headers: Record<string, string | string[] | undefined>; events: { event: string; data: string }[] }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const events: { event: string; data: string }[] = [];
    const req = request({ hostname: u.hostname, port: u.port, path: u.pathname, method: 'GET' }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      const timer = setTimeout(() => {
        req.destroy();
        reject(new Error(`only ${events.length} of ${count} events in ${timeoutMs} ms`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ headers: res.headers, events });
      };
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event !== undefined) events.push({ event, data: data ?? '' });
          if (events.length >= count) return finish();
        }
      });
      res.on('end', finish);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Every file under `dir` with its content hash and modification time: proof nothing was written. */
export function fingerprint(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const childRel = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(childRel);
      else {
        const abs = path.join(dir, childRel);
        out.set(childRel, `${createHash('sha256').update(readFileSync(abs)).digest('hex')} ${statSync(abs).mtimeMs}`);
      }
    }
  };
  walk('');
  return out;
}

/** Wait until `check` returns true (polling), or fail with `what`. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = SAFETY_NET_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // Not yet (e.g. the page is navigating).
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const IN_CI = process.env.CI === 'true';
const browser = findBrowser({ env: process.env });

/** `describe` for the real-browser suite: skipped with a reason on a machine without a browser, failing in CI. */
export function describeWithBrowser(name: string, body: () => void): void {
  if (browser === null && !IN_CI) describe.skip(`${name} [skipped: no Chrome, Chromium or Edge found; set CHROME_PATH]`, body);
  else describe(name, body);
}

/** The browser to test with; throws (failing the suite) when there is none, which only happens in CI. */
export function testBrowserPath(): string {
  if (browser === null) throw new Error('The preview browser test needs Chrome, Chromium or Edge in CI (set CHROME_PATH or install chromium).');
  return browser.path;
}
