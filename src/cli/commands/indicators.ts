/**
 * `lscb-report indicators <year>`: every indicator for a year with the previous year and the change;
 * `lscb-report indicators --list`: the catalogue. Also the loading steps `diff` shares.
 */
import { illustrativeOf } from '../../indicators/illustrative.js';
import { readFileSync } from 'node:fs';
import { CliError, ExitCode } from '../../errors.js';
import { INDICATORS, breakdownFamilies, catalogueOf, suggestIndicatorId } from '../../indicators/catalogue.js';
import { boardYears, buildIndicatorReport, loadAllYears } from '../../indicators/compute.js';
import {
  OUTPUT_FORMATS,
  catalogueOutput,
  indicatorsCsv,
  indicatorsJson,
  indicatorsMarkdown,
  indicatorsTable,
  type OutputFormat,
} from '../../indicators/output.js';
import type { IndicatorDef, IndicatorReport } from '../../indicators/types.js';
import { loadBoard, type BoardData, type YearData } from '../../load/load-board.js';
import { findingSummary, formatFindingsText } from '../format-findings.js';
import { hasErrors, type Finding } from '../../validate/findings.js';
import { validateYear } from '../../validate/validate-year.js';
import { parseYear } from '../../returns/year.js';
import { useColour, type CliIo } from '../io.js';
import { parseFormat, requireYearLabel, resolveDataDir } from '../options.js';

/** Options of `indicators`. */
export interface IndicatorsOptions {
  data?: string;
  format: string;
  id?: string[];
  list?: boolean;
}

/** `lscb-report <version>`, for the `generatedBy` field of JSON output. */
export function generatedBy(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return `lscb-report ${pkg.version}`;
}


/**
 * The indicators `--id` asks for, in catalogue order: an exact id, a breakdown family (`lado.source`) or a
 * group (`lado`). Unknown ids are a usage error naming the closest id.
 */
export function selectIndicators(requested: readonly string[] | undefined, defs: readonly IndicatorDef[] = INDICATORS): IndicatorDef[] {
  if (!requested || requested.length === 0) return [...defs];
  const GROUPS = [...new Set(defs.map((d) => d.id.split('.')[0]!))];
  const families = breakdownFamilies();
  const wanted = new Set<string>();
  for (const raw of requested.flatMap((r) => r.split(','))) {
    const id = raw.trim();
    if (!id) continue;
    const matches = defs.filter(
      (d) => d.id === id || (families.includes(id) && d.breakdownOf === id) || (GROUPS.includes(id) && d.id.startsWith(`${id}.`)),
    );
    if (matches.length === 0) {
      if (parseYear(id)) {
        throw new CliError(`"${id}" was read as an indicator id.`, ExitCode.USAGE, `Put the year before --id, e.g. lscb-report indicators ${id} --id lado.referrals`);
      }
      const suggestion = suggestIndicatorId(id, [...defs.map((d) => d.id), ...families, ...GROUPS]);
      throw new CliError(
        `Unknown indicator "${id}".`,
        ExitCode.USAGE,
        `Did you mean "${suggestion}"? Run \`lscb-report indicators --list\` for every id.`,
      );
    }
    for (const d of matches) wanted.add(d.id);
  }
  return defs.filter((d) => wanted.has(d.id));
}

/** A usage error for a year the board has no figures for, listing the years it has. */
export function requireBoardYear(board: BoardData, dir: string, year: string, available: string[]): void {
  if (available.includes(year)) return;
  throw new CliError(
    `There is no data for ${year} in ${dir}.`,
    ExitCode.USAGE,
    available.length
      ? `Years with data (year folders or published figures): ${available.join(', ')}.`
      : 'The folder has no year folders (named like 2012-13) and no aggregates/published-figures.csv.',
  );
}

/** What validating years leaves for the command to go on with, so it never loads a year twice. */
export interface ValidatedYears {
  /** Every year folder loaded so far (validating one year loads them all). */
  years: Map<string, YearData>;
  /** The indicator report of each year validated. */
  reports: Map<string, IndicatorReport>;
}

/** An empty record of validated years. */
export function validatedYears(): ValidatedYears {
  return { years: new Map(), reports: new Map() };
}

