/**
 * Child process for the PDF row: the tool's BrowserSession.print (contents filled) against a bare
 * puppeteer-core print of the same HTML (A4, backgrounds, tagged, outline) with the same Chromium and
 * flags, and against the tool forced to print the contents numbers from the HTML (two prints, as before).
 * Rounds alternate so drift in the machine affects all alike. Prints one JSON line.
 *   --board DIR --year YEAR --browser PATH --runs N
 * The HTML and the print options (metadata, running heads and header) are made as `build` makes them,
 * from dist/, so the tool's side is the print a user's `build` runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importDist } from './dist-modules.mjs';
import { median, now } from './stats.mjs';

const { values } = parseArgs({
  options: {
    board: { type: 'string' },
    year: { type: 'string' },
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

/** The report's HTML and print options, as `build` makes them for the published edition. */
async function reportAsBuilt(dir, year) {
  const need = async (rel) => {
    const m = await importDist(rel);
    if (!m.mod) throw new Error(m.reason);
    return m.mod;
  };
  const { loadBoard } = await need('load/load-board.js');
  const { validateYear } = await need('validate/validate-year.js');
  const { discloseIndicators } = await need('disclosure/disclose-indicators.js');
  const { assembleReport, reportPdfMetadata } = await need('report/build-report.js');
  const { resolveEdition } = await need('cli/commands/build.js');
  const board = await loadBoard(dir);
  const { edition, threshold } = resolveEdition({}, board);
  const validated = await validateYear(dir, year, { board, threshold });
  const disclosed = discloseIndicators(validated.indicators, { edition, threshold, publicMeasures: board.config?.disclosure.publicMeasures });
  const assembled = await assembleReport(board, validated.data, disclosed, { sourceDateEpoch: null, draft: false });
  return { html: assembled.html, options: { ...reportPdfMetadata(assembled.model, board, null), fillContents: true } };
}

async function main() {
  const { html, options: printOptions } = await reportAsBuilt(values.board, values.year);
  const runs = Number(values.runs);
  const session = await importDist('pdf/browser-session.js');
  if (!session.mod?.BrowserSession) throw new Error(session.reason ?? 'dist/pdf/browser-session.js has no BrowserSession');
  const { BrowserSession, BROWSER_ARGS } = session.mod;
  const puppeteer = (await import('puppeteer-core')).default;

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
