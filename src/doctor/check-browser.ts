/**
 * Doctor checks for the PDF stage: which browser a build would use and where it was found, that it starts
 * and prints a one-page PDF, and that the text of that PDF was set in real, embedded fonts.
 */
import { browserInstallHelp, findBrowser, listBrowserCandidates, type BrowserLocation } from '../pdf/find-browser.js';
import { BrowserSession } from '../pdf/browser-session.js';
import { BrowserNotFoundError, PdfError } from '../pdf/errors.js';
import { listPdfFonts, type PdfFontInfo } from './pdf-fonts.js';
import type { DoctorCheckResult } from './types.js';

/** The report's body font stack (as the charts use): the test page is set in it. */
export const REPORT_FONT_STACK = '"Liberation Sans", Arial, Helvetica, sans-serif';

/** Font names (as PDFs spell them, without spaces) that mean the report's own font stack was used. */
const STACK_FONTS = ['liberationsans', 'arial', 'arialmt', 'helvetica'];

/** A one-page test document: headings, body text, figures and the £ and – a report prints. */
export const TEST_PAGE_HTML = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>lscb-report doctor</title>
<style>
@page { size: A4; margin: 20mm; }
body { font-family: ${REPORT_FONT_STACK}; font-size: 11pt; line-height: 1.4; }
</style>
</head>
<body>
<h1>Safeguarding children: annual report test page</h1>
<p>Children on child protection plans at 31 March: 217 (237 last year), a fall of 8.4%.</p>
<p>Expenditure £207,509 – income £254,212; carried forward £46,703.</p>
<p><strong>Bold text</strong> and <em>italic text</em> in the report’s font.</p>
</body>
</html>
`;

/** What the browser checks may read from the machine. */
export interface BrowserCheckOptions {
  /** `--browser` flag value. */
  flag?: string;
  env: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  /** Limits for starting the browser and printing the test page, in ms. */
  launchTimeoutMs?: number;
  printTimeoutMs?: number;
}

/** The date stamped on the test PDF (it is never saved; a fixed date keeps the check free of the clock). */
const TEST_PDF_DATE = new Date(Date.UTC(2000, 0, 1));

function whereFound(found: BrowserLocation, options: BrowserCheckOptions): string {
  switch (found.source) {
    case 'flag':
      return 'given with --browser';
    case 'env': {
      const variable = listBrowserCandidates({ env: options.env, platform: options.platform }).find(
        (c) => c.source === 'env' && c.path === found.path,
      )?.detail;
      return `from the ${variable ?? 'CHROME_PATH'} environment variable`;
    }
    case 'puppeteer-cache':
      return "from Puppeteer's download cache";
    case 'system':
      return 'in the usual install location';
    case 'path':
      return 'on PATH';
  }
}

/** Find the browser a build would use. */
export function locateBrowser(options: BrowserCheckOptions): { result: DoctorCheckResult; browser: BrowserLocation | null } {
  const platform = options.platform ?? process.platform;
  const title = 'Browser for the PDF';
  try {
    const found = findBrowser({ flag: options.flag, env: options.env, platform });
    if (found === null) {
      return {
        browser: null,
        result: {
          id: 'browser',
          status: 'fail',
          title,
          detail: 'No Chrome, Chromium or Edge found (looked at --browser, CHROME_PATH, PUPPETEER_EXECUTABLE_PATH, Puppeteer\'s cache, the usual install locations and PATH).',
          fix: browserInstallHelp(platform),
        },
      };
    }
    return {
      browser: found,
      result: { id: 'browser', status: 'pass', title, detail: `${found.path} (${whereFound(found, options)})` },
    };
  } catch (error) {
    if (error instanceof BrowserNotFoundError) {
      return { browser: null, result: { id: 'browser', status: 'fail', title, detail: error.message, fix: error.hint } };
    }
    throw error;
  }
}

/** Judge the fonts of the printed test page: present, embedded, and ideally the report's own. */
export function judgeFonts(fonts: PdfFontInfo[]): DoctorCheckResult {
  const title = 'Fonts';
  if (fonts.length === 0) {
    return {
      id: 'fonts',
      status: 'fail',
      title,
      detail: 'The test PDF has no fonts, so its text did not render.',
      fix: 'Install the Liberation fonts (Debian/Ubuntu: sudo apt-get install fonts-liberation; Fedora: sudo dnf install liberation-sans-fonts).',
    };
  }
  const missing = fonts.filter((f) => !f.embedded);
  const names = [...new Set(fonts.map((f) => f.name))].join(', ');
  if (missing.length > 0) {
    return {
      id: 'fonts',
      status: 'fail',
      title,
      detail: `The test PDF uses fonts that are not embedded (${[...new Set(missing.map((f) => f.name))].join(', ')}), so readers may see other fonts or none.`,
      fix: 'Install the Liberation fonts (Debian/Ubuntu: sudo apt-get install fonts-liberation) so the browser embeds a real font.',
    };
  }
  const usesStack = fonts.some((f) => STACK_FONTS.some((s) => f.name.toLowerCase().replace(/[\s-]/g, '').startsWith(s)));
  if (usesStack) {
    return { id: 'fonts', status: 'pass', title, detail: `text renders in the report's font, embedded in the PDF (${names})` };
  }
  return {
    id: 'fonts',
    status: 'pass',
    title,
    detail: `text renders and is embedded, but in a fallback font (${names}): the report's fonts (Liberation Sans, Arial) are not installed`,
    fix: 'For the intended look, install the Liberation fonts (Debian/Ubuntu: sudo apt-get install fonts-liberation).',
  };
}

