import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { repairOutlineTitles } from '../../src/pdf/outline.js';

/** A PDF whose bookmarks have the given titles (a flat list, plus one child under the first). */
async function withBookmarks(titles: string[], childTitle: string): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const root = doc.context.obj({ Type: 'Outlines' });
  const rootRef = doc.context.register(root);
  const items = titles.map((title) => doc.context.obj({ Title: PDFString.of(title), Parent: rootRef }));
  const refs = items.map((item) => doc.context.register(item));
  items.forEach((item, i) => {
    if (i + 1 < refs.length) item.set(PDFName.of('Next'), refs[i + 1]!);
  });
  const child = doc.context.obj({ Title: PDFHexString.fromText(childTitle), Parent: refs[0]! });
  items[0]!.set(PDFName.of('First'), doc.context.register(child));
  root.set(PDFName.of('First'), refs[0]!);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  return doc;
}

function titles(doc: PDFDocument): string[] {
  const out: string[] = [];
  const visit = (item: PDFDict | undefined): void => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      out.push(node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '');
      visit(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  visit(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
  return out;
}

describe('repairOutlineTitles', () => {
  it("puts back the space Chromium drops where a long heading wraps, at any depth", async () => {
    const doc = await withBookmarks(['Governance and accountabilityarrangements', 'Contents'], 'Café &partners');
    const html = `<h1 id="g">Governance and
      accountability <em>arrangements</em></h1><h2>Contents</h2><h3>Café &amp;<br>partners</h3>`;
    expect(repairOutlineTitles(doc, html)).toBe(2);
    expect(titles(doc)).toEqual(['Governance and accountability arrangements', 'Café & partners', 'Contents']);
  });

  it('leaves titles that match no heading, or match two differently spaced headings', async () => {
    const doc = await withBookmarks(['Somethingelse', 'Ab c'], 'Child');
    const html = '<h1>Something other</h1><h2>A bc</h2><h2>Ab c d</h2><h3>A b c</h3>';
    expect(repairOutlineTitles(doc, html)).toBe(0);
    expect(titles(doc)).toEqual(['Somethingelse', 'Child', 'Ab c']);
  });
});
