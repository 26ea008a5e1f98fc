/**
 * `lscb-report build <year>`: validate, compute, apply disclosure control, assemble, render and print the
 * annual report, then write the HTML, the PDF and the year's indicators (JSON and CSV) together. Files are
 * written only once everything has been produced, each atomically; a PDF that could not be printed is
 * never reported as written, and nothing is written if a case reference from the returns would appear in
 * any output.
 *
 * Editions: `published` (the default) suppresses small counts as board.yaml's `disclosure` says (or as
 * `--suppress-threshold` overrides); `internal` suppresses nothing and is marked as not for publication on
 * every page, in its title and in its file names.
 */
import { illustrativeOf } from '../../indicators/illustrative.js';
import path from 'node:path';
import { CliError, ExitCode } from '../../errors.js';
import type { BrowserSession } from '../../pdf/browser-session.js';
import { caseReferences, findCaseRefs, type CaseRef } from '../../disclosure/case-refs.js';
import { discloseIndicators, EDITIONS, type DisclosureInfo, type Edition } from '../../disclosure/disclose-indicators.js';
import { indicatorsCsv, indicatorsJson } from '../../indicators/output.js';
import { loadBoard, type BoardData, type YearData } from '../../load/load-board.js';
import type { AtomicWriteFile } from '../../io/atomic-write.js';
import { writeOutputs } from '../write-outputs.js';
import { browserInstallHelp, findBrowser } from '../../pdf/find-browser.js';
import { handleStopSignals, stopExitCode } from '../../io/stop-signals.js';
import { BrowserNotFoundError, PdfError } from '../../pdf/errors.js';
import { NarrativeError } from '../../report/narrative.js';
import { TemplateError } from '../../report/templates.js';
import { TemplateRenderError } from '../../report/render-html.js';
import { assembleReport, parseSourceDateEpoch, reportFileNames, reportPdfMetadata } from '../../report/build-report.js';
import { hasErrors, sortFindings, type Finding } from '../../validate/findings.js';
import { RECONCILIATION_CODES, validateYear } from '../../validate/validate-year.js';
import { findingSummary, printFindings } from '../format-findings.js';
import { placeholderTextFindings, refuseUnwritten } from '../publication-checks.js';
import { isToWrite } from '../../init/placeholders.js';
import type { CliIo } from '../io.js';
import { requireYearFolder, requireYearLabel, resolveDataDir } from '../options.js';
import { generatedBy } from './indicators.js';

/** Options of `build`. */
export interface BuildOptions {
  data?: string;
  out?: string;
  format?: string;
  browser?: string;
  /** `published` or `internal`. */
  edition?: string;
  /** Published edition: suppress counts from 1 to this (0: none), instead of board.yaml's setting. */
  suppressThreshold?: string;
  /** Build every year the board has a folder for, printing with one browser. */
  all?: boolean;
  /** Allow placeholder text and unwritten sections, and mark every page DRAFT. */
  draft?: boolean;
  /** Refuse to build when there is any warning. */
  strict?: boolean;
  /** Board folders, or folders of board folders: build every year of every one (a region in one run). */
  boards?: string[];
  /** With `boards`: how many reports to build at once (default 2). */
  jobs?: string;
  /** List errors only (the summary still counts the warnings). */
  quiet?: boolean;
}

/** The edition to build and its threshold, from the flags over board.yaml over the defaults. */
export function resolveEdition(options: Pick<BuildOptions, 'edition' | 'suppressThreshold'>, board: BoardData): { edition: Edition; threshold: number } {
  const edition = (options.edition ?? 'published').trim().toLowerCase();
  if (!(EDITIONS as readonly string[]).includes(edition)) {
    throw new CliError(`Unknown edition "${options.edition}".`, ExitCode.USAGE, 'Use --edition published or --edition internal.');
  }
  if (edition === 'internal') {
    if (options.suppressThreshold !== undefined) {
      throw new CliError('--suppress-threshold applies to the published edition only.', ExitCode.USAGE, 'The internal edition shows every figure; leave out --suppress-threshold.');
    }
    return { edition: 'internal', threshold: 0 };
  }
  if (options.suppressThreshold !== undefined) {
    const t = options.suppressThreshold.trim();
    if (!/^\d{1,2}$/.test(t)) {
      throw new CliError(`--suppress-threshold must be a whole number from 0 to 99, not "${options.suppressThreshold}".`, ExitCode.USAGE, 'For example --suppress-threshold 5 suppresses counts from 1 to 5; 0 suppresses nothing.');
    }
    return { edition: 'published', threshold: Number(t) };
  }
  const settings = board.config?.disclosure ?? { suppress: true, threshold: 5 };
  return { edition: 'published', threshold: settings.suppress ? settings.threshold : 0 };
}

