/** Doctor check: the board data folder loads (its board.yaml and aggregates are valid). */
import { stat } from 'node:fs/promises';
import { loadBoard } from '../load/load-board.js';
import type { DoctorCheckResult } from './types.js';

/** Check the board folder `dir` (shown to the user as `shown`) loads without errors. */
export async function checkBoardFolder(dir: string, shown: string): Promise<DoctorCheckResult> {
  const title = 'Board folder';
  const isDir = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) {
    return {
      id: 'data',
      status: 'fail',
      title,
      detail: `${shown} does not exist or is not a folder.`,
      fix: 'Pass the board data folder with --data DIR, or start one with `lscb-report init DIR`.',
    };
  }
  let board;
  try {
    board = await loadBoard(dir);
  } catch (error) {
    return {
      id: 'data',
      status: 'fail',
      title,
      detail: `${shown} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      fix: 'Check that you have permission to read the folder and its files.',
    };
  }
  const errors = board.findings.filter((f) => f.severity === 'error');
  const yearHint = board.years.at(-1) ?? '<year>';
  if (errors.length > 0) {
    const first = errors[0]!;
    const where = `${first.file}${first.row === undefined ? '' : ` line ${first.row}`}`;
    return {
      id: 'data',
      status: 'fail',
      title,
      detail: `${shown} does not load: ${errors.length} error${errors.length === 1 ? '' : 's'}, the first in ${where}: ${first.message}`,
      fix: `Run \`lscb-report validate ${yearHint} --data ${shown}\` to see every problem and how to fix it.`,
    };
  }
  const name = board.config?.board.name ?? 'the board';
  const years = board.years.length > 0 ? `years: ${board.years.join(', ')}` : 'no year folders yet';
  return { id: 'data', status: 'pass', title, detail: `${shown} loads: ${name}, ${years}` };
}
