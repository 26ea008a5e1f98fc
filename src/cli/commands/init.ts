/** `lscb-report init <dir>`: start a new board folder with its configuration, blank returns and narrative. */
import path from 'node:path';
import { CliError, ExitCode } from '../../errors.js';
import { lastCompletedYear } from '../../init/default-year.js';
import { folderState, planBoardFolder, ScaffoldWriteError, writeBoardFolder } from '../../init/scaffold.js';
import type { CliIo } from '../io.js';
import { requireYearLabel } from '../options.js';

/** Options of `init`. */
export interface InitOptions {
  year?: string;
  boardName?: string;
  area?: string;
  /** `board` (the default) or `partnership`: a safeguarding partnership's yearly report under Working Together 2023. */
  kind?: string;
  force?: boolean;
}

/** Run `init`; returns the exit code. `now` picks the default year (the last one that has ended). */
export async function initCommand(dirArg: string, options: InitOptions, io: CliIo, now: Date = new Date()): Promise<number> {
  const year = options.year === undefined ? lastCompletedYear(now) : requireYearLabel(options.year);
  const dir = path.resolve(io.cwd, dirArg);
  const kind = options.kind ?? 'board';
  if (kind !== 'board' && kind !== 'partnership') {
    throw new CliError(`--kind must be board or partnership, not "${kind}".`, ExitCode.USAGE, 'Use --kind partnership for safeguarding partners\' arrangements; leave it out for a board.');
  }

  const state = await folderState(dir);
  if (state === 'not-a-folder') {
    throw new CliError(`"${dirArg}" is a file (or inside a file), not a folder.`, ExitCode.USAGE, 'Give the path of a new (or empty) folder for the board.');
  }
  if (state === 'not-empty' && !options.force) {
    throw new CliError(
      `The folder "${dirArg}" is not empty, so nothing was written.`,
      ExitCode.USAGE,
      'Choose a new or empty folder, or run again with --force to add only the files that are missing (existing files are never changed).',
    );
  }

  let result;
  try {
    result = await writeBoardFolder(dir, planBoardFolder({ year, boardName: options.boardName, area: options.area, kind }));
  } catch (error) {
    if (error instanceof ScaffoldWriteError) {
      throw new CliError(
        `Could not write ${error.path} in "${dirArg}" (${error.code ?? 'error'}).`,
        ExitCode.OUTPUT,
        'Check that you can write to that folder and that the disk is not full.',
      );
    }
    throw error;
  }

  const shown = path.relative(io.cwd, dir) || '.';
  const lines: string[] = [];
  if (result.created.length > 0) {
    lines.push(`${state === 'not-empty' ? 'Added' : 'Created'} ${result.created.length} file${result.created.length === 1 ? '' : 's'} in ${shown} for ${year}${kind === 'partnership' ? ' (a safeguarding partnership, Working Together 2023)' : ''}:`);
    lines.push(...result.created.map((f) => `  + ${f}`));
  } else {
    lines.push(`Nothing to add: ${shown} already has every file a board folder for ${year} needs.`);
  }
  if (result.kept.length > 0) {
    lines.push(`Kept ${result.kept.length} file${result.kept.length === 1 ? '' : 's'} that already existed, unchanged:`);
    lines.push(...result.kept.map((f) => `  = ${f}`));
  }
  const dataArg = /\s/.test(shown) ? `"${shown}"` : shown;
  lines.push(
    '',
    'Next:',
    `  1. Fill in ${path.join(shown, 'board.yaml')}: replace every value that starts "To write:".`,
    `  2. Send each agency its blank return from ${path.join(shown, year)}/ (${path.join(shown, year, 'README.md')} says who supplies each one and how to fill it in).`,
    `  3. Write each section's narrative in ${path.join(shown, year, 'narrative')}/.`,
    `  4. Run \`lscb-report validate ${year} --data ${dataArg}\` to see what is still to collect.`,
    '',
  );
  io.stdout(lines.join('\n'));
  return ExitCode.OK;
}
