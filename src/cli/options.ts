/**
 * Options shared by commands, resolved one way: command-line flag, then environment, then default.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CliError, ExitCode } from '../errors.js';
import { parseYear } from '../returns/year.js';
import type { CliIo } from './io.js';

/** Resolve the board data folder: `--data`, then LSCB_REPORT_DATA, then the current folder. */
export async function resolveDataDir(flag: string | undefined, io: CliIo): Promise<string> {
  const chosen = flag ?? io.env.LSCB_REPORT_DATA ?? '.';
  const dir = path.resolve(io.cwd, chosen);
  let isDir = false;
  try {
    isDir = (await stat(dir)).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new CliError(`The data folder "${chosen}" does not exist.`, ExitCode.USAGE, 'Pass the board data folder with --data DIR (it holds board.yaml and one folder per year).');
  }
  return dir;
}

/** Check a year argument is a financial year label such as 2012-13. */
export function requireYearLabel(label: string): string {
  if (!parseYear(label)) {
    throw new CliError(`"${label}" is not a financial year.`, ExitCode.USAGE, 'Write the year as 2012-13 (April 2012 to March 2013).');
  }
  return label;
}

/** Check the year has a folder in the board data folder. */
export async function requireYearFolder(dir: string, year: string, available: string[]): Promise<void> {
  if (!available.includes(year)) {
    throw new CliError(
      `There is no data for ${year} in ${dir}.`,
      ExitCode.USAGE,
      available.length ? `Years with data: ${available.join(', ')}.` : 'The folder has no year folders (named like 2012-13).',
    );
  }
}

/** Parse a --format value against the allowed list. */
export function parseFormat<T extends string>(value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliError(`Unknown format "${value}".`, ExitCode.USAGE, `Use one of: ${allowed.join(', ')}.`);
  }
  return value as T;
}