/**
 * `name.html` → `name-internal.html` for the internal edition and `name-draft.html` for a draft (both:
 * `name-draft-internal.html`), so neither can be mistaken for, or overwrite, the published files.
 */
function editionFileName(name: string, edition: Edition, draft = false): string {
  const suffix = `${draft ? '-draft' : ''}${edition === 'internal' ? '-internal' : ''}`;
  return suffix ? name.replace(/(\.[a-z]+)$/, `${suffix}$1`) : name;
}

/** What the build says about disclosure control before it renders. */
function disclosureMessage(info: DisclosureInfo, board: BoardData, overridden: boolean): string {
  if (info.edition === 'internal') {
    return 'Building the INTERNAL edition: every figure is shown, small counts included. It is marked "not for publication"; do not publish it.';
  }
  if (info.threshold === 0) {
    const why = overridden
      ? '--suppress-threshold 0'
      : board.config?.disclosure.suppress === false
        ? 'board.yaml sets disclosure.suppress: false'
        : 'board.yaml sets disclosure.threshold: 0';
    return `Disclosure control is off (${why}): small counts are published as they are.`;
  }
  const total = info.primary + info.secondary;
  if (total === 0) return `Disclosure control: no count from 1 to ${info.threshold} to suppress.`;
  return `Disclosure control: ${total} figure${total === 1 ? '' : 's'} shown as [c] (${info.primary} count${info.primary === 1 ? '' : 's'} from 1 to ${info.threshold} or rates built on one, ${info.secondary} more so that none can be worked out).`;
}

