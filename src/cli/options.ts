/**
 * Options shared by commands, resolved one way: command-line flag, then environment, then default.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CliError, ExitCode } from '../errors.js';
import { OutsideBoardError, resolveInsideBoard } from '../io/board-path.js';
import { parseYear } from '../returns/year.js';
import type { CliIo } from './io.js';

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/** The nearest folder at or above `start` that holds a board.yaml (as git finds .git), or null. */
export async function findBoardFolder(start: string): Promise<string | null> {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (await isFile(path.join(dir, 'board.yaml'))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

/** The runs that have already said which board they found (said once per run, even by `build --all`). */
const announced = new WeakSet<CliIo>();

/**
 * Resolve the board data folder: `--data`, then LSCB_REPORT_DATA, then the nearest folder at or above the
 * current one that holds board.yaml (saying on stderr which board that is), then the current folder.
 */
export async function resolveDataDir(flag: string | undefined, io: CliIo): Promise<string> {
  const given = flag ?? (io.env.LSCB_REPORT_DATA || undefined);
  if (given === undefined) {
    const found = await findBoardFolder(io.cwd);
    if (found !== null) {
      if (!announced.has(io)) {
        announced.add(io);
        const where = found === path.resolve(io.cwd) ? 'this folder' : path.relative(io.cwd, found);
        io.stderr(`Using the board in ${found} (board.yaml found in ${where}).\n`);
      }
      return found;
    }
  }
  const chosen = given ?? '.';
  const dir = path.resolve(io.cwd, chosen);
  if (!(await isDirectory(dir))) {
    throw new CliError(`The data folder "${chosen}" does not exist.`, ExitCode.USAGE, 'Pass the board data folder with --data DIR (it holds board.yaml and one folder per year).');
  }
  return dir;
}

/** Check a year argument is a financial year label such as 2012-13. */
export function requireYearLabel(label: string): string {
  if (label !== label.trim() || !parseYear(label)) {
    throw new CliError(`"${label}" is not a financial year.`, ExitCode.USAGE, 'Write the year as 2012-13 (April 2012 to March 2013).');
  }
  return label;
}

/** Check the year has a folder in the board data folder. */
export async function requireYearFolder(dir: string, year: string, available: string[]): Promise<void> {
  if (!available.includes(year)) {
    try {
      await resolveInsideBoard(dir, year);
    } catch (error) {
      if (error instanceof OutsideBoardError) {
        throw new CliError(`The year folder ${year} in ${dir} is a link to a place outside the board folder, so it is not read.`, ExitCode.USAGE, 'Copy the year folder into the board folder instead of linking to it.');
      }
    }
    throw new CliError(
      `There is no data for ${year} in ${dir}.`,
      ExitCode.USAGE,
      available.length
        ? `Years with data: ${available.join(', ')}.`
        : 'The folder has no year folders (named like 2012-13). Run the command in the board folder (the one with board.yaml) or one of its folders, or pass it with --data DIR.',
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
