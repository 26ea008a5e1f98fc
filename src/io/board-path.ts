/**
 * The one path guard: every file the tool reads from a board folder (returns, YAML, narrative, templates,
 * the cover paper) must be inside that folder once symbolic links are followed. A link to `/etc/passwd`
 * named `foreword.md`, a narrative folder linked to somewhere else, a year folder linked out of the board:
 * each is refused with a finding, and nothing is read from it.
 */
import { readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../findings.js';

/** A path that leads outside the board folder (by `..` or by a symbolic link). */
export class OutsideBoardError extends Error {
  /** Node-style error code, so callers that print `error.code` still say something meaningful. */
  readonly code = 'EOUTSIDEBOARD';
  constructor(readonly relPath: string) {
    super(`${relPath} leads outside the board folder`);
    this.name = 'OutsideBoardError';
  }
}

/** True when `child` is `parent` or inside it (both absolute and resolved). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The board folder a path was built from: `absPath` with `relPath`'s segments taken off. */
function boardDirOf(absPath: string, relPath: string): string {
  // Counting segments only works for a plain downward path: a `..` or an absolute path could name any folder
  // as "the board", so it is refused outright (the tool never builds one itself).
  const segments = relPath.split(/[\\/]+/).filter(Boolean);
  if (path.isAbsolute(relPath) || segments.some((s) => s === '..')) throw new OutsideBoardError(relPath);
  const depth = segments.length;
  return path.resolve(absPath, ...Array<string>(depth).fill('..'));
}

/**
 * The real path of `relPath` inside `boardDir`, or an `OutsideBoardError` when it leads out of the board
 * (by `..` or through a link). A path that does not exist resolves to itself: reading it fails as usual.
 */
export async function resolveInsideBoard(boardDir: string, relPath: string): Promise<string> {
  const lexical = path.resolve(boardDir, relPath);
  if (!isInside(path.resolve(boardDir), lexical)) throw new OutsideBoardError(relPath);
  let real: string;
  try {
    real = await realpath(lexical);
  } catch {
    return lexical;
  }
  if (!isInside(await realpath(boardDir), real)) throw new OutsideBoardError(relPath);
  return real;
}

/** Read a board file given its absolute path and its path relative to the board, refusing links that lead out. */
export async function readBoardFile(absPath: string, relPath: string): Promise<Buffer> {
  return readFile(await resolveInsideBoard(boardDirOf(absPath, relPath), relPath));
}

/** List a board folder given its absolute path and its path relative to the board, refusing links that lead out. */
export async function readBoardDir(absPath: string, relPath: string): Promise<string[]> {
  return readdir(await resolveInsideBoard(boardDirOf(absPath, relPath), relPath));
}

/** The finding for a file or folder that leads outside the board, or null when `error` is another failure. */
export function outsideBoardFinding(error: unknown, relPath: string): Finding | null {
  if (!(error instanceof OutsideBoardError)) return null;
  return {
    code: 'file-outside-board',
    severity: 'error',
    file: relPath,
    message: `"${relPath}" is a link to a place outside the board folder, so it was not read.`,
    hint: 'Copy the file (or folder) into the board folder instead of linking to it.',
  };
}
