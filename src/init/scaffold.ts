/**
 * `init`'s two steps: decide every file a new board folder needs (pure), then write the ones that are not
 * there yet. Existing files are never overwritten, whatever the caller asks.
 */
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { blankTemplate } from '../returns/blank-templates.js';
import { COMPARATOR_COLUMNS, OTHER_FILES, PUBLISHED_FIGURES_COLUMNS, returnsFor } from '../returns/definitions.js';
import { boardYaml, givenBoardName, initSections, type BoardYamlOptions } from './board-yaml.js';
import { narrativePlaceholder } from './narrative-placeholder.js';
import { recommendationsYaml } from './recommendations-yaml.js';
import { yearGuide } from './year-guide.js';
import { starterCoverPaperYaml } from '../cover/starter.js';

/** A file of the new board folder: its path relative to the folder (with `/`) and its text. */
export interface PlannedFile {
  path: string;
  content: string;
}

/**
 * Every file of a new board folder for `options.year`, in the order they are reported. A partnership's
 * folder has the partnership's returns (with the practice-reviews return), its default sections' narrative
 * and no recommendations file (its yearly report has no recommendations section).
 */
export function planBoardFolder(options: BoardYamlOptions): PlannedFile[] {
  const { year } = options;
  const kind = options.kind ?? 'board';
  return [
    { path: OTHER_FILES.boardConfig, content: boardYaml(options) },
    { path: OTHER_FILES.publishedFigures, content: blankTemplate({ columns: PUBLISHED_FIGURES_COLUMNS }) },
    { path: OTHER_FILES.comparators, content: blankTemplate({ columns: COMPARATOR_COLUMNS }) },
    { path: `${year}/README.md`, content: yearGuide(year, kind) },
    ...returnsFor(kind).map((def) => ({ path: `${year}/${def.file}`, content: blankTemplate(def) })),
    ...(kind === 'board' ? [{ path: `${year}/${OTHER_FILES.recommendations}`, content: recommendationsYaml(year) }] : []),
    // The words of the cover paper, so `lscb-report cover` works on a new board (warning about each "To write:").
    { path: `${year}/cover-paper.yaml`, content: starterCoverPaperYaml({ year, boardName: givenBoardName(options) }) },
    // Sections the tool writes itself (appendix-guidance) need no narrative.
    ...initSections(kind)
      .filter((section) => !section.generated)
      .map((section) => ({
        path: `${year}/${OTHER_FILES.narrativeDir}/${section.id}.md`,
        content: narrativePlaceholder(section, year, kind),
      })),
  ];
}

/** What the target folder holds before anything is written. */
export type FolderState = 'missing' | 'empty' | 'not-empty' | 'not-a-folder';

/** Whether `dir` is missing, an empty folder, a folder with something in it, or not a folder at all. */
export async function folderState(dir: string): Promise<FolderState> {
  let isDir: boolean;
  try {
    isDir = (await stat(dir)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    // Part of the path is a file: the folder can never be created there.
    if (code === 'ENOTDIR') return 'not-a-folder';
    throw error;
  }
  if (!isDir) return 'not-a-folder';
  return (await readdir(dir)).length === 0 ? 'empty' : 'not-empty';
}

/** The outcome of writing a board folder: files written, and files left as they were because they existed. */
export interface WriteResult {
  created: string[];
  kept: string[];
}

/** A file could not be written; `path` is relative to the board folder. */
export class ScaffoldWriteError extends Error {
  constructor(
    readonly path: string,
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(`could not write ${path} (${code ?? 'error'})`, options);
    this.name = 'ScaffoldWriteError';
  }
}

/** Write each planned file under `dir` unless a file is already there (never overwrites). */
export async function writeBoardFolder(dir: string, files: readonly PlannedFile[]): Promise<WriteResult> {
  const result: WriteResult = { created: [], kept: [] };
  for (const file of files) {
    const abs = path.join(dir, ...file.path.split('/'));
    try {
      await mkdir(path.dirname(abs), { recursive: true });
    } catch (error) {
      throw new ScaffoldWriteError(file.path, (error as NodeJS.ErrnoException).code, { cause: error });
    }
    try {
      // 'wx' fails if the file exists, so an existing file is kept even if it appeared a moment ago.
      await writeFile(abs, file.content, { encoding: 'utf8', flag: 'wx' });
      result.created.push(file.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        result.kept.push(file.path);
        continue;
      }
      throw new ScaffoldWriteError(file.path, code, { cause: error });
    }
  }
  return result;
}
