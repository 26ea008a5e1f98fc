import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, type PrintOptions, type PrintResult } from '../../src/pdf/browser-session.js';
import { PdfError } from '../../src/pdf/errors.js';
import { describeWithBrowser, pageText, pdfInfo, savePdf, scratchDir, testBrowserPath, wordBoxes } from './support.js';

const FIXTURE = readFileSync(new URL('./fixtures/report-with-contents.html', import.meta.url), 'utf8');

const META: PrintOptions = {
  title: 'Northshire LSCB Annual Report 2024-25',
  author: 'Northshire Local Safeguarding Children Board',
  subject: 'Statutory annual report',
  keywords: ['safeguarding', 'annual report', '2024-25'],
  language: 'en-GB',
  date: new Date('2025-09-30T00:00:00Z'),
};

/** The fixture's contents entries: target id, contents title, heading text, and where it should land. */
const ENTRIES = [
  { id: 'foreword', title: 'Foreword', heading: 'Foreword from the independent chair', page: 3 },
  { id: 'governance', title: 'Governance', heading: 'Governance and accountability arrangements', page: 4 },
  { id: 'reviews-2.1', title: 'Reviews', heading: 'Serious case reviews this year', page: 5 },
  { id: 'appendixé', title: 'Appendix', heading: 'Appendix of data tables', page: 6 },
];

const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('BrowserSession.launch', () => {
  it('rejects with PdfError "launch-failed" when the executable cannot start', async () => {
    await expect(BrowserSession.launch('/nonexistent/chrome', { launchTimeoutMs: 5_000 })).rejects.toMatchObject({
      kind: 'pdf-failed',
      reason: 'launch-failed',
      message: expect.stringContaining('/nonexistent/chrome'),
    });
  });
});

