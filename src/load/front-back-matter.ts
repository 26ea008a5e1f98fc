/**
 * Front and back matter from board.yaml: a logo on the cover (a PNG, JPEG or SVG file in the board folder,
 * embedded as a data URI so that nothing is ever fetched), an inside cover (a Markdown file in the board
 * folder) and a back page (contact details). Read once with the board; each file that is missing, outside
 * the board folder, too large or not an image is a finding at its line in board.yaml.
 */
import type { BoardConfig } from '../config/board-config.js';
import type { Finding } from '../findings.js';
import { readFile } from 'node:fs/promises';
import { outsideBoardFinding, resolveInsideBoard } from '../io/board-path.js';
import { OTHER_FILES } from '../returns/definitions.js';

/** The largest logo embedded: a logo is small, and every copy of the report carries it. */
export const LOGO_MAX_BYTES = 512 * 1024;

/** Logo types, by what the file's first bytes say (not its name). */
const IMAGE_TYPES: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/svg+xml', test: (b) => /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(b.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '')) },
];

/** The files board.yaml names for the front and back matter, read and checked. */
export interface FrontBackMatter {
  /** The logo as a data URI with its alternative text; null when there is none (or it was refused). */
  logo: { src: string; alt: string } | null;
  /** The inside cover's Markdown; null when there is none. */
  insideCover: { file: string; markdown: string } | null;
}

/** A line lookup in board.yaml by key path. */
type LineOf = (keyPath: (string | number)[]) => number | undefined;

/** Read the logo and inside cover board.yaml names, with a finding for each file that cannot be used. */
export async function loadFrontBackMatter(dir: string, config: BoardConfig | null, lineOf: LineOf): Promise<{ matter: FrontBackMatter; findings: Finding[] }> {
  const findings: Finding[] = [];
  const matter: FrontBackMatter = { logo: null, insideCover: null };
  const at = (key: string[]) => ({ file: OTHER_FILES.boardConfig, row: lineOf(key), column: key.join('.') });

  const read = async (rel: string, key: string[], what: string): Promise<Buffer | null> => {
    try {
      // Resolved against the board folder itself, so `..` or a link out of it is refused before anything is read.
      return await readFile(await resolveInsideBoard(dir, rel));
    } catch (error) {
      const outside = outsideBoardFinding(error, rel);
      const code = (error as NodeJS.ErrnoException).code;
      findings.push({
        ...at(key),
        ...(outside ? { code: 'file-outside-board' } : { code: 'matter-file-missing' }),
        severity: 'error',
        value: rel,
        message: outside ? `The ${what} "${rel}" leads outside the board folder, so it is not read.` : code === 'ENOENT' ? `The ${what} "${rel}" does not exist in the board folder.` : `The ${what} "${rel}" could not be read (${code ?? 'error'}).`,
        hint: `Put the file in the board folder and give its path from there (e.g. ${key[0] === 'logo' ? 'images/logo.png' : 'inside-cover.md'}), or remove the setting.`,
      });
      return null;
    }
  };

  if (config?.logo) {
    const rel = config.logo.file;
    const bytes = await read(rel, ['logo', 'file'], 'logo');
    if (bytes) {
      const type = IMAGE_TYPES.find((t) => t.test(bytes));
      if (bytes.length > LOGO_MAX_BYTES) {
        findings.push({
          ...at(['logo', 'file']),
          code: 'logo-too-large',
          severity: 'error',
          value: rel,
          message: `The logo "${rel}" is ${Math.ceil(bytes.length / 1024)} KB; a logo may be at most ${LOGO_MAX_BYTES / 1024} KB, as every copy of the report carries it.`,
          hint: 'Save a smaller copy (about 600 pixels wide is plenty for print), or use an SVG.',
        });
      } else if (!type) {
        findings.push({
          ...at(['logo', 'file']),
          code: 'logo-not-image',
          severity: 'error',
          value: rel,
          message: `The logo "${rel}" is not a PNG, JPEG or SVG image.`,
          hint: 'Export the logo as PNG or SVG (a file renamed .png is not enough: the tool reads what the file holds).',
        });
      } else {
        matter.logo = { src: `data:${type.mime};base64,${bytes.toString('base64')}`, alt: config.logo.alt };
      }
    }
  }

  if (config?.insideCover) {
    const rel = config.insideCover;
    const bytes = await read(rel, ['insideCover'], 'inside cover');
    if (bytes) matter.insideCover = { file: rel, markdown: bytes.toString('utf8').replace(/^\uFEFF/, '') };
  }
  return { matter, findings };
}
