/**
 * `lscb-report glance <year>`: the year at a glance on its own (one A4 page, HTML and PDF), for a
 * presentation. Also the steps `cover` shares with it: load, validate, compute and apply disclosure
 * control to a year exactly as `build` does for the published edition, and write a document's HTML and
 * PDF the way `build` writes the report (one browser, atomic writes, the same exit codes; a PDF that could
 * not be printed is never reported as written; nothing written if a case reference would be published).
 */
import path from 'node:path';
import { caseReferences, findCaseRefs, type CaseRef } from '../../disclosure/case-refs.js';
import { discloseIndicators } from '../../disclosure/disclose-indicators.js';
import { CliError, ExitCode } from '../../errors.js';
import type { IndicatorReport } from '../../indicators/types.js';
import type { AtomicWriteFile } from '../../io/atomic-write.js';
import { writeOutputs } from '../write-outputs.js';
import { loadBoard, type BoardData, type YearData } from '../../load/load-board.js';
import { BrowserNotFoundError, PdfError } from '../../pdf/errors.js';
import { browserInstallHelp, findBrowser } from '../../pdf/find-browser.js';
import type { PdfMetadata } from '../../pdf/metadata.js';
import { parseSourceDateEpoch, slugify } from '../../report/build-report.js';
import { parseYear } from '../../returns/year.js';
import { hasErrors, sortFindings, type Finding } from '../../validate/findings.js';
import { RECONCILIATION_CODES, validateYear } from '../../validate/validate-year.js';
import { findingSummary, printFindings } from '../format-findings.js';
import type { CliIo } from '../io.js';
import { requireYearFolder, requireYearLabel, resolveDataDir } from '../options.js';
import { parseBuildFormats, resolveEdition } from './build.js';

/** Options shared by the one-document commands (`glance`, `cover`). */
export interface DocumentOptions {
  data?: string;
  out?: string;
  format?: string;
  browser?: string;
  /** List errors only. */
  quiet?: boolean;
}

/** Options of `glance`. */
export interface GlanceCommandOptions extends DocumentOptions {
  id?: string[];
}

/** A year loaded, validated, computed and through disclosure control, ready to make a document from. */
export interface PreparedYear {
  board: BoardData;
  data: YearData;
  /** The published edition's figures: small counts suppressed as board.yaml's `disclosure` says. */
  indicators: IndicatorReport;
  /** Case references in the returns, none of which may appear in a document. */
  caseRefs: CaseRef[];
  year: string;
  dir: string;
  outDir: string;
  formats: Set<'html' | 'pdf'>;
  sourceDateEpoch: number | null;
  /** The warnings found so far (validation and reconciliation), not yet printed: the command lists them once. */
  warnings: Finding[];
}

/**
 * Check the arguments, then load, validate and compute the year as `build` does. Returns the year with
 * its warnings (not yet printed), or the exit code when the data has errors (every finding then printed,
 * errors first). `what` names the document.
 */
