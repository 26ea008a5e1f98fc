/** `lscb-report validate <year>`: check a year's returns and print every finding. */
import { ExitCode } from '../../errors.js';
import { loadBoard } from '../../load/load-board.js';
import { hasErrors } from '../../validate/findings.js';
import { validateYear } from '../../validate/validate-year.js';
import { findingSummary, findingsToList, formatFindingsJson, formatFindingsText } from '../format-findings.js';
import { useColour, type CliIo } from '../io.js';
import { parseFormat, requireYearFolder, requireYearLabel, resolveDataDir } from '../options.js';

/** Options of `validate`. */
export interface ValidateOptions {
  data?: string;
  format: string;
  /** Any warning fails the run (exit code 1). */
  strict?: boolean;
  /** List errors only. */
  quiet?: boolean;
}

/** Run `validate`; returns the exit code. */
export async function validateCommand(yearArg: string, options: ValidateOptions, io: CliIo): Promise<number> {
  const format = parseFormat(options.format, ['table', 'json'] as const);
  const year = requireYearLabel(yearArg);
  const dir = await resolveDataDir(options.data, io);
  const board = await loadBoard(dir);
  await requireYearFolder(dir, year, board.years);
  const { findings } = await validateYear(dir, year, { board });
  const strict = options.strict === true;
  const failed = hasErrors(findings) || (strict && findings.length > 0);
  if (format === 'json') {
    io.stdout(formatFindingsJson(year, findings, { strict }));
  } else {
    io.stdout(formatFindingsText(findingsToList(findings, { quiet: options.quiet }), useColour(io)));
    const verdict = hasErrors(findings)
      ? 'not valid: fix the errors before building the report'
      : failed
        ? 'not valid under --strict, which fails on any warning'
        : 'valid';
    io.stdout(`${year}: ${findingSummary(findings)}: ${verdict}.\n`);
  }
  return failed ? ExitCode.INVALID_DATA : ExitCode.OK;
}