/**
 * Validate the years that have folders (the board's own files are checked with each, or alone when no
 * requested year has a folder); when there are errors, print a short summary to stderr and return false
 * (the caller exits 1). Warnings do not stop indicators. The years loaded and the reports computed are
 * left in `validated`, for loadIndicatorReport.
 */
export async function yearsAreValid(
  dir: string,
  board: BoardData,
  years: readonly string[],
  io: CliIo,
  validated: ValidatedYears = validatedYears(),
): Promise<boolean> {
  const folders = years.filter((y) => board.years.includes(y));
  if (folders.length === 0 && hasErrors(board.findings)) {
    io.stderr(
      `lscb-report: the board's own files have ${findingSummary(board.findings)}, so its indicators would not be reliable.\n` +
        `  Run \`lscb-report validate <year>\` on any year folder to see each problem.\n`,
    );
    return false;
  }
  let ok = true;
  for (const year of folders) {
    const { findings, indicators } = await validateYear(dir, year, { board, yearCache: validated.years });
    validated.reports.set(year, indicators);
    if (!hasErrors(findings)) continue;
    ok = false;
    io.stderr(
      `lscb-report: the returns for ${year} have ${findingSummary(findings)}, so its indicators would not be reliable.\n` +
        `  Run \`lscb-report validate ${year}\` to see each problem with its file, row and column.\n`,
    );
  }
  return ok;
}

/** Reconciliation and other warnings about the figures, on stderr so stdout stays machine-readable. */
export function reportFindings(findings: readonly Finding[], io: CliIo): void {
  if (findings.length > 0) io.stderr(formatFindingsText(findings, false));
}

/**
 * The indicator report for `year`: the one computed when the year was validated, or else built from every
 * year folder of the board (reusing the years already loaded).
 */
export async function loadIndicatorReport(board: BoardData, year: string, validated?: ValidatedYears): Promise<IndicatorReport> {
  const report = validated?.reports.get(year);
  if (report) return report;
  const years = await loadAllYears(board, validated?.years);
  return buildIndicatorReport(board, years, year);
}

/** Run `indicators`; returns the exit code. */
export async function indicatorsCommand(yearArg: string | undefined, options: IndicatorsOptions, io: CliIo): Promise<number> {
  const format: OutputFormat = parseFormat(options.format, OUTPUT_FORMATS);
  if (options.list) {
    // With --data, the list includes the board's own indicators (from its indicators.yaml), marked as such.
    const catalogue = options.data ? catalogueOf(await loadBoard(await resolveDataDir(options.data, io))) : INDICATORS;
    io.stdout(catalogueOutput(selectIndicators(options.id, catalogue), format, useColour(io)));
    return ExitCode.OK;
  }
  const yearAsId = options.id?.flatMap((r) => r.split(',')).find((id) => parseYear(id.trim()));
  if (yearAsId) {
    throw new CliError(`"${yearAsId.trim()}" was read as an indicator id.`, ExitCode.USAGE, `Put the year before --id, e.g. lscb-report indicators ${yearAsId.trim()} --id lado.referrals`);
  }
  if (yearArg === undefined) {
    throw new CliError('Give the year to compute, or --list for the catalogue.', ExitCode.USAGE, 'For example: lscb-report indicators 2012-13');
  }
  const year = requireYearLabel(yearArg);
  const dir = await resolveDataDir(options.data, io);
  const board = await loadBoard(dir);
  requireBoardYear(board, dir, year, boardYears(board));
  const defs = selectIndicators(options.id, catalogueOf(board));
  const validated = validatedYears();
  if (!(await yearsAreValid(dir, board, [year], io, validated))) return ExitCode.INVALID_DATA;

  const report = await loadIndicatorReport(board, year, validated);
  const wanted = new Set(defs.map((d) => d.id));
  const rows = report.rows.filter((r) => wanted.has(r.def.id));
  switch (format) {
    case 'json':
      io.stdout(indicatorsJson(report, rows, generatedBy(), { illustrative: illustrativeOf(board.config) }));
      break;
    case 'csv':
      io.stdout(indicatorsCsv(rows));
      break;
    case 'markdown':
      io.stdout(indicatorsMarkdown(report, rows));
      break;
    case 'table':
      io.stdout(indicatorsTable(report, rows, useColour(io)));
      break;
  }
  if (format !== 'json') reportFindings(report.findings, io);
  return ExitCode.OK;
}
