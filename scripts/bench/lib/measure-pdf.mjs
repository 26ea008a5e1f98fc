/**
 * Child process for the PDF row: the tool's BrowserSession against a bare puppeteer-core script printing the
 * same HTML in the same way (A4, backgrounds, tagged, outline), with the same Chromium and flags. Runs
 * alternate between the two so that drift in the machine affects both alike. Prints one JSON line.
 *   --html FILE --browser PATH --runs N [--fill-contents]
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importDist } from './dist-modules.mjs';
import { median, now } from './stats.mjs';

const { values } = parseArgs({
  options: {
    html: { type: 'string' },
    browser: { type: 'string' },
    runs: { type: 'string', default: '5' },
    'fill-contents': { type: 'boolean', default: false },
    meta: { type: 'string' },
  },
});

async function main() {
  const html = await readFile(values.html, 'utf8');
  const runs = Number(values.runs);
  const session = await importDist('pdf/browser-session.js');
  if (!session.mod?.BrowserSession) throw new Error(session.reason ?? 'dist/pdf/browser-session.js has no BrowserSession');
  const { BrowserSession, BROWSER_ARGS } = session.mod;
  const puppeteer = (await import('puppeteer-core')).default;

  // The metadata `build` would stamp (written by the render child), or a stand-in.
  const meta = values.meta
    ? JSON.parse(await readFile(values.meta, 'utf8'))
    : { title: 'Annual report', author: 'lscb-report benchmark', subject: 'benchmark', language: 'en-GB', date: '2013-08-29T00:00:00Z' };
  const printOptions = { ...meta, date: new Date(meta.date), fillContents: values['fill-contents'] };
  const metadata = await importDist('pdf/metadata.js');

  let t = now();
  const tool = await BrowserSession.launch(values.browser);
  const toolLaunchMs = now() - t;
  t = now();
  const bare = await puppeteer.launch({ executablePath: values.browser, headless: true, pipe: true, args: [...(BROWSER_ARGS ?? ['--no-sandbox'])] });
  const bareLaunchMs = now() - t;

  const bareOnce = async () => {
    const page = await bare.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
    } finally {
      await page.close();
    }
  };

  /** The bare print plus the tool's lock-down (JavaScript off, requests intercepted, wait for fonts). */
  const lockedOnce = async () => {
    const page = await bare.newPage();
    try {
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', (req) => (req.url().startsWith('data:') && !req.isNavigationRequest() ? req.continue() : req.abort('blockedbyclient')).catch(() => undefined));
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
    } finally {
      await page.close();
    }
  };

  const toolMs = [];
  const lockedMs = [];
  const bareMs = [];
  const onePassMs = [];
  const metadataMs = [];
  let passes = null;
  let pages = null;
  let bareBytes = 0;
  let toolBytes = 0;
  try {
    // Warm-up both browsers once (first page, font cache).
    const warm = await tool.print(html, printOptions);
    passes = warm.passes;
    pages = warm.pageCount;
    await bareOnce();
    for (let i = 0; i < runs; i++) {
      t = now();
      const r = await tool.print(html, printOptions);
      toolMs.push(now() - t);
      toolBytes = r.pdf.length;
      t = now();
      const b = await bareOnce();
      bareMs.push(now() - t);
      bareBytes = b.length;
      t = now();
      await lockedOnce();
      lockedMs.push(now() - t);
      if (values['fill-contents']) {
        t = now();
        await tool.print(html, { ...printOptions, fillContents: false });
        onePassMs.push(now() - t);
      }
      if (metadata.mod?.applyPdfMetadata) {
        t = now();
        await metadata.mod.applyPdfMetadata(b, printOptions);
        metadataMs.push(now() - t);
      }
    }
  } finally {
    await tool.close();
    await bare.close();
  }
  return {
    runs,
    htmlBytes: Buffer.byteLength(html),
    pages,
    passes,
    toolLaunchMs,
    bareLaunchMs,
    toolMs: median(toolMs),
    bareMs: median(bareMs),
    onePassMs: median(onePassMs),
    lockedMs: median(lockedMs),
    metadataMs: median(metadataMs),
    toolBytes,
    bareBytes,
  };
}

try {
  console.log(JSON.stringify(await main()));
} catch (error) {
  console.log(JSON.stringify({ error: String(error?.stack ?? error).split('\n').slice(0, 3).join(' | ') }));
  process.exitCode = 1;
}
