/**
 * `preview` over HTTP, started through its command function on a copy of the sample board with port 0 and
 * stopped with an AbortSignal: the report with the preview's content security policy, the live-reload
 * client and event stream, requests it refuses, findings in the page while the data is invalid and the
 * report again once fixed, nothing written to the board folder, and the command-line errors.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_CSP } from '../../src/preview/live-reload.js';
import { runCli } from '../cli/helpers.js';
import { copySample, SAMPLE_DIR } from '../report/sample.js';
import { fingerprint, httpGet, readEvents, startPreviewForTest, waitFor, type RunningPreview } from './support.js';

const TITLE = '<title>Calderdale Safeguarding Children Board annual report 2012-13</title>';

describe('preview serving the sample board', () => {
  let board: ReturnType<typeof copySample>;
  let before: Map<string, string>;
  let preview: RunningPreview;

  beforeAll(async () => {
    board = copySample();
    before = fingerprint(board.dir);
    preview = await startPreviewForTest(board.dir);
  });

  afterAll(async () => {
    await preview?.stop();
    board?.remove();
  });

  it('prints the address it serves on this computer', () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(preview.stdout()).toBe(`Previewing the 2012-13 report at ${preview.url}\n`);
  });

  it('serves the report with a strict content security policy and the live-reload client', async () => {
    const res = await httpGet(preview.url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(PREVIEW_CSP);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain(TITLE);
    expect(res.body).toContain('<script src="/__live-reload.js" defer></script>');
    expect(res.body.match(/<script\b[^>]*>/g)).toEqual(['<script src="/__live-reload.js" defer>']);
    expect(res.body).not.toContain("default-src 'none'");
    expect(res.body).toMatch(/<meta name="lscb-preview-version" content="[0-9a-f]{16}">/);
  });

  it('serves the client script from its own origin, with the same policy', async () => {
    const res = await httpGet(new URL('/__live-reload.js', preview.url).href);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(PREVIEW_CSP);
    expect(res.body).toContain('new EventSource("/__events")');
  });

  it('sends the page version as soon as a page connects to /__events', async () => {
    const page = await httpGet(preview.url);
    const version = /name="lscb-preview-version" content="([0-9a-f]+)"/.exec(page.body)![1];
    const { headers, events } = await readEvents(new URL('/__events', preview.url).href, 1);
    expect(headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(headers['content-security-policy']).toBe(PREVIEW_CSP);
    expect(events).toEqual([{ event: 'version', data: version }]);
  });

  it('answers HEAD without a body', async () => {
    const res = await httpGet(preview.url, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
  });

  it('refuses requests addressed to another host name (DNS rebinding), writes and unknown paths', async () => {
    const port = new URL(preview.url).port;
    expect((await httpGet(preview.url, { host: `evil.example:${port}` })).status).toBe(403);
    expect((await httpGet(preview.url, { host: 'evil.example' })).status).toBe(403);
    expect((await httpGet(preview.url, { host: `localhost:${port}` })).status).toBe(200);
    const post = await httpGet(preview.url, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    const missing = await httpGet(new URL('/2012-13/finance.csv', preview.url).href);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-security-policy']).toBe(PREVIEW_CSP);
  });

  it('stops cleanly on abort with exit code 0, closing open event streams, and wrote nothing in the board folder', async () => {
    const streams = readEvents(new URL('/__events', preview.url).href, 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(await preview.stop()).toBe(0);
    expect((await streams).events).toEqual([expect.objectContaining({ event: 'version' }), { event: 'bye', data: 'stopped' }]);
    expect(preview.stderr()).toContain('Preview stopped.');
    await expect(httpGet(preview.url)).rejects.toThrow(/ECONNREFUSED/);
    expect(fingerprint(board.dir)).toEqual(before);
  });
});

describe('preview while the data is invalid', () => {
  let board: ReturnType<typeof copySample>;
  let preview: RunningPreview;
  const lado = () => path.join(board.dir, '2012-13', 'lado-referrals.csv');
  let original: string;

  beforeAll(async () => {
    board = copySample();
    original = readFileSync(lado(), 'utf8');
    preview = await startPreviewForTest(board.dir);
  });

  afterAll(async () => {
    await preview?.stop();
    board?.remove();
  });

  it('shows the findings, escaped, instead of the report, tells open pages, and recovers when fixed', async () => {
    const events = readEvents(new URL('/__events', preview.url).href, 3);
    const lines = original.split('\n');
    expect(lines[1]).toContain(',cafcass,');
    lines[1] = lines[1]!.replace(',cafcass,', ',<b>cafcass</b>,');
    writeFileSync(lado(), lines.join('\n'));

    let page = '';
    await waitFor(async () => {
      page = (await httpGet(preview.url)).body;
      return page.includes('cannot be shown yet');
    }, 'the findings page');
    expect(page).not.toContain(TITLE);
    expect(page).toContain('<code>2012-13/lado-referrals.csv</code></td><td>2</td><td>C “Referral source”</td><td><code>&lt;b&gt;cafcass&lt;/b&gt;</code></td>');
    expect(page).toContain('is not an allowed value.');
    expect(page).toContain('Did you mean &quot;cafcass&quot;?');
    expect(page).not.toContain('<b>cafcass</b>');
    expect(page).toContain('<script src="/__live-reload.js" defer></script>');
    expect(preview.stderr()).toContain('2012-13 after a change to 2012-13/lado-referrals.csv: 1 error, 0 warnings; the page lists them until the errors are fixed.');

    writeFileSync(lado(), original);
    await waitFor(async () => (await httpGet(preview.url)).body.includes(TITLE), 'the report again');
    const { events: seen } = await events;
    expect(seen.map((e) => e.event)).toEqual(['version', 'version', 'version']);
    expect(new Set(seen.map((e) => e.data)).size).toBe(2);
    expect(seen[2]!.data).toBe(seen[0]!.data);
  });
});

describe('preview with --poll (network drives)', () => {
  it('notices a changed narrative file by scanning the folder', async () => {
    const board = copySample();
    const preview = await startPreviewForTest(board.dir, { poll: true });
    try {
      const file = path.join(board.dir, '2012-13', 'narrative', 'finance.md');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\nThe polled sentence is here.\n`);
      await waitFor(async () => (await httpGet(preview.url)).body.includes('The polled sentence is here.'), 'the polled change');
    } finally {
      expect(await preview.stop()).toBe(0);
      board.remove();
    }
  });
});

describe('preview on the command line', () => {
  it.each(['0.0.0.0', '192.168.1.10', '::', 'example.org'])('refuses --host %s with exit 2', async (host) => {
    const r = await runCli(['preview', '2012-13', '--data', SAMPLE_DIR, '--host', host, '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`The preview only runs on this computer, so it cannot listen on "${host}".`);
    expect(r.stderr).toContain('--host 127.0.0.1');
    expect(r.stdout).toBe('');
  });

  it('says so, with exit 2 and a hint, when the port is in use', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await runCli(['preview', '2012-13', '--data', SAMPLE_DIR, '--port', String(port)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`lscb-report: Port ${port} on 127.0.0.1 is already in use.`);
      expect(r.stderr).toContain('--port 0 to pick a free one');
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('refuses a bad port, a bad year and a year the board does not have, with exit 2', async () => {
    expect((await runCli(['preview', '2012-13', '--data', SAMPLE_DIR, '--port', 'http'])).code).toBe(2);
    expect((await runCli(['preview', '2012', '--data', SAMPLE_DIR, '--port', '0'])).code).toBe(2);
    const r = await runCli(['preview', '2013-14', '--data', SAMPLE_DIR, '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('There is no data for 2013-14');
  });

  it('is listed in the help', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout).toMatch(/preview \[options\] <year>\s+serve the report on this computer/);
  });
});
