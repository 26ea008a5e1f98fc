/**
 * `lscb-report build <year>`: validate, compute, assemble, render and print the annual report, then write
 * the HTML, the PDF and the year's indicators (JSON and CSV) together. Files are written only once
 * everything has been produced, each atomically; a PDF that could not be printed is never reported as
 * written.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CliError, ExitCode } from '../../errors.js';
import { indicatorsCsv, indicatorsJson } from '../../indicators/output.js';
import { buildIndicatorReport, loadAllYears } from '../../indicators/compute.js';
import { loadBoard } from '../../load/load-board.js';
import { AtomicWriteError, writeFilesAtomic, type AtomicWriteFile } from '../../io/atomic-write.js';
import { browserInstallHelp, findBrowser } from '../../pdf/find-browser.js';
import { BrowserNotFoundError, PdfError } from '../../pdf/errors.js';
import { NarrativeError } from '../../report/narrative.js';
import { TemplateError } from '../../report/templates.js';
import { TemplateRenderError } from '../../report/render-html.js';
import { assembleReport, parseSourceDateEpoch, reportFileNames, reportPdfMetadata } from '../../report/build-report.js';
import { hasErrors, sortFindings, type Finding } from '../../validate/findings.js';
import { validateYear } from '../../validate/validate-year.js';
import { findingSummary, formatFindingsText } from '../format-findings.js';
import type { CliIo } from '../io.js';
import { requireYearFolder, requireYearLabel, resolveDataDir } from '../options.js';
import { generatedBy } from './indicators.js';

/** Options of `build`. */
export interface BuildOptions {
  data?: string;
  out?: string;
  format?: string;
  browser?: string;
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

function printFindings(io: CliIo, findings: readonly Finding[]): void {
  if (findings.length > 0) io.stderr(formatFindingsText(findings, false));
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

/** Run `build`; returns the exit code. */
export async function buildCommand(yearArg: string, options: BuildOptions, io: CliIo): Promise<number> {
  const formats = parseBuildFormats(options.format);
  const year = requireYearLabel(yearArg);
  const dir = await resolveDataDir(options.data, io);
  const outDir = path.resolve(io.cwd, options.out ?? 'out');
  const sourceDateEpoch = parseSourceDateEpoch(io.env.SOURCE_DATE_EPOCH);
  const progress = (text: string) => io.stderr(`${text}\n`);

  // Load and validate: errors stop the build with the findings `validate` prints; warnings are listed.
  const board = await loadBoard(dir);
  await requireYearFolder(dir, year, board.years);
  progress(`Validating ${year} in ${dir} …`);
  const { data, findings } = await validateYear(dir, year, { board });
  if (hasErrors(findings)) {
    printFindings(io, findings);
    io.stderr(`${year}: ${findingSummary(findings)}: the report was not built. Fix the errors and build again.\n`);
    return ExitCode.INVALID_DATA;
  }
  printFindings(io, findings);
  if (findings.length > 0) progress(`${year}: ${findingSummary(findings)}; building anyway.`);

  // Compute.
  progress('Computing indicators …');
  const years = await loadAllYears(board);
  const indicators = buildIndicatorReport(board, years, year);
  const reconciliation = sortFindings(indicators.findings);
  printFindings(io, reconciliation);
  if (hasErrors(reconciliation)) {
    io.stderr(`${year}: the figures do not reconcile (${findingSummary(reconciliation)}): the report was not built.\n`);
    return ExitCode.INVALID_DATA;
  }

  // Assemble the model and render the HTML.
  progress('Rendering the report …');
  let assembled;
  try {
    assembled = await assembleReport(board, data, indicators, { sourceDateEpoch });
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

  const names = reportFileNames(assembled.model.board.name, year);
  const files: AtomicWriteFile[] = [];
  if (formats.has('html')) files.push({ path: path.join(outDir, names.html), data: assembled.html });
  files.push({ path: path.join(outDir, names.json), data: indicatorsJson(indicators, indicators.rows, generatedBy()) });
  files.push({ path: path.join(outDir, names.csv), data: indicatorsCsv(indicators.rows) });

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
      const { BrowserSession } = await import('../../pdf/browser-session.js');
      let session;
      try {
        session = await BrowserSession.launch(browser.path);
        const pdf = await session.printPdf(assembled.html, {
          ...reportPdfMetadata(assembled.model, board, sourceDateEpoch),
          fillContents: true,
          signal: io.signal,
        });
        files.push({ path: path.join(outDir, names.pdf), data: pdf });
      } catch (error) {
        if (!(error instanceof PdfError)) throw error;
        io.stderr(`lscb-report: the PDF could not be printed: ${error.message}\n`);
        io.stderr('  Nothing was written, so the previous report (if any) is unchanged. Try again, or build with --format html.\n');
        return ExitCode.PDF_FAILED;
      } finally {
        await session?.close();
      }
    }
  }

  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw new CliError(`Could not create the output folder ${outDir} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, ExitCode.OUTPUT, 'Choose another folder with --out DIR.');
  }
  try {
    await writeFilesAtomic(files);
  } catch (error) {
    if (error instanceof AtomicWriteError) {
      throw new CliError(error.message, ExitCode.OUTPUT, 'Check that the output folder can be written to, or choose another with --out DIR.');
    }
    throw error;
  }

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
