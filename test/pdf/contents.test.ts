import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { fillContentsPlaceholders, listContentsTargets, readDestinationPages } from '../../src/pdf/contents.js';

const entry = (id: string, title: string, attrs = `class="toc-page" data-toc-target="${id}"`) =>
  `<li><a href="#${id}">${title}</a> <span ${attrs}>00</span></li>`;

describe('contents placeholders', () => {
  it('lists the targets in document order, decoding HTML escapes', () => {
    const html = `<ol>${entry('intro', 'Intro')}${entry('x&amp;y', 'X and Y')}${entry('&#x27;q&#39;', 'Q')}</ol>`;
    expect(listContentsTargets(html)).toEqual(['intro', 'x&y', "'q'"]);
  });

  it('fills in page numbers and touches nothing else', () => {
    const html = `<ol>${entry('intro', 'Intro')}${entry('money', 'Money')}</ol><span class="other">00</span>`;
    const result = fillContentsPlaceholders(
      html,
      new Map([
        ['intro', 3],
        ['money', 12],
      ]),
    );
    expect(result).toEqual({
      html:
        '<ol><li><a href="#intro">Intro</a> <span class="toc-page" data-toc-target="intro">3</span></li>' +
        '<li><a href="#money">Money</a> <span class="toc-page" data-toc-target="money">12</span></li></ol>' +
        '<span class="other">00</span>',
      filled: 2,
      missing: [],
    });
  });

  it('accepts other classes, single quotes and any attribute order', () => {
    const html = `<span data-toc-target='a' class='num toc-page'>00</span><span class="toc-pages" data-toc-target="a">00</span>`;
    expect(fillContentsPlaceholders(html, new Map([['a', 7]])).html).toBe(
      `<span data-toc-target='a' class='num toc-page'>7</span><span class="toc-pages" data-toc-target="a">00</span>`,
    );
  });

  it('reports targets with no page and leaves their placeholder alone', () => {
    const html = `${entry('a', 'A')}${entry('gone', 'Gone')}`;
    const result = fillContentsPlaceholders(html, new Map([['a', 2]]));
    expect(result.missing).toEqual(['gone']);
    expect(result.filled).toBe(1);
    expect(result.html).toContain('data-toc-target="gone">00</span>');
  });

  it('is idempotent: filling twice with the same pages gives the same HTML', () => {
    const pages = new Map([['a', 2]]);
    const once = fillContentsPlaceholders(entry('a', 'A'), pages).html;
    expect(fillContentsPlaceholders(once, pages).html).toBe(once);
  });
});

describe('readDestinationPages', () => {
  it("reads Chromium's /Dests dictionary (percent-encoded names) and a /Names tree", async () => {
    const doc = await PDFDocument.create();
    const [p1, p2, p3] = [doc.addPage(), doc.addPage(), doc.addPage()];
    const dest = (ref: typeof p1.ref) => doc.context.obj([ref, PDFName.of('XYZ'), 0, 800, 0]);
    const dests = doc.context.obj({});
    dests.set(PDFName.of('intro'), dest(p2.ref));
    dests.set(PDFName.of('caf%C3%A9'), dest(p3.ref));
    dests.set(PDFName.of('nowhere'), doc.context.obj([PDFName.of('XYZ')]));
    doc.catalog.set(PDFName.of('Dests'), dests);
    const leaf = doc.context.obj({
      Names: [PDFString.of('appendix'), dest(p3.ref), PDFHexString.fromText('cover'), doc.context.obj({ D: dest(p1.ref) })],
    });
    const tree = doc.context.obj({ Kids: [doc.context.register(leaf)] });
    doc.catalog.set(PDFName.of('Names'), doc.context.obj({ Dests: tree }));

    const reloaded = await PDFDocument.load(await doc.save());
    expect(Object.fromEntries(readDestinationPages(reloaded))).toEqual({ intro: 2, café: 3, appendix: 3, cover: 1 });
  });

  it('gives an empty map for a PDF with no destinations', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    expect(readDestinationPages(doc).size).toBe(0);
  });
});
