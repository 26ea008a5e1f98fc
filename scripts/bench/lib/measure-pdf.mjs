/**
 * Child process for the PDF row: the tool's BrowserSession.print (contents filled) against a bare
 * puppeteer-core print of the same HTML (A4, backgrounds, tagged, outline) with the same Chromium and
 * flags, and against the tool forced to print the contents numbers from the HTML (two prints, as before).
 * Rounds alternate so drift in the machine affects all alike. Prints one JSON line.
 *   --html FILE --browser PATH --runs N
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importDist } from './dist-modules.mjs';
import { median, now } from './stats.mjs';

const { values } = parseArgs({
  options: {
    html: { type: 'string' },
    browser: { type: 'string' },
    runs: { type: 'string', default: '5' },
  },
});

/** The text of a PDF as pdftotext gives it, or null without poppler-utils. */
function text(bytes, dir, name) {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const r = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout : null;
}

async function main() {
  const html = readFileSync(values.html, 'utf8');
  const runs = Number(values.runs);
  const session = await importDist('pdf/browser-session.js');
  if (!session.mod?.BrowserSession) throw new Error(session.reason ?? 'dist/pdf/browser-session.js has no BrowserSession');
  const { BrowserSession, BROWSER_ARGS } = session.mod;
  const puppeteer = (await import('puppeteer-core')).default;
  const printOptions = { title: 'Annual report', author: 'lscb-report benchmark', language: 'en-GB', date: new Date('2013-08-29T00:00:00Z'), fillContents: true };

  const tool = await BrowserSession.launch(values.browser);
  const bare = await puppeteer.launch({ executablePath: values.browser, headless: true, pipe: true, args: [...BROWSER_ARGS] });
  const bareOnce = async () => {
    const page = await bare.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
    } finally {
      await page.close();
    }
  };

  const toolRuns = [];
  const bareRuns = [];
  const reprintRuns = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lscb-bench-pdf-'));
  try {
    // Warm up each side once; compare the one-print PDF's text with the two-print one's.
    const warm = await tool.print(html, printOptions);
    const twice = await tool.print(html, { ...printOptions, contentsMethod: 'reprint' });
    await bareOnce();
    const a = text(warm.pdf, dir, 'once.pdf');
    const b = text(twice.pdf, dir, 'twice.pdf');
    for (let i = 0; i < runs; i++) {
      let t = now();
      await tool.print(html, printOptions);
      toolRuns.push(now() - t);
      t = now();
      await bareOnce();
      bareRuns.push(now() - t);
      t = now();
      await tool.print(html, { ...printOptions, contentsMethod: 'reprint' });
      reprintRuns.push(now() - t);
    }
    return {
      runs,
      pages: warm.pageCount,
      passes: warm.passes,
      contents: warm.contents,
      patchRefusal: warm.patchRefusal ?? null,
      sameText: a === null || b === null ? null : a === b,
      toolRuns,
      bareRuns,
      reprintRuns,
      toolMs: median(toolRuns),
      bareMs: median(bareRuns),
      reprintMs: median(reprintRuns),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await tool.close();
    await bare.close();
  }
}

try {
  console.log(JSON.stringify(await main()));
} catch (error) {
  console.log(JSON.stringify({ error: String(error?.stack ?? error).split('\n').slice(0, 3).join(' | ') }));
  process.exitCode = 1;
}
