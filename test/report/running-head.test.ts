/**
 * The running head names the section a page's text starts in: a section whose heading lands low on a page
 * heads the next page, not the one where the previous section is still running. Read back from a PDF
 * made with pdf-lib, with the named destinations Chromium writes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { destinationTops, fit, stampRunningHeads } from '../../src/pdf/running-head.js';

const A4 = [595.28, 841.89] as const;

/** A PDF of `pages` blank A4 pages with a named destination for each `[id, page, top]`. */
async function pdfWith(pages: number, dests: [string, number, number][]): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([...A4]);
  const dict = doc.context.obj({});
  for (const [id, page, top] of dests) {
    dict.set(PDFName.of(encodeURIComponent(id)), doc.context.obj([doc.getPage(page - 1).ref, PDFName.of('XYZ'), 0, top, 0]));
  }
  doc.catalog.set(PDFName.of('Dests'), dict);
  return doc;
}

/** The text on each page, as pdftotext reads it (poppler-utils, which the PDF tests need too). */
async function headsOf(doc: PDFDocument): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lscb-head-'));
  try {
    const file = path.join(dir, 'heads.pdf');
    writeFileSync(file, await doc.save());
    return Array.from({ length: doc.getPageCount() }, (_, i) => {
      const r = spawnSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' });
      if (r.error) throw r.error;
      return r.stdout.replace(/\s+/g, ' ').trim();
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('running heads', () => {
  it('read how far down its page each destination is', async () => {
    const doc = await pdfWith(2, [['section-a', 1, 780], ['section b', 2, 300]]);
    expect([...destinationTops(doc)]).toEqual([['section-a', 780], ['section b', 300]]);
  });

  it('a section that starts low on a page heads the next page; one that opens a page heads it', async () => {
    const doc = await pdfWith(4, [
      ['s1', 1, 780], // opens page 1
      ['s2', 2, 300], // starts low on page 2: page 2 is still s1's
      ['s3', 4, 770], // opens page 4
    ]);
    const pages = new Map([['s1', 1], ['s2', 2], ['s3', 4]]);
    const stamped = await stampRunningHeads(doc, pages, [
      { anchor: 's1', text: 'One' },
      { anchor: 's2', text: 'Two' },
      { anchor: 's3', text: 'Three' },
    ]);
    expect(stamped).toBe(4);
    expect(await headsOf(doc)).toEqual(['One', 'One', 'Two', 'Three']);
  });

  it('the first section heads its page even when it starts low on it', async () => {
    const doc = await pdfWith(2, [['s1', 1, 200]]);
    await stampRunningHeads(doc, new Map([['s1', 1]]), [{ anchor: 's1', text: 'One' }]);
    expect(await headsOf(doc)).toEqual(['One', 'One']);
  });
});

describe('a section title too long for the running head', () => {
  it('is shortened at a whole word, with an ellipsis, and never past the room it has', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const title = '8 Quality and effectiveness of arrangements and practice';
    const width = font.widthOfTextAtSize('8 Quality and effectiveness of arrangements and pra', 9);
    const shown = fit(font, title, width);
    expect(shown).toBe('8 Quality and effectiveness of arrangements and…');
    expect(font.widthOfTextAtSize(shown, 9)).toBeLessThanOrEqual(width);
    expect(fit(font, 'Short title', 500)).toBe('Short title');
  });
});