/** Start the browser, print the test page, and check the page count and the fonts of the result. */
export async function tryPrinting(browser: BrowserLocation, options: BrowserCheckOptions): Promise<DoctorCheckResult[]> {
  const title = 'Browser prints';
  let session: BrowserSession | undefined;
  try {
    session = await BrowserSession.launch(browser.path, {
      timeoutMs: options.printTimeoutMs ?? 30_000,
      launchTimeoutMs: options.launchTimeoutMs ?? 30_000,
    });
    const printed = await session.print(TEST_PAGE_HTML, {
      title: 'lscb-report doctor',
      author: 'lscb-report',
      language: 'en-GB',
      date: TEST_PDF_DATE,
    });
    const printResult: DoctorCheckResult =
      printed.pageCount === 1
        ? { id: 'browser-print', status: 'pass', title, detail: 'started the browser and printed a one-page test PDF' }
        : {
            id: 'browser-print',
            status: 'fail',
            title,
            detail: `the one-page test document printed as ${printed.pageCount} pages`,
            fix: 'The browser does not lay out pages as expected: try another Chrome or Chromium with --browser PATH.',
          };
    let fonts: PdfFontInfo[];
    try {
      fonts = await listPdfFonts(printed.pdf);
    } catch {
      return [
        printResult,
        { id: 'fonts', status: 'fail', title: 'Fonts', detail: 'The test PDF could not be read back to check its fonts.', fix: 'Try another Chrome or Chromium with --browser PATH.' },
      ];
    }
    return [printResult, judgeFonts(fonts)];
  } catch (error) {
    if (!(error instanceof PdfError)) throw error;
    const started = session !== undefined;
    return [
      {
        id: 'browser-print',
        status: 'fail',
        title,
        detail: error.message,
        fix: started
          ? 'The browser started but could not print. Try again; if it keeps failing, point lscb-report at another Chrome or Chromium with --browser PATH.'
          : `Check that ${browser.path} is Chrome, Chromium or Edge and runs on this machine, or point lscb-report at another with --browser PATH.`,
      },
      skipped('fonts', 'Fonts', 'not checked: nothing was printed'),
    ];
  } finally {
    await session?.close();
  }
}

/** A check that was not tried because one it depends on failed. */
export function skipped(id: DoctorCheckResult['id'], title: string, detail: string): DoctorCheckResult {
  return { id, status: 'skip', title, detail };
}

/** All the browser checks: find it, print with it, check the fonts it printed. */
export async function checkBrowser(options: BrowserCheckOptions): Promise<DoctorCheckResult[]> {
  const { result, browser } = locateBrowser(options);
  if (browser === null) {
    return [
      result,
      skipped('browser-print', 'Browser prints', 'not tried: no browser to start'),
      skipped('fonts', 'Fonts', 'not checked: nothing was printed'),
    ];
  }
  return [result, ...(await tryPrinting(browser, options))];
}
