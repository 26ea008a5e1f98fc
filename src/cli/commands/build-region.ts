/**
 * `lscb-report build --boards DIR…`: a region in one run. Every year of every board is built with one
 * browser, a few reports at a time (`--jobs`, 2 by default), so one report's validation and rendering run
 * while another's PDF prints. Each report's messages are held back and printed together under its own
 * heading when it finishes, followed by a progress line; the last line names every report that failed.
 *
 * A DIR is a board folder (it holds board.yaml) or a folder of board folders (its sub-folders that hold
 * board.yaml, in name order). Each board's files go to `<out>/<board folder name>/`.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { CliError, ExitCode } from '../../errors.js';
import { loadBoard, type YearData } from '../../load/load-board.js';
import { stopExitCode } from '../../io/stop-signals.js';
import type { CliIo } from '../io.js';
import { buildYear, type BuildOptions, type SharedBrowser } from './build.js';

/** Reports built at once unless `--jobs` says otherwise. */
export const DEFAULT_JOBS = 2;
/** The most reports `--jobs` may build at once (each holds a year's data and a browser page). */
export const MAX_JOBS = 8;

/** One board of the region: its folder and the name its outputs go under. */
export interface RegionBoard {
  dir: string;
  name: string;
}

/** Parse `--jobs`: a whole number from 1 to MAX_JOBS. */
export function parseJobs(value: string | undefined): number {
  if (value === undefined) return DEFAULT_JOBS;
  const t = value.trim();
  if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > MAX_JOBS) {
    throw new CliError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, not "${value}".`, ExitCode.USAGE, `For example --jobs ${DEFAULT_JOBS} builds ${DEFAULT_JOBS} reports at once.`);
  }
  return Number(t);
}

/** The boards named by `--boards`: each folder is a board, or holds boards in its sub-folders. */
export async function findRegionBoards(dirs: readonly string[], cwd: string): Promise<RegionBoard[]> {
  const found: string[] = [];
  for (const given of dirs) {
    const dir = path.resolve(cwd, given);
    if (!existsSync(dir)) {
      throw new CliError(`The folder "${given}" given to --boards does not exist.`, ExitCode.USAGE, 'Give a board folder (it holds board.yaml) or a folder of board folders.');
    }
    if (existsSync(path.join(dir, 'board.yaml'))) {
      found.push(dir);
      continue;
    }
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      throw new CliError(`The folder "${given}" given to --boards cannot be read.`, ExitCode.USAGE, 'Give a board folder (it holds board.yaml) or a folder of board folders.');
    }
    const boards = entries
      .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'board.yaml')))
      .map((e) => e.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((name) => path.join(dir, name));
    if (boards.length === 0) {
      throw new CliError(`There is no board in "${given}": neither it nor any folder in it holds board.yaml.`, ExitCode.USAGE, 'Give a board folder (it holds board.yaml) or a folder of board folders.');
    }
    found.push(...boards);
  }
  const unique = [...new Set(found)];
  const byName = new Map<string, string>();
  for (const dir of unique) {
    const name = path.basename(dir);
    const other = byName.get(name);
    if (other !== undefined) {
      throw new CliError(`Two boards are both named "${name}" (${other} and ${dir}), so their outputs would share a folder.`, ExitCode.USAGE, 'Rename one of the folders, or build them in separate runs.');
    }
    byName.set(name, dir);
  }
  return unique.map((dir) => ({ dir, name: path.basename(dir) }));
}

/** One report to build, and how it ended. */
interface Job {
  board: RegionBoard;
  year: string;
  code?: number;
}

/** The last line of a region build: how many reports were built, and which failed. */
export function summariseRegion(boards: number, built: number, failed: readonly string[], launches: number): string {
  const reports = (n: number) => `${n} report${n === 1 ? '' : 's'}`;
  const head = `Built ${reports(built)} of ${boards} board${boards === 1 ? '' : 's'} with ${launches} browser launch${launches === 1 ? '' : 'es'}`;
  if (failed.length === 0) return `${head}.`;
  return `${head}; ${failed.length} failed: ${failed.join(', ')}. Their messages are above, under each report's heading.`;
}

/**
 * Build every year of every board in `dirs`. Returns the exit code: 0 when every report was built, else
 * the code of the first report (or board) in board and year order that did not end with 0, as `build --all`
 * does for one board (3, no browser, still writes the HTML and indicators).
 */
