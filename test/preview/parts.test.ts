/** The preview's parts on their own: loopback addresses, ports, the served page, the findings page, the watcher. */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePort, requireLoopbackHost } from '../../src/cli/commands/preview.js';
import { CliError } from '../../src/errors.js';
import { findingsPageHtml } from '../../src/preview/findings-page.js';
import { injectLiveReload, LIVE_RELOAD_PATH, LIVE_RELOAD_SCRIPT, PREVIEW_CSP, PREVIEW_META_CSP } from '../../src/preview/live-reload.js';
import { isLoopbackHost, urlHost } from '../../src/preview/loopback.js';
import { isIgnoredPath, watchBoard, type BoardWatcher } from '../../src/preview/watch-board.js';
import { waitFor } from './support.js';

describe('loopback hosts', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['10.0.0.1', false],
    ['::ffff:192.168.1.10', false],
    ['example.org', false],
    ['localhost.example.org', false],
    ['', false],
  ])('%s → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it('refuses a non-loopback host with a usage error (exit 2) and a hint', () => {
    const error = (() => {
      try {
        requireLoopbackHost('0.0.0.0');
      } catch (e) {
        return e;
      }
    })() as CliError;
    expect(error).toBeInstanceOf(CliError);
    expect(error.exitCode).toBe(2);
    expect(error.hint).toContain('127.0.0.1');
  });

  it('writes IPv6 addresses in brackets for URLs', () => {
    expect(urlHost('::1')).toBe('[::1]');
    expect(urlHost('127.0.0.1')).toBe('127.0.0.1');
  });
});

describe('--port', () => {
  it('defaults to 4173 and accepts 0 to 65535', () => {
    expect(parsePort(undefined)).toBe(4173);
    expect(parsePort('0')).toBe(0);
    expect(parsePort('8080')).toBe(8080);
    expect(parsePort('65535')).toBe(65535);
  });

  it.each(['-1', '65536', 'abc', '80.5', '', '1e3'])('refuses %j with exit 2', (value) => {
    expect(() => parsePort(value)).toThrow(CliError);
    try {
      parsePort(value);
    } catch (e) {
      expect((e as CliError).exitCode).toBe(2);
    }
  });
});

describe('the served page', () => {
  const report = [
    '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<title>R</title><style>p{}</style></head><body><p>Hello</p></body></html>',
  ].join('\n');

  it("replaces the report's own policy (which forbids every script) in place, and adds the version and the client", () => {
    const served = injectLiveReload(report, 'abc123');
    expect(served).not.toContain("default-src 'none'");
    expect(served.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
    expect(served).toContain(`<meta http-equiv="Content-Security-Policy" content="${PREVIEW_META_CSP}">`);
    expect(PREVIEW_CSP).toBe(`${PREVIEW_META_CSP}; frame-ancestors 'none'`);
    expect(served.indexOf('Content-Security-Policy')).toBeLessThan(served.indexOf('<title>'));
    expect(served).toContain('<meta name="lscb-preview-version" content="abc123">');
    expect(served).toContain(`<script src="${LIVE_RELOAD_PATH}" defer></script>\n</head>`);
    expect(served).toContain('<body><p>Hello</p></body>');
  });

  it('has no inline script: the only script is the client served from the preview itself', () => {
    const served = injectLiveReload(report, 'v1');
    expect(served.match(/<script\b[^>]*>/g)).toEqual([`<script src="${LIVE_RELOAD_PATH}" defer>`]);
    expect(PREVIEW_CSP).toContain("script-src 'self'");
    expect(PREVIEW_CSP).not.toMatch(/script-src[^;]*unsafe/);
    expect(PREVIEW_CSP).toContain("default-src 'self'");
  });

  it('keeps a version that could break out of the attribute out of the page', () => {
    expect(injectLiveReload(report, '"><script>x</script>')).toContain('content="scriptxscript"');
  });

  it('the client reloads only when the version differs, and stops on bye', () => {
    expect(LIVE_RELOAD_SCRIPT).toContain("new EventSource(\"/__events\")");
    expect(LIVE_RELOAD_SCRIPT).toContain('event.data !== version');
    expect(LIVE_RELOAD_SCRIPT).toContain("addEventListener('bye'");
  });
});

describe('the findings page', () => {
  const html = findingsPageHtml({
    boardName: 'Test <Board>',
    year: '2012-13',
    reason: 'The returns for 2012-13 have errors, so the report cannot be built.',
    findings: [
      { code: 'value-not-allowed', severity: 'error', file: '2012-13/lado-referrals.csv', row: 3, column: 'Referral source', columnLetter: 'C', value: '<img src=x onerror=alert(1)>', message: 'Not an allowed "source".', hint: 'Use one of: police, health.' },
      { code: 'return-missing', severity: 'warning', file: '2012-13/finance.csv', message: 'The return is missing.' },
    ],
  });

  it('lists each finding with file, row, column, value, message and hint, errors first', () => {
    expect(html).toContain('<th scope="row">Error</th><td><code>2012-13/lado-referrals.csv</code></td><td>3</td><td>C “Referral source”</td>');
    expect(html).toContain('<td>Not an allowed &quot;source&quot;.</td><td>Use one of: police, health.</td>');
    expect(html.indexOf('Error</th>')).toBeLessThan(html.indexOf('Warning</th>'));
    expect(html).toContain('1 error and 1 warning');
  });

  it('escapes every value', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Test &lt;Board&gt;');
    expect(html).not.toMatch(/<script/);
  });
});

