/**
 * The report template: the default layout, partials and stylesheet shipped in `templates/default/`, with
 * any partial or the stylesheet replaced by the board's own from `<board>/templates/` (or the folder named
 * by `template:` in board.yaml). Board files are only read from inside the board folder: a path that leads
 * out of it, by `..` or by a symbolic link, is refused.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInside, OutsideBoardError, resolveInsideBoard } from '../io/board-path.js';

/** The default template folder shipped with the package. */
export const DEFAULT_TEMPLATE_DIR = fileURLToPath(new URL('../../templates/default/', import.meta.url));

/** A template problem the board can fix: a file outside the board folder, or a bad override name. */
export class TemplateError extends Error {
  constructor(
    /** Stable code: `template-path-escape`, `template-name-invalid` or `template-unreadable`. */
    readonly code: 'template-path-escape' | 'template-name-invalid' | 'template-unreadable',
    /** File relative to the board folder (or the template path as given). */
    readonly file: string,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** Layout, partials (name → source) and stylesheet, with where each came from. */
export interface LoadedTemplate {
  layout: string;
  partials: Map<string, string>;
  css: string;
  /** Names of partials and `report.css` that the board replaced. */
  overridden: string[];
}

const PARTIAL_NAME = /^[a-z0-9][a-z0-9-]*$/;

async function isDir(p: string): Promise<boolean> {
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

/** Resolve `rel` inside `boardDir` with the one path guard, refusing `..` and symbolic links that lead outside. */
async function insideBoard(boardDir: string, rel: string): Promise<string> {
  try {
    return await resolveInsideBoard(boardDir, rel);
  } catch (error) {
    if (!(error instanceof OutsideBoardError)) throw error;
    const lexical = path.resolve(boardDir, rel);
    if (!isInside(path.resolve(boardDir), lexical)) {
      throw new TemplateError('template-path-escape', rel, `The template path "${rel}" leads outside the board folder.`, 'Keep the board’s templates inside its data folder, e.g. templates/partials/foreword.hbs.');
    }
    const shown = path.relative(boardDir, lexical) || rel;
    throw new TemplateError(
      'template-path-escape',
      shown,
      `The template file "${shown}" is a link to a place outside the board folder, so it was not used.`,
      'Copy the file into the board folder instead of linking to it.',
    );
  }
}

async function readPartials(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!(await isDir(dir))) return out;
  for (const name of (await readdir(dir)).sort()) {
    if (!name.endsWith('.hbs')) continue;
    out.set(name.slice(0, -4), await readFile(path.join(dir, name), 'utf8'));
  }
  return out;
}

/** Load the default template, then the board's overrides (`templateSetting` is board.yaml's `template`). */
export async function loadTemplate(boardDir: string, templateSetting = 'default', defaultDir = DEFAULT_TEMPLATE_DIR): Promise<LoadedTemplate> {
  const layout = await readFile(path.join(defaultDir, 'layout.hbs'), 'utf8');
  const css = await readFile(path.join(defaultDir, 'report.css'), 'utf8');
  const partials = await readPartials(path.join(defaultDir, 'partials'));
  const overridden: string[] = [];

  const boardTemplateRel = templateSetting === 'default' ? 'templates' : templateSetting;
  const boardTemplateDir = await insideBoard(boardDir, boardTemplateRel);
  if (!(await isDir(boardTemplateDir))) {
    if (templateSetting !== 'default') {
      throw new TemplateError('template-unreadable', boardTemplateRel, `The template folder "${boardTemplateRel}" named in board.yaml does not exist.`, 'Set template: default, or create the folder inside the board folder.');
    }
    return { layout, partials, css, overridden };
  }

  let boardCss = css;
  const cssPath = await insideBoard(boardDir, path.join(boardTemplateRel, 'report.css'));
  if (await isFile(cssPath)) {
    boardCss = await readFile(cssPath, 'utf8');
    overridden.push('report.css');
  }

  const partialsRel = path.join(boardTemplateRel, 'partials');
  const partialsDir = await insideBoard(boardDir, partialsRel);
  if (await isDir(partialsDir)) {
    for (const name of (await readdir(partialsDir)).sort()) {
      if (!name.endsWith('.hbs')) continue;
      const id = name.slice(0, -4);
      const rel = path.join(partialsRel, name);
      if (!PARTIAL_NAME.test(id)) {
        throw new TemplateError('template-name-invalid', rel, `The partial "${name}" has a name the template cannot use.`, 'Name partials after a section id, e.g. foreword.hbs (lower case letters, digits and hyphens).');
      }
      const file = await insideBoard(boardDir, rel);
      partials.set(id, await readFile(file, 'utf8'));
      overridden.push(id);
    }
  }
  return { layout, partials, css: boardCss, overridden };
}