const FORMATS = ['html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

/** Parse `--format html,pdf` into the set of outputs. */
export function parseBuildFormats(value: string | undefined): Set<Format> {
  const parts = (value ?? 'html,pdf')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const out = new Set<Format>();
  for (const p of parts) {
    if (!(FORMATS as readonly string[]).includes(p)) {
      throw new CliError(`Unknown format "${p}".`, ExitCode.USAGE, 'Use --format html, --format pdf or --format html,pdf.');
    }
    out.add(p as Format);
  }
  if (out.size === 0) throw new CliError('No output format given.', ExitCode.USAGE, 'Use --format html, --format pdf or --format html,pdf.');
  return out;
}


/** A narrative or template problem, as a finding the board can act on. */
function problemFinding(error: NarrativeError | TemplateError): Finding {
  return {
    code: error.code,
    severity: 'error',
    file: error.file,
    row: error instanceof NarrativeError ? error.line : undefined,
    value: error instanceof NarrativeError ? error.figureId : undefined,
    message: error.message,
    hint: error.hint,
  };
}

/** A case reference found in an output, as a finding naming where it came from but not repeating it. */
function caseRefFinding(what: string, ref: CaseRef, data: YearData): Finding {
  const narrative = [...data.narrative.entries()].find(([, text]) => findCaseRefs(text, [ref]).length > 0)?.[0];
  return {
    code: 'case-reference-in-output',
    severity: 'error',
    file: narrative ? `${data.year.label}/narrative/${narrative}.md` : ref.file,
    row: narrative ? undefined : ref.row,
    column: narrative ? undefined : ref.column,
    value: '(withheld)',
    message: `The ${ref.column.toLowerCase()} in ${ref.file} row ${ref.row} appears in ${what}. Case references must never be published.`,
    hint: narrative
      ? 'Take the reference out of the narrative; describe the case without it.'
      : 'Look for it in the narrative files, recommendations.yaml and the board’s own templates, and take it out.',
  };
}

/** One browser for a whole run: launched on first use, relaunched if it died, closed once at the end. */
export class SharedBrowser {
  private session: BrowserSession | null = null;
  private path: string | null = null;
  /** The launch in progress, so reports printing at once share one browser. */
  private starting: Promise<BrowserSession> | null = null;
  /** How many times a browser was started in this run. */
  launches = 0;

  async get(executablePath: string): Promise<BrowserSession> {
    if (this.starting !== null) {
      const session = await this.starting.catch(() => null);
      if (session !== null && session.isConnected && this.path === executablePath) return session;
    }
    if (this.session && this.session.isConnected && this.path === executablePath) return this.session;
    const starting = (async () => {
      await this.close();
      const { BrowserSession: Session } = await import('../../pdf/browser-session.js');
      const session = await Session.launch(executablePath);
      this.session = session;
      this.path = executablePath;
      this.launches++;
      return session;
    })();
    this.starting = starting;
    try {
      return await starting;
    } finally {
      if (this.starting === starting) this.starting = null;
    }
  }

  async close(): Promise<void> {
    const s = this.session;
    this.session = null;
    await s?.close();
  }
}

/**
 * Run `build`: one year, or with `--all` every year the board has a folder for, printing every PDF with
 * one browser. Returns the exit code (with `--all`, the first failure's code; the other years still build).
 */
export async function buildCommand(yearArg: string | undefined, options: BuildOptions, io: CliIo): Promise<number> {
  const shared = new SharedBrowser();
  // SIGINT/SIGTERM from here on end the run as an abort (exit 130/143), closing the browser.
  const stopHandling = handleStopSignals(io.stderr);
  try {
    if (options.boards !== undefined) {
      if (yearArg !== undefined) throw new CliError(`--boards builds every year of every board; leave out the year (got ${yearArg}).`, ExitCode.USAGE);
      if (options.data !== undefined) throw new CliError('Give either --data (one board) or --boards (several), not both.', ExitCode.USAGE);
      const { buildRegion } = await import('./build-region.js');
      return await buildRegion(options.boards, options, io, shared);
    }
    if (options.jobs !== undefined) throw new CliError('--jobs applies to --boards only.', ExitCode.USAGE, 'Build several boards with --boards DIR --jobs N.');
    if (!options.all) {
      if (yearArg === undefined) throw new CliError('Which year? Give a year such as 2012-13, or --all for every year.', ExitCode.USAGE);
      return await buildYear(yearArg, options, io, shared);
    }
    if (yearArg !== undefined) throw new CliError(`Give either a year or --all, not both (got ${yearArg} and --all).`, ExitCode.USAGE);
    const dir = await resolveDataDir(options.data, io);
    const board = await loadBoard(dir);
    if (board.years.length === 0) {
      throw new CliError(`There are no year folders in ${dir}.`, ExitCode.USAGE, 'Year folders are named like 2012-13.');
    }
    let result: number = ExitCode.OK;
    const yearCache = new Map<string, YearData>();
    const built: string[] = [];
    const failed: string[] = [];
    for (const year of board.years) {
      // A signal during printing ends the whole run, not just this year.
      const stopped = stopExitCode();
      if (stopped !== null) return stopped;
      io.stderr(`\n== ${year} ==\n`);
      let code: number;
      try {
        code = await buildYear(year, options, io, shared, yearCache);
      } catch (error) {
        // A year that cannot be read or written is that year's failure; the other years still build.
        if (!(error instanceof CliError)) throw error;
        io.stderr(`lscb-report: ${error.message}\n${error.hint ? `  ${error.hint}\n` : ''}`);
        code = error.exitCode;
      }
      if (code !== ExitCode.OK && result === ExitCode.OK) result = code;
      // Exit code 3 (no browser) still wrote the HTML and indicators: built, without a PDF.
      (code === ExitCode.OK || code === ExitCode.NO_BROWSER ? built : failed).push(code === ExitCode.NO_BROWSER ? `${year} (no PDF)` : year);
      if (code !== ExitCode.OK && code !== ExitCode.NO_BROWSER) failed[failed.length - 1] = `${year} (exit code ${code})`;
    }
    io.stderr(`\n${summariseAll(built, failed, shared.launches)}\n`);
    return result;
  } finally {
    await shared.close();
    stopHandling();
  }
}

/** The last line of `build --all`: which years were built and which failed. */
export function summariseAll(built: readonly string[], failed: readonly string[], launches: number): string {
  const years = (list: readonly string[]) => `${list.length} year${list.length === 1 ? '' : 's'}${list.length > 0 ? ` (${list.join(', ')})` : ''}`;
  const browser = ` with ${launches} browser launch${launches === 1 ? '' : 'es'}`;
  if (failed.length === 0) return `Built ${years(built)}${browser}.`;
  return `Built ${years(built)}${browser}; ${failed.length} failed: ${failed.join(', ')}. Their messages are above, under each year's heading.`;
}

export async function buildYear(
  yearArg: string,
  options: BuildOptions,
  io: CliIo,
  shared: SharedBrowser,
  yearCache: Map<string, YearData> = new Map(),
): Promise<number> {
  const formats = parseBuildFormats(options.format);
  const year = requireYearLabel(yearArg);
  const dir = await resolveDataDir(options.data, io);
  const outDir = path.resolve(io.cwd, options.out ?? 'out');
  const sourceDateEpoch = parseSourceDateEpoch(io.env.SOURCE_DATE_EPOCH);
  const progress = (text: string) => io.stderr(`${text}\n`);

  // Load and validate: errors stop the build with the findings `validate` prints. A published edition
  // (not a draft) refuses placeholder text and unwritten sections; --strict refuses any warning.
  const board = await loadBoard(dir);
  const { edition, threshold } = resolveEdition(options, board);
  const draft = options.draft === true;
  await requireYearFolder(dir, year, board.years);
  progress(`Validating ${year} in ${dir} …`);
  const validated = await validateYear(dir, year, { board, threshold, yearCache });
  const { data, years, indicators } = validated;
  const findings = edition === 'published' && !draft ? refuseUnwritten(validated.findings) : validated.findings;
  const listed = { quiet: options.quiet === true };
  /** Print everything found so far, once, and say why the build stops (or that it goes on). */
  const stopOn = (all: readonly Finding[], why: string): boolean => {
    const strictStop = options.strict === true && all.length > 0;
    if (!hasErrors(all) && !strictStop) return false;
    printFindings(io, all, listed);
    const fix = hasErrors(all) ? 'Fix the errors and build again.' : '--strict stops on any warning: fix them, or build without --strict.';
    io.stderr(`${year}: ${why}: the report was not built. ${fix}\n`);
    return true;
  };
  const unwritten = findings.some((f, i) => f !== validated.findings[i]);
  if (stopOn(findings, `${findingSummary(findings)}${unwritten ? ' (placeholder text or unwritten sections: build with --draft for a draft)' : ''}`)) return ExitCode.INVALID_DATA;

  // Compute.
  progress('Computing indicators …');
  // The indicators were computed by validate; its findings already list the reconciliation differences.
  const reconciliation = sortFindings(indicators.findings.filter((f) => !RECONCILIATION_CODES.has(f.code)));
  const everything = [...findings, ...reconciliation];
  if (stopOn(everything, hasErrors(reconciliation) ? `the figures do not reconcile (${findingSummary(everything)})` : findingSummary(everything))) {
    return ExitCode.INVALID_DATA;
  }
  printFindings(io, everything, listed);
  if (everything.length > 0) progress(`${year}: ${findingSummary(everything)}; building anyway${options.quiet && !hasErrors(everything) ? ' (warnings not listed: --quiet)' : ''}.`);
  if (draft) progress(`Building a DRAFT: every page is marked "DRAFT – NOT FOR PUBLICATION".`);

  // Disclosure control: every output below reads the disclosed figures.
  const disclosed = discloseIndicators(indicators, { edition, threshold, publicMeasures: board.config?.disclosure.publicMeasures });
  progress(disclosureMessage(disclosed.disclosure, board, options.suppressThreshold !== undefined));

  // Assemble the model and render the HTML.
  progress('Rendering the report …');
  let assembled;
  try {
    assembled = await assembleReport(board, data, disclosed, { sourceDateEpoch, draft });
  } catch (error) {
    if (error instanceof NarrativeError || error instanceof TemplateError) {
      const finding = problemFinding(error);
      printFindings(io, [finding]);
      io.stderr(`${year}: 1 error: the report was not built. Fix the error and build again.\n`);
      return ExitCode.INVALID_DATA;
    }
    if (error instanceof TemplateRenderError) {
      throw new CliError(error.message, ExitCode.INVALID_DATA, 'Check the partials in the board’s templates folder against the default ones.');
    }
    throw error;
  }
  if (assembled.overridden.length > 0) progress(`Using the board’s own template files: ${assembled.overridden.join(', ')}.`);

  // A draft of a board whose name is still "To write: …" gets plain file names, not a slug of the placeholder.
  const baseNames = reportFileNames(isToWrite(assembled.model.board.name) ? 'safeguarding-children-board' : assembled.model.board.name, year);
  const names = {
    html: editionFileName(baseNames.html, edition, draft),
    pdf: editionFileName(baseNames.pdf, edition, draft),
    json: editionFileName(baseNames.json, edition, draft),
    csv: editionFileName(baseNames.csv, edition, draft),
  };
  // "To write:" left anywhere in the report (a setting no check knows, the board's own template).
  const leftover = edition === 'published' && !draft ? placeholderTextFindings(assembled.html, names.html) : [];
  if (leftover.length > 0) {
    printFindings(io, leftover);
    io.stderr(`${year}: placeholder text in the report: it was not built. Replace it, or build a draft with --draft.\n`);
    return ExitCode.INVALID_DATA;
  }
  const files: AtomicWriteFile[] = [];
  const publishedFiles = { disclosure: disclosed.disclosure, illustrative: illustrativeOf(board.config) };
  if (formats.has('html')) files.push({ path: path.join(outDir, names.html), data: assembled.html });
  files.push({ path: path.join(outDir, names.json), data: indicatorsJson(disclosed, disclosed.rows, generatedBy(), publishedFiles) });
  files.push({ path: path.join(outDir, names.csv), data: indicatorsCsv(disclosed.rows, publishedFiles) });

  // No personal data out: a case reference in the HTML (which the PDF prints), the JSON or the CSV stops
  // the build before anything is written.
  const refs = caseReferences(years.values());
  const leaks = [
    { what: 'the report', text: assembled.html },
    { what: 'the indicators JSON', text: files.find((f) => f.path.endsWith(names.json))!.data as string },
    { what: 'the indicators CSV', text: files.find((f) => f.path.endsWith(names.csv))!.data as string },
  ].flatMap(({ what, text }) => findCaseRefs(text, refs).map((ref) => ({ what, ref })));
  if (leaks.length > 0) {
    printFindings(io, leaks.map(({ what, ref }) => caseRefFinding(what, ref, data)));
    io.stderr(`${year}: a case reference would be published: the report was not built. Remove it and build again.\n`);
    return ExitCode.INVALID_DATA;
  }

  // Print the PDF. Without a browser the HTML and indicators are still written; a failed print writes nothing.
  let pdfProblem: { code: number; message: string; hint: string } | null = null;
  if (formats.has('pdf')) {
    let browser;
    try {
      browser = findBrowser({ flag: options.browser, env: io.env });
    } catch (error) {
      if (!(error instanceof BrowserNotFoundError)) throw error;
      pdfProblem = { code: ExitCode.NO_BROWSER, message: error.message, hint: error.hint };
    }
    if (!pdfProblem && !browser) {
      pdfProblem = { code: ExitCode.NO_BROWSER, message: 'No Chrome, Chromium or Edge found to print the PDF with.', hint: browserInstallHelp(process.platform) };
    }
    if (browser) {
      progress(`Printing the PDF with ${browser.path} …`);
      try {
        const session = await shared.get(browser.path);
        const pdf = await session.printPdf(assembled.html, {
          ...reportPdfMetadata(assembled.model, board, sourceDateEpoch),
          fillContents: true,
          signal: io.signal,
        });
        files.push({ path: path.join(outDir, names.pdf), data: pdf });
      } catch (error) {
        if (!(error instanceof PdfError)) throw error;
        // Stopped by SIGINT/SIGTERM: an abort (the signal handler has said so), not a browser crash.
        const stopped = stopExitCode();
        if (stopped !== null) return stopped;
        io.stderr(`lscb-report: the PDF could not be printed: ${error.message}\n`);
        io.stderr('  Nothing was written, so the previous report (if any) is unchanged. Try again, or build with --format html.\n');
        return ExitCode.PDF_FAILED;
      }
    }
  }

  await writeOutputs(outDir, files);

  const written = files.map((f) => path.basename(f.path));
  if (pdfProblem) {
    io.stderr(`lscb-report: ${pdfProblem.message}\n  ${pdfProblem.hint}\n`);
    io.stderr(`  The PDF was not made${formats.has('html') ? '; the HTML and the indicators were written' : '; the indicators were written'}. Any ${names.pdf} already in ${outDir} is from an earlier build.\n`);
    io.stdout(`Wrote ${written.join(', ')} to ${outDir} (no PDF: no browser).\n`);
    return pdfProblem.code;
  }
  io.stdout(`Wrote ${written.join(', ')} to ${outDir}\n`);
  return ExitCode.OK;
}