describe('watching the board folder', () => {
  let root: string | undefined;
  let watcher: BoardWatcher | undefined;
  afterEach(() => {
    watcher?.close();
    watcher = undefined;
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  it('ignores editor, lock and hidden files', () => {
    for (const p of ['.git/index', '2012-13/.~lock.finance.csv#', '2012-13/narrative/foreword.md~', '2012-13/narrative/.foreword.md.swp', '2012-13/~$finance.xlsx', 'node_modules/x/y.js', '2012-13/4913']) {
      expect(isIgnoredPath(p), p).toBe(true);
    }
    for (const p of ['board.yaml', '2012-13/finance.csv', '2012-13/narrative/foreword.md', 'aggregates/comparators.csv', 'templates/report.css', '']) {
      expect(isIgnoredPath(p), p).toBe(false);
    }
  });

  for (const poll of [false, true]) {
    it(`reports a burst of changes once, after a quiet spell (${poll ? 'polling' : 'change notifications'})`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'lscb-preview-watch-'));
      root = dir;
      mkdirSync(path.join(dir, '2012-13', 'narrative'), { recursive: true });
      writeFileSync(path.join(dir, 'board.yaml'), 'a');
      const calls: string[][] = [];
      watcher = watchBoard(dir, (files) => calls.push(files), { poll, pollIntervalMs: 100, debounceMs: 150 });
      expect(watcher.mode).toBe(poll ? 'poll' : 'events');
      await watcher.ready;
      await new Promise((r) => setTimeout(r, 100));
      writeFileSync(path.join(dir, 'board.yaml'), 'b');
      writeFileSync(path.join(dir, '2012-13', 'narrative', 'foreword.md'), 'new');
      writeFileSync(path.join(dir, '2012-13', 'narrative', '.foreword.md.swp'), 'x');
      await waitFor(() => calls.length > 0, 'a change to be reported', 5000);
      await new Promise((r) => setTimeout(r, 400));
      expect(calls).toHaveLength(1);
      expect(calls[0]).toEqual(expect.arrayContaining(['2012-13/narrative/foreword.md', 'board.yaml']));
      expect(calls[0]).not.toContain('2012-13/narrative/.foreword.md.swp');
    });
  }

  for (const poll of [false, true]) {
    it(`keeps noticing a file an editor saved by renaming a new file over it, and files in new folders (${poll ? 'polling' : 'change notifications'})`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'lscb-preview-watch-'));
      root = dir;
      mkdirSync(path.join(dir, '2012-13'));
      const file = path.join(dir, '2012-13', 'lado-referrals.csv');
      writeFileSync(file, 'a');
      const calls: string[][] = [];
      watcher = watchBoard(dir, (files) => calls.push(files), { poll, pollIntervalMs: 100, debounceMs: 100 });
      await watcher.ready;
      await new Promise((r) => setTimeout(r, 150));
      const expectChange = async (what: string, rel: string) => {
        calls.length = 0;
        await waitFor(() => calls.flat().includes(rel), what, 5000);
      };

      writeFileSync(path.join(dir, '2012-13', '.lado-referrals.csv.tmp'), 'b');
      renameSync(path.join(dir, '2012-13', '.lado-referrals.csv.tmp'), file);
      await expectChange('the atomic save', '2012-13/lado-referrals.csv');
      writeFileSync(file, 'c');
      await expectChange('an in-place save after the atomic one', '2012-13/lado-referrals.csv');
      writeFileSync(file, 'd');
      await expectChange('a second in-place save', '2012-13/lado-referrals.csv');

      mkdirSync(path.join(dir, '2013-14', 'narrative'), { recursive: true });
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(path.join(dir, '2013-14', 'narrative', 'foreword.md'), 'new');
      await expectChange('a file in a new folder', '2013-14/narrative/foreword.md');
    });
  }

  it('reports nothing after close', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lscb-preview-watch-'));
    root = dir;
    const calls: string[][] = [];
    watcher = watchBoard(dir, (files) => calls.push(files), { debounceMs: 50 });
    watcher.close();
    writeFileSync(path.join(dir, 'board.yaml'), 'b');
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toEqual([]);
  });
});