export async function prepareYear(yearArg: string, options: DocumentOptions, io: CliIo, what: string): Promise<PreparedYear | number> {
  const formats = parseBuildFormats(options.format);
  const year = requireYearLabel(yearArg);
  const dir = await resolveDataDir(options.data, io);
  const outDir = path.resolve(io.cwd, options.out ?? 'out');
  const sourceDateEpoch = parseSourceDateEpoch(io.env.SOURCE_DATE_EPOCH);
  const board = await loadBoard(dir);
  const { threshold } = resolveEdition({}, board);
  await requireYearFolder(dir, year, board.years);

  io.stderr(`Validating ${year} in ${dir} …\n`);
  const { data, findings, years, indicators: computed } = await validateYear(dir, year, { board, threshold });
  const listed = { quiet: options.quiet === true };
  if (hasErrors(findings)) {
    printFindings(io, findings, listed);
    io.stderr(`${year}: ${findingSummary(findings)}: the ${what} was not made. Fix the errors and try again.\n`);
    return ExitCode.INVALID_DATA;
  }

  io.stderr('Computing indicators …\n');
  // Computed by validate, whose findings already list the reconciliation differences.
  const reconciliation = sortFindings(computed.findings.filter((f) => !RECONCILIATION_CODES.has(f.code)));
  const everything = [...findings, ...reconciliation];
  if (hasErrors(everything)) {
    printFindings(io, everything, listed);
    io.stderr(`${year}: the figures do not reconcile (${findingSummary(everything)}): the ${what} was not made.\n`);
    return ExitCode.INVALID_DATA;
  }
  // Every document here is for publication: the published edition's disclosure control, as `build`.
  const indicators = discloseIndicators(computed, { edition: 'published', threshold, publicMeasures: board.config?.disclosure.publicMeasures });
  const hidden = indicators.disclosure.primary + indicators.disclosure.secondary;
  if (hidden > 0) io.stderr(`Disclosure control: ${hidden} figure${hidden === 1 ? '' : 's'} shown as [c].\n`);
  return { board, data, indicators, caseRefs: caseReferences(years.values()), year, dir, outDir, formats, sourceDateEpoch, warnings: everything };
}

/** List a document's warnings once, errors-first order kept, with the summary line (nothing when none). */
export function announceWarnings(io: CliIo, year: string, warnings: readonly Finding[], what: string, options: DocumentOptions): void {
  if (warnings.length === 0) return;
  printFindings(io, warnings, { quiet: options.quiet === true });
  io.stderr(`${year}: ${findingSummary(warnings)}; making ${what} anyway${options.quiet ? ' (warnings not listed: --quiet)' : ''}.\n`);
}

/** A document to write: its HTML, the PDF's metadata, and the two file names. */
export interface DocumentToWrite {
  html: string;
  metadata: PdfMetadata;
  names: { html: string; pdf: string };
  /** What it is, in words ("the cover paper"), for messages. */
  what: string;
  /** The file its words came from, if any (where a case reference most likely is). */
  wordsFile?: string;
}

/**
 * Print the PDF (when asked) and write the files atomically. Without a browser the HTML is still written
 * and the exit code is 3; a failed print writes nothing and exits 4.
 */
export async function writeDocument(prepared: PreparedYear, doc: DocumentToWrite, options: DocumentOptions, io: CliIo): Promise<number> {
  const { formats, outDir } = prepared;

  // No personal data out: a case reference in the HTML (which the PDF prints) stops before anything is written.
  const leaks = findCaseRefs(doc.html, prepared.caseRefs);
  if (leaks.length > 0) {
    printFindings(
      io,
      leaks.map((ref) => ({
        code: 'case-reference-in-output',
        severity: 'error' as const,
        file: ref.file,
        row: ref.row,
        column: ref.column,
        value: '(withheld)',
        message: `The ${ref.column.toLowerCase()} in ${ref.file} row ${ref.row} appears in ${doc.what}. Case references must never be published.`,
        hint: doc.wordsFile ? `Take it out of ${doc.wordsFile}; describe the case without it.` : 'Take it out of the text it appears in.',
      })),
    );
    io.stderr(`${prepared.year}: a case reference would be published: ${doc.what} was not made.\n`);
    return ExitCode.INVALID_DATA;
  }

  const files: AtomicWriteFile[] = [];
  if (formats.has('html')) files.push({ path: path.join(outDir, doc.names.html), data: doc.html });

  let pdfProblem: { message: string; hint: string } | null = null;
  if (formats.has('pdf')) {
    let browser;
    try {
      browser = findBrowser({ flag: options.browser, env: io.env });
    } catch (error) {
      if (!(error instanceof BrowserNotFoundError)) throw error;
      pdfProblem = { message: error.message, hint: error.hint };
    }
    if (!pdfProblem && !browser) {
      pdfProblem = { message: 'No Chrome, Chromium or Edge found to print the PDF with.', hint: browserInstallHelp(process.platform) };
    }
    if (browser) {
      io.stderr(`Printing the PDF with ${browser.path} …\n`);
      const { BrowserSession } = await import('../../pdf/browser-session.js');
      let session;
      try {
        session = await BrowserSession.launch(browser.path);
        const pdf = await session.printPdf(doc.html, { ...doc.metadata, signal: io.signal });
        files.push({ path: path.join(outDir, doc.names.pdf), data: pdf });
      } catch (error) {
        if (!(error instanceof PdfError)) throw error;
        io.stderr(`lscb-report: the PDF could not be printed: ${error.message}\n`);
        io.stderr('  Nothing was written, so any earlier files are unchanged. Try again, or use --format html.\n');
        return ExitCode.PDF_FAILED;
      } finally {
        await session?.close();
      }
    }
  }

  if (files.length > 0) {
    await writeOutputs(outDir, files);
  }

  const written = files.map((f) => path.basename(f.path));
  if (pdfProblem) {
    io.stderr(`lscb-report: ${pdfProblem.message}\n  ${pdfProblem.hint}\n`);
    io.stderr(`  The PDF was not made${formats.has('html') ? '; the HTML was written' : ''}. Any ${doc.names.pdf} already in ${outDir} is from an earlier run.\n`);
    if (written.length > 0) io.stdout(`Wrote ${written.join(', ')} to ${outDir} (no PDF: no browser).\n`);
    return ExitCode.NO_BROWSER;
  }
  io.stdout(`Wrote ${written.join(', ')} to ${outDir}\n`);
  return ExitCode.OK;
}

