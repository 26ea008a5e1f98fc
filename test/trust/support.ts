/** Helpers for the trust tests: scratch copies of the sample board, and reading tables back out of the HTML. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeHtmlEntities } from '../../src/pdf/html-entities.js';
import { copySample } from '../report/sample.js';

/** Files a build of the sample writes, by edition. */
export function outputNames(edition: 'published' | 'internal' = 'published') {
  const suffix = edition === 'internal' ? '-internal' : '';
  return {
    html: `calderdale-safeguarding-children-board-annual-report-2012-13${suffix}.html`,
    pdf: `calderdale-safeguarding-children-board-annual-report-2012-13${suffix}.pdf`,
    json: `calderdale-safeguarding-children-board-indicators-2012-13${suffix}.json`,
    csv: `calderdale-safeguarding-children-board-indicators-2012-13${suffix}.csv`,
  };
}

/** Registers clean-ups and runs them (call `cleanup()` in afterAll/afterEach). */
export function scratchSpace() {
  const cleanups: (() => void)[] = [];
  return {
    dir(prefix = 'lscb-trust-'): string {
      const dir = mkdtempSync(path.join(tmpdir(), prefix));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return dir;
    },
    board(): string {
      const c = copySample();
      cleanups.push(c.remove);
      return c.dir;
    },
    cleanup(): void {
      while (cleanups.length) cleanups.pop()!();
    },
  };
}

/** Edit a text file in place. */
export function editFile(file: string, edit: (text: string) => string): void {
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

/** Turn suppression on in a board copy's board.yaml (the sample turns it off). */
export function enableSuppression(boardDir: string, threshold = 5): void {
  editFile(path.join(boardDir, 'board.yaml'), (t) => {
    const out = t.replace(/^ {2}suppress: false$/m, '  suppress: true').replace(/^ {2}threshold: \d+$/m, `  threshold: ${threshold}`);
    if (out === t && threshold === 5) throw new Error('board.yaml has no "suppress: false" to turn on');
    return out;
  });
  rewordTypedSmallCounts(boardDir);
}

/**
 * The sample's narrative types small counts as the published report did ("one child (8%)", "all but one
 * were female"); the published edition refuses them (`typed-small-count`). Reword them as a board would
 * before publishing, so a copy with suppression on builds.
 */
export function rewordTypedSmallCounts(boardDir: string): void {
  const narrative = path.join(boardDir, '2012-13', 'narrative');
  const edits: [string, string, string][] = [
    ['case-reviews.md', 'consanguinity was noted in only one (8%)', 'consanguinity was noted in very few'],
    ['case-reviews.md', 'one child (8%) had been subject', 'a small number of children had been subject'],
    ['appendix-cse.md', 'all but one were female', 'almost all were female'],
    ['quality-effectiveness.md', 'One case led to', 'A small number of cases led to'],
  ];
  for (const [file, from, to] of edits) {
    editFile(path.join(narrative, file), (t) => {
      if (!t.includes(from)) throw new Error(`${file} no longer says "${from}"`);
      return t.replace(from, to);
    });
  }
}

/** A table read back from the HTML: column headers, body rows and footer rows as cell texts. */
export interface HtmlTable {
  id: string;
  caption: string;
  columns: string[];
  rows: string[][];
  totals: string[][];
  /** The notes printed under the table. */
  notes: string[];
}

const text = (html: string) => decodeHtmlEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();

function cells(rowHtml: string): string[] {
  return [...rowHtml.matchAll(/<(th|td)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => text(m[2]!));
}

/** Every table of the report, by id. */
export function htmlTables(html: string): Map<string, HtmlTable> {
  const out = new Map<string, HtmlTable>();
  for (const block of html.matchAll(/<div class="table-block[^"]*">([\s\S]*?)<\/table>\s*<\/div>([\s\S]*?)<\/div>/g)) {
    const tableHtml = block[1]!;
    const id = /<table id="([^"]+)"/.exec(tableHtml)?.[1];
    if (!id) continue;
    const part = (tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(tableHtml)?.[1] ?? '';
    const rowsOf = (h: string) => [...h.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1]!));
    out.set(id, {
      id,
      caption: text(/<caption[^>]*>([\s\S]*?)<\/caption>/.exec(tableHtml)?.[1] ?? ''),
      columns: rowsOf(part('thead'))[0] ?? [],
      rows: rowsOf(part('tbody')),
      totals: rowsOf(part('tfoot')),
      notes: [...block[2]!.matchAll(/<p class="table-note">([\s\S]*?)<\/p>/g)].map((m) => text(m[1]!)),
    });
  }
  return out;
}

/** The table with `id`, failing the test when it is missing. */
export function tableOf(tables: Map<string, HtmlTable>, id: string): HtmlTable {
  const t = tables.get(id);
  if (!t) throw new Error(`no table ${id}; tables: ${[...tables.keys()].join(', ')}`);
  return t;
}

/** Collapse whitespace, as pdftotext breaks lines where the layout does. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A number as printed ("1,378" → 1378), or null for anything else ("[c]", "not available"). */
export function printedNumber(s: string): number | null {
  return /^-?[\d,]+(\.\d+)?%?$/.test(s) ? Number(s.replace(/[,%]/g, '')) : null;
}