describeWithBrowser('BrowserSession with a real browser', () => {
  let session: BrowserSession;
  let scratch: ReturnType<typeof scratchDir>;

  beforeAll(async () => {
    scratch = scratchDir();
    session = await BrowserSession.launch(testBrowserPath());
  });
  afterAll(async () => {
    await session?.close();
    scratch?.remove();
  });

  describe('a report with a contents page (fillContents)', () => {
    let result: PrintResult;
    let file: string;

    beforeAll(async () => {
      result = await session.print(FIXTURE, { ...META, fillContents: true });
      file = savePdf(scratch.dir, 'report.pdf', result.pdf);
    });

    it('prints every page once, writing the contents numbers into the printed PDF', () => {
      expect(result.pageCount).toBe(6);
      expect(pdfInfo(file)['Pages']).toBe('6');
      expect({ passes: result.passes, contents: result.contents, refusal: result.patchRefusal }).toEqual({ passes: 1, contents: 'patched', refusal: undefined });
    });

    it('reads exactly as the same report printed again with the numbers in the HTML', async () => {
      const reprinted = await session.print(FIXTURE, { ...META, fillContents: true, contentsMethod: 'reprint' });
      expect({ passes: reprinted.passes, contents: reprinted.contents }).toEqual({ passes: 2, contents: 'reprinted' });
      const other = savePdf(scratch.dir, 'reprinted.pdf', reprinted.pdf);
      expect(reprinted.pageCount).toBe(result.pageCount);
      for (let n = 1; n <= result.pageCount; n++) expect({ page: n, text: pageText(file, n) }).toEqual({ page: n, text: pageText(other, n) });
      expect(wordBoxes(file, 2)).toEqual(wordBoxes(other, 2));
    });

    it('puts each heading on the page the page map says, and nowhere else', () => {
      for (const entry of ENTRIES) {
        const pagesWithHeading = Array.from({ length: result.pageCount }, (_, i) => i + 1).filter((n) =>
          squash(pageText(file, n)).includes(entry.heading),
        );
        expect({ id: entry.id, pages: pagesWithHeading }).toEqual({ id: entry.id, pages: [entry.page] });
        expect(result.contentsPages.get(entry.id)).toBe(entry.page);
      }
    });

    it('prints the right page number beside each contents entry, and no placeholder is left', () => {
      const contents = squash(pageText(file, 2));
      for (const entry of ENTRIES) expect(contents).toContain(`${entry.title} ${entry.page}`);
      expect(contents).not.toMatch(/\b00\b/);
    });

    it('sets the metadata, with dates from the options', () => {
      const info = pdfInfo(file);
      expect({
        Title: info['Title'],
        Author: info['Author'],
        Subject: info['Subject'],
        Keywords: info['Keywords'],
        Creator: info['Creator'],
        Producer: info['Producer'],
        CreationDate: info['CreationDate'],
        ModDate: info['ModDate'],
      }).toEqual({
        Title: 'Northshire LSCB Annual Report 2024-25',
        Author: 'Northshire Local Safeguarding Children Board',
        Subject: 'Statutory annual report',
        Keywords: 'safeguarding, annual report, 2024-25',
        Creator: 'lscb-report',
        Producer: 'lscb-report',
        CreationDate: '2025-09-30T00:00:00Z',
        ModDate: '2025-09-30T00:00:00Z',
      });
    });

    it('stays a tagged PDF with a language after the metadata step', async () => {
      expect(pdfInfo(file)['Tagged']).toBe('yes');
      const doc = await PDFDocument.load(result.pdf, { updateMetadata: false });
      expect(doc.catalog.lookup(PDFName.of('StructTreeRoot'))).toBeInstanceOf(PDFDict);
      expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('en-GB');
    });

    it('keeps bookmarks for the headings', async () => {
      const doc = await PDFDocument.load(result.pdf, { updateMetadata: false });
      const titles = outlineTitles(doc);
      for (const entry of ENTRIES) expect(titles).toContain(entry.heading);
    });

    it('is byte-identical when printed again, in this session or a new one', async () => {
      const again = await session.printPdf(FIXTURE, { ...META, fillContents: true });
      expect(Buffer.from(again).equals(Buffer.from(result.pdf))).toBe(true);

      const other = await BrowserSession.launch(testBrowserPath());
      try {
        const fresh = await other.printPdf(FIXTURE, { ...META, fillContents: true });
        expect(Buffer.from(fresh).equals(Buffer.from(result.pdf))).toBe(true);
      } finally {
        await other.close();
      }
    });
  });

  it('places the numbers as print styles align them, even when the screen aligns them otherwise', async () => {
    // On screen the placeholders are right-aligned; a print-only rule puts them on the left.
    const html = FIXTURE.replace('</style>', '@media print { .toc-page { text-align: left; } }\n</style>');
    const once = await session.print(html, { ...META, fillContents: true });
    const twice = await session.print(html, { ...META, fillContents: true, contentsMethod: 'reprint' });
    expect({ passes: once.passes, contents: once.contents }).toEqual({ passes: 1, contents: 'patched' });
    const a = savePdf(scratch.dir, 'left-once.pdf', once.pdf);
    const b = savePdf(scratch.dir, 'left-twice.pdf', twice.pdf);
    expect(wordBoxes(a, 2)).toEqual(wordBoxes(b, 2));
    // And they did move: the right-aligned report puts "3" further right.
    const right = savePdf(scratch.dir, 'right.pdf', (await session.print(FIXTURE, { ...META, fillContents: true })).pdf);
    expect(wordBoxes(a, 2)).not.toEqual(wordBoxes(right, 2));
  });

  it('prints again with the numbers in the HTML when a shorter number cannot be placed exactly (centred)', async () => {
    const html = FIXTURE.replace('text-align: right;', 'text-align: center;');
    const r = await session.print(html, { ...META, fillContents: true });
    expect({ passes: r.passes, contents: r.contents }).toEqual({ passes: 2, contents: 'reprinted' });
    expect(r.patchRefusal).toContain('neither right- nor left-aligned');
    const file = savePdf(scratch.dir, 'centred.pdf', r.pdf);
    const contents = squash(pageText(file, 2));
    for (const entry of ENTRIES) expect(contents).toContain(`${entry.title} ${entry.page}`);
  });

  it('prints again when a digit the numbers need is drawn nowhere else in that font (not in the embedded subset)', async () => {
    // Without the footer's "Page 1" … "Page 6", the digits 3 to 6 appear nowhere in the sans-serif font.
    const html = FIXTURE.replace(' font-family: sans-serif; }', ' font-family: serif; }');
    const r = await session.print(html, { ...META, fillContents: true });
    expect({ passes: r.passes, contents: r.contents }).toEqual({ passes: 2, contents: 'reprinted' });
    expect(r.patchRefusal).toMatch(/^the digit \d is not in the embedded font$/);
    const file = savePdf(scratch.dir, 'no-digits.pdf', r.pdf);
    const contents = squash(pageText(file, 2));
    for (const entry of ENTRIES) expect(contents).toContain(`${entry.title} ${entry.page}`);
  });

  it('fails with "contents-unresolved" when a contents entry points at an id that is not there', async () => {
    const html = FIXTURE.replace('data-toc-target="governance"', 'data-toc-target="no-such-section"');
    await expect(session.print(html, { ...META, fillContents: true })).rejects.toMatchObject({
      reason: 'contents-unresolved',
      message: expect.stringContaining('#no-such-section'),
    });
  });

  it('makes no network request for external resources, and says what it refused', async () => {
    const server = await countingServer();
    const cssFile = path.join(scratch.dir, 'local.css');
    writeFileSync(cssFile, 'body::before { content: "FILE CSS APPLIED"; }');
    try {
      const u = (name: string) => `${server.origin}/${name}`;
      // With JavaScript off, <script src> is never even requested; the zero count below covers it.
      const external = ['style.css', 'import.css', 'img.png', 'bg.png', 'font.woff2', 'frame.html', 'obj'];
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
        <link rel="preconnect" href="${u('')}"><link rel="dns-prefetch" href="//example.invalid">
        <link rel="prefetch" href="${u('prefetch')}"><link rel="preload" as="image" href="${u('preload.png')}">
        <link rel="stylesheet" href="${u('style.css')}">
        <link rel="stylesheet" href="${pathToFileURL(cssFile).href}">
        <link rel="stylesheet" href="data:text/css,body::after%7Bcontent:'DATA CSS APPLIED'%7D">
        <style>@import url("${u('import.css')}"); body { background: url("${u('bg.png')}"); }
          @font-face { font-family: Remote; src: url("${u('font.woff2')}"); } p { font-family: Remote, sans-serif; }</style>
        <script src="${u('script.js')}"></script></head>
        <body><p>Self-contained text</p><img src="${u('img.png')}" alt=""><iframe src="${u('frame.html')}"></iframe>
        <object data="${u('obj')}"></object></body></html>`;

      const result = await session.print(html, META);
      await new Promise((resolve) => setTimeout(resolve, 500)); // give any stray connection time to arrive

      expect({ connections: server.connections, requests: server.requests }).toEqual({ connections: 0, requests: [] });
      for (const name of external) expect(result.blockedRequests).toContain(u(name));

      const text = squash(pageText(savePdf(scratch.dir, 'network.pdf', result.pdf), 1));
      expect(text).toContain('Self-contained text');
      expect(text).toContain('DATA CSS APPLIED'); // data: resources are allowed
      expect(text).not.toContain('FILE CSS APPLIED'); // Chromium refuses file: from the page before interception

      // Control: the server does see requests, so zero above means none were made.
      await fetch(u('control'));
      expect(server.requests).toEqual(['/control']);
    } finally {
      await server.close();
    }
  });

  it('runs no script: inline, event handlers, or in a frame', async () => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>
      <body onload="document.body.append('ONLOAD RAN')">
      <p id="target">ORIGINAL TEXT</p>
      <script>document.getElementById('target').textContent = 'SCRIPT RAN';</script>
      <img src="data:image/png;base64,broken" alt="" onerror="document.body.append('ONERROR RAN')">
      <iframe srcdoc="<p>FRAME TEXT</p><script>parent.document.body.append('FRAME SCRIPT RAN')</script>"></iframe>
      <noscript><p>NOSCRIPT VISIBLE</p></noscript>
      </body></html>`;
    const result = await session.print(html, META);
    const text = squash(pageText(savePdf(scratch.dir, 'script.pdf', result.pdf), 1));
    expect(text).toContain('ORIGINAL TEXT');
    expect(text).toContain('NOSCRIPT VISIBLE');
    for (const marker of ['SCRIPT RAN', 'ONLOAD RAN', 'ONERROR RAN', 'FRAME SCRIPT RAN']) {
      expect(text).not.toContain(marker);
    }
  });

  it('stops a print that runs out of time with PdfError "timeout", and the session still works', async () => {
    await expect(session.print(FIXTURE, { ...META, timeoutMs: 1 })).rejects.toMatchObject({
      kind: 'pdf-failed',
      reason: 'timeout',
    });
    expect((await session.print(FIXTURE, META)).pageCount).toBe(6);
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const printing = session.print(FIXTURE, { ...META, signal: controller.signal });
    controller.abort();
    await expect(printing).rejects.toMatchObject({ reason: 'aborted' });
  });

  it('rejects with PdfError "crashed" when the browser dies mid-print, and close() still cleans up', async () => {
    const doomed = await BrowserSession.launch(testBrowserPath());
    try {
      expect(existsSync(doomed.profileDir)).toBe(true);
      const printing = doomed.print(FIXTURE, { ...META, fillContents: true });
      process.kill(doomed.pid ?? -1, 'SIGKILL');
      await expect(printing).rejects.toMatchObject({ kind: 'pdf-failed', reason: 'crashed' });
      expect(doomed.isConnected).toBe(false);
      await expect(doomed.print(FIXTURE, META)).rejects.toBeInstanceOf(PdfError);
    } finally {
      await doomed.close();
    }
    expect(existsSync(doomed.profileDir)).toBe(false);
  });

  it('refuses to print after close(), and close() can be called twice', async () => {
    const shortLived = await BrowserSession.launch(testBrowserPath());
    await shortLived.close();
    await shortLived.close();
    expect(existsSync(shortLived.profileDir)).toBe(false);
    await expect(shortLived.print(FIXTURE, META)).rejects.toMatchObject({ reason: 'session-closed' });
  });
});

/** Titles of every bookmark, depth first. */
function outlineTitles(doc: PDFDocument): string[] {
  const titles: string[] = [];
  const visit = (item: PDFDict | undefined, depth: number): void => {
    for (let node = item; node !== undefined && depth < 10; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString);
      if (title !== undefined) titles.push(title.decodeText());
      visit(node.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  visit(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return titles;
}

/** An HTTP server on 127.0.0.1 that counts every connection and request it receives. */
async function countingServer(): Promise<{
  origin: string;
  connections: number;
  requests: string[];
  close: () => Promise<void>;
}> {
  const state = { connections: 0, requests: [] as string[] };
  const server = http.createServer((request, response) => {
    state.requests.push(request.url ?? '');
    response.end('body { }');
  });
  server.on('connection', () => {
    state.connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    get connections() {
      return state.connections;
    },
    get requests() {
      return state.requests;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