/** The names of the glance's files: `<board>-at-a-glance-<year>.html|pdf`. */
export function glanceFileNames(boardName: string, year: string): { html: string; pdf: string } {
  const base = `${slugify(boardName)}-at-a-glance-${year}`;
  return { html: `${base}.html`, pdf: `${base}.pdf` };
}

/** Run `glance`; returns the exit code. */
export async function glanceCommand(yearArg: string, options: GlanceCommandOptions, io: CliIo): Promise<number> {
  const { checkHeadlineIds, DEFAULT_GLANCE_IDS, UnknownHeadlineIndicatorError } = await import('../../glance/headline.js');
  const ids = options.id?.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  try {
    checkHeadlineIds(ids ?? DEFAULT_GLANCE_IDS);
  } catch (error) {
    if (error instanceof UnknownHeadlineIndicatorError) {
      throw new CliError(`"${error.id}" is not an indicator.`, ExitCode.USAGE, `Did you mean "${error.suggestion}"? \`lscb-report indicators --list\` lists every id.`);
    }
    throw error;
  }
  const prepared = await prepareYear(yearArg, options, io, 'year-at-a-glance page');
  if (typeof prepared === 'number') return prepared;
  announceWarnings(io, prepared.year, prepared.warnings, 'the year-at-a-glance page', options);

  const { renderGlanceHtml, glanceDocumentTitle } = await import('../../glance/render-glance.js');
  const { board, year, indicators, sourceDateEpoch } = prepared;
  const boardName = board.config?.board.name ?? 'Safeguarding Children Board';
  io.stderr('Rendering the page …\n');
  const lang = board.config?.publication.language ?? 'en-GB';
  const html = renderGlanceHtml(indicators, { boardName, ids, lang });
  const pub = board.config?.publication.years[year];
  const iso = pub?.publishedDate ?? pub?.presentedDate ?? parseYear(year)!.end;
  const metadata: PdfMetadata = {
    title: glanceDocumentTitle(year, boardName),
    author: board.config?.board.chair ?? boardName,
    subject: `Headline safeguarding figures for ${year}, with the change from the year before`,
    keywords: ['safeguarding children', 'at a glance', boardName, year],
    language: lang,
    date: sourceDateEpoch !== null ? new Date(sourceDateEpoch * 1000) : new Date(`${iso}T00:00:00Z`),
  };
  return writeDocument(prepared, { html, metadata, names: glanceFileNames(boardName, year), what: 'the year-at-a-glance page' }, options, io);
}