export async function buildRegion(dirs: readonly string[], options: BuildOptions & { jobs?: string }, io: CliIo, shared: SharedBrowser): Promise<number> {
  const jobsAtOnce = parseJobs(options.jobs);
  const boards = await findRegionBoards(dirs, io.cwd);
  const outRoot = path.resolve(io.cwd, options.out ?? 'out');
  /** Every report or board that did not end with exit code 0; `failed` marks those not built at all. */
  const failures: Array<{ order: number; label: string; code: number; failed: boolean }> = [];
  const jobs: Job[] = [];

  // The boards' year folders; a board that cannot be read is that board's failure, the others still build.
  for (const board of boards) {
    try {
      const data = await loadBoard(board.dir);
      if (data.years.length === 0) throw new CliError(`There are no year folders in ${board.dir}.`, ExitCode.USAGE, 'Year folders are named like 2012-13.');
      for (const year of data.years) jobs.push({ board, year });
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      io.stderr(`\n== ${board.name} ==\nlscb-report: ${error.message}\n${error.hint ? `  ${error.hint}\n` : ''}`);
      failures.push({ order: 2 * jobs.length, label: `${board.name} (exit code ${error.exitCode})`, code: error.exitCode, failed: true });
    }
  }
  io.stderr(`Building ${jobs.length} report${jobs.length === 1 ? '' : 's'} of ${boards.length} board${boards.length === 1 ? '' : 's'}, ${Math.min(jobsAtOnce, Math.max(jobs.length, 1))} at a time …\n`);

  // Each board's loaded years are shared by its reports and dropped once its last report is done.
  const caches = new Map<string, Map<string, YearData>>();
  const remaining = new Map<string, number>();
  for (const job of jobs) remaining.set(job.board.dir, (remaining.get(job.board.dir) ?? 0) + 1);

  let next = 0;
  let done = 0;
  let stopped: number | null = null;
  const boardsDone = new Set<string>();
  const worker = async (): Promise<void> => {
    for (;;) {
      stopped ??= stopExitCode();
      if (stopped !== null || next >= jobs.length) return;
      const index = next++;
      const job = jobs[index]!;
      let out = '';
      let err = '';
      const jobIo: CliIo = { ...io, stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
      let cache = caches.get(job.board.dir);
      if (cache === undefined) caches.set(job.board.dir, (cache = new Map()));
      let code: number;
      try {
        code = await buildYear(job.year, { ...options, data: job.board.dir, out: path.join(outRoot, job.board.name) }, jobIo, shared, cache);
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        err += `lscb-report: ${error.message}\n${error.hint ? `  ${error.hint}\n` : ''}`;
        code = error.exitCode;
      }
      job.code = code;
      const left = (remaining.get(job.board.dir) ?? 1) - 1;
      remaining.set(job.board.dir, left);
      if (left === 0) {
        caches.delete(job.board.dir);
        boardsDone.add(job.board.dir);
      }
      done++;
      const ok = code === ExitCode.OK || code === ExitCode.NO_BROWSER;
      const verdict = code === ExitCode.OK ? 'built' : code === ExitCode.NO_BROWSER ? 'built without a PDF (no browser)' : `failed (exit code ${code})`;
      io.stderr(`\n== ${job.board.name} ${job.year} ==\n${err}`);
      io.stdout(out);
      io.stderr(`[${done}/${jobs.length} reports, ${boardsDone.size}/${boards.length} boards] ${job.board.name} ${job.year}: ${verdict}\n`);
      if (code !== ExitCode.OK) failures.push({ order: 2 * index + 1, label: `${job.board.name} ${job.year} (exit code ${code})`, code, failed: !ok });
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobsAtOnce, Math.max(jobs.length, 1)) }, () => worker()));
  if (stopped !== null) return stopped;

  failures.sort((a, b) => a.order - b.order);
  const built = jobs.filter((j) => j.code === ExitCode.OK || j.code === ExitCode.NO_BROWSER).length;
  const failed = failures.filter((f) => f.failed).map((f) => f.label);
  io.stderr(`\n${summariseRegion(boards.length, built, failed, shared.launches)}\n`);
  return failures[0]?.code ?? ExitCode.OK;
}
