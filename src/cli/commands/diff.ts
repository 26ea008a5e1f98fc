/**
 * `lscb-report diff <yearA> <yearB>`: every indicator in two years side by side, with the change and its
 * direction when the years are consecutive. For years further apart both values are shown and no change
 * is computed, because published statistics give change only year on year.
 */
import { CliError, ExitCode } from '../../errors.js';
import { boardYears } from '../../indicators/compute.js';
import { compareYearsInSeries, hasChanged } from '../../indicators/diff.js';
import { OUTPUT_FORMATS, diffCsv, diffJson, diffMarkdown, diffTable, type OutputFormat } from '../../indicators/output.js';
import { loadBoard } from '../../load/load-board.js';
import { useColour, type CliIo } from '../io.js';
import { parseFormat, requireYearLabel, resolveDataDir } from '../options.js';
import { catalogueOf } from '../../indicators/catalogue.js';
import { generatedBy, loadIndicatorReport, reportFindings, requireBoardYear, selectIndicators, validatedYears, yearsAreValid } from './indicators.js';

/** Options of `diff`. */
export interface DiffOptions {
  data?: string;
  format: string;
  changedOnly?: boolean;
  id?: string[];
}

/** Run `diff`; returns the exit code. */
export async function diffCommand(yearAArg: string, yearBArg: string, options: DiffOptions, io: CliIo): Promise<number> {
  const format: OutputFormat = parseFormat(options.format, OUTPUT_FORMATS);
  const yearA = requireYearLabel(yearAArg);
  const yearB = requireYearLabel(yearBArg);
  if (yearA === yearB) {
    throw new CliError(`Both years are ${yearA}.`, ExitCode.USAGE, 'Give two different years, the earlier first: lscb-report diff 2011-12 2012-13');
  }
  if (yearA > yearB) {
    throw new CliError(`${yearA} is after ${yearB}.`, ExitCode.USAGE, `Give the earlier year first: lscb-report diff ${yearB} ${yearA}`);
  }
  const dir = await resolveDataDir(options.data, io);
  const board = await loadBoard(dir);
  const defs = selectIndicators(options.id, catalogueOf(board));
  const available = boardYears(board);
  requireBoardYear(board, dir, yearA, available);
  requireBoardYear(board, dir, yearB, available);
  const validated = validatedYears();
  if (!(await yearsAreValid(dir, board, [yearA, yearB], io, validated))) return ExitCode.INVALID_DATA;

  // The series runs up to the later of the two years (a report holds its year and earlier years only).
  const report = await loadIndicatorReport(board, yearA > yearB ? yearA : yearB, validated);
  const comparison = compareYearsInSeries(report.series, yearA, yearB, defs);
  if (options.changedOnly) comparison.rows = comparison.rows.filter(hasChanged);
  switch (format) {
    case 'json':
      io.stdout(diffJson(comparison, generatedBy(), report.findings));
      break;
    case 'csv':
      io.stdout(diffCsv(comparison));
      break;
    case 'markdown':
      io.stdout(diffMarkdown(comparison));
      break;
    case 'table':
      io.stdout(diffTable(comparison, useColour(io)));
      break;
  }
  if (format !== 'json') reportFindings(report.findings, io);
  return ExitCode.OK;
}
