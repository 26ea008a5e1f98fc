/**
 * `lscb-report cover <year>`: the cover paper that takes the annual report to a partnership board (the
 * health and wellbeing board, say). Its words come from `<year>/cover-paper.yaml`, its figures from the
 * year's indicators (the published edition, after disclosure control). Validates and computes as `build`
 * does, then writes HTML and PDF the same way.
 */
import { ExitCode } from '../../errors.js';
import { slugify } from '../../report/build-report.js';
import { NarrativeError } from '../../report/narrative.js';
import { findingSummary, printFindings } from '../format-findings.js';
import type { CliIo } from '../io.js';
import { prepareYear, writeDocument, type DocumentOptions } from './glance.js';

/** Options of `cover`. */
export type CoverOptions = DocumentOptions;

/** The names of the cover paper's files: `<board>-cover-paper-<year>.html|pdf`. */
export function coverFileNames(boardName: string, year: string): { html: string; pdf: string } {
  const base = `${slugify(boardName)}-cover-paper-${year}`;
  return { html: `${base}.html`, pdf: `${base}.pdf` };
}

/** Run `cover`; returns the exit code. */
export async function coverCommand(yearArg: string, options: CoverOptions, io: CliIo): Promise<number> {
  const prepared = await prepareYear(yearArg, options, io, 'cover paper');
  if (typeof prepared === 'number') return prepared;
  const { board, year, indicators, sourceDateEpoch } = prepared;

  const { loadCoverPaper } = await import('../../cover/load-cover-paper.js');
  const loaded = await loadCoverPaper(board.dir, year);
  if (!loaded.paper) {
    // Everything found, once: the cover paper's own problems first (they stop it), then the year's warnings.
    printFindings(io, [...loaded.findings, ...prepared.warnings], { quiet: options.quiet === true });
    io.stderr(`${year}: ${findingSummary(loaded.findings)} in ${loaded.file}: the cover paper was not made.\n`);
    return ExitCode.INVALID_DATA;
  }
  if (loaded.findings.length + prepared.warnings.length > 0) {
    printFindings(io, [...loaded.findings, ...prepared.warnings], { quiet: options.quiet === true });
    const inData = prepared.warnings.length > 0 ? ` The year's data: ${findingSummary(prepared.warnings)}.` : '';
    io.stderr(`${year}: ${findingSummary(loaded.findings)} in ${loaded.file}; making the cover paper anyway.${inData}${options.quiet ? ' (Warnings not listed: --quiet.)' : ''}\n`);
  }

  io.stderr('Rendering the cover paper …\n');
  const { buildCoverPaperModel } = await import('../../cover/model.js');
  const { coverPaperPdfMetadata, renderCoverPaperHtml } = await import('../../cover/render-cover-paper.js');
  let model;
  try {
    model = buildCoverPaperModel(board, indicators, loaded.paper, { file: loaded.file, textLine: loaded.textLine });
  } catch (error) {
    if (!(error instanceof NarrativeError)) throw error;
    printFindings(io, [
      { code: error.code, severity: 'error', file: error.file, row: error.line, value: error.figureId, message: error.message, hint: error.hint },
    ]);
    io.stderr(`${year}: 1 error in ${loaded.file}: the cover paper was not made.\n`);
    return ExitCode.INVALID_DATA;
  }
  const html = await renderCoverPaperHtml(model);
  return writeDocument(
    prepared,
    { html, metadata: coverPaperPdfMetadata(model, sourceDateEpoch), names: coverFileNames(model.boardName, year), what: 'the cover paper', wordsFile: loaded.file },
    options,
    io,
  );
}
