/**
 * Blank return templates: one header-only CSV per return (and per aggregates file) that a board hands to
 * its agencies. Generated from the definitions, so a template always has exactly the columns `validate`
 * expects; `templates/returns/` holds them committed, and a test keeps that folder equal to this output.
 */
import { writeFile } from 'node:fs/promises';
import { makeDir } from '../io/make-dir.js';
import path from 'node:path';
import { csvDocument } from '../io/csv-writer.js';
import { COMPARATOR_COLUMNS, PUBLISHED_FIGURES_COLUMNS, RETURNS, type ColumnDef } from './definitions.js';


/**
 * A header-only CSV for a return: a UTF-8 byte-order mark (so Excel opens the file, and saves it back, as
 * UTF-8), the headers in definition order, and a CRLF line end as spreadsheets write them.
 */
export function blankTemplate(def: { columns: readonly ColumnDef[] }): string {
  return csvDocument(def.columns.map((c) => c.header), []);
}

/** One blank template: its file name and content. */
export interface BlankTemplateFile {
  /** File name inside the templates folder, e.g. `lado-referrals.csv`. */
  file: string;
  /** Where the filled-in file goes in the board data folder, e.g. `<year>/lado-referrals.csv`. */
  destination: string;
  title: string;
  content: string;
}

/** Every blank template: the year's returns, then the two aggregates files. */
export function blankTemplates(): BlankTemplateFile[] {
  return [
    ...RETURNS.map((def) => ({ file: def.file, destination: `<year>/${def.file}`, title: def.title, content: blankTemplate(def) })),
    {
      file: 'published-figures.csv',
      destination: 'aggregates/published-figures.csv',
      title: 'Published figures (aggregates)',
      content: blankTemplate({ columns: PUBLISHED_FIGURES_COLUMNS }),
    },
    {
      file: 'comparators.csv',
      destination: 'aggregates/comparators.csv',
      title: 'Comparators (aggregates)',
      content: blankTemplate({ columns: COMPARATOR_COLUMNS }),
    },
  ];
}

/** Write every blank template into `dir` (created if needed), overwriting; returns the paths written. */
export async function writeBlankTemplates(dir: string): Promise<string[]> {
  await makeDir(dir);
  const written: string[] = [];
  for (const t of blankTemplates()) {
    const target = path.join(dir, t.file);
    await writeFile(target, t.content, 'utf8');
    written.push(target);
  }
  return written;
}
