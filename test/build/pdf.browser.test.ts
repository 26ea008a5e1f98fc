/**
 * The sample built to PDF in a real browser and read back: pages, contents numbers against where each
 * heading really lands, metadata, bookmarks, tags and the reference figures; and the HTML checked with
 * axe-core inside the browser. Skipped outside CI when there is no browser; failing in CI.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';
import { describeWithBrowser, pageText, pdfInfo, scratchDir, testBrowserPath } from '../pdf/support.js';
import { loadSample, SAMPLE_DIR } from '../report/sample.js';
import { headingTexts, pageFlowProblems, pdfPages } from '../pdf/page-flow.js';

const HTML = 'calderdale-safeguarding-children-board-annual-report-2012-13.html';
const PDF = 'calderdale-safeguarding-children-board-annual-report-2012-13.pdf';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The titles of every bookmark in the PDF outline, depth first. */
function bookmarkTitles(doc: PDFDocument): string[] {
  const titles: string[] = [];
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const walk = (node: PDFDict | undefined): void => {
    let item = node;
    const seen = new Set<PDFDict>();
    while (item && !seen.has(item)) {
      seen.add(item);
      const title = item.lookup(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString) titles.push(squash(title.decodeText()));
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict));
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
  return titles;
}

describeWithBrowser('build to PDF (real browser)', () => {
  let out: ReturnType<typeof scratchDir>;
  let pdfFile: string;
  let html: string;
  let pages: string[];
  let sections: { id: string; title: string; label: string; heading: string }[];
  let code: number;
  let stdout: string;
  let browser: Browser | undefined;

  beforeAll(async () => {
    const browserPath = testBrowserPath();
    out = scratchDir();
    const r = await runCli(['build', '2012-13', '--data', SAMPLE_DIR, '--out', out.dir, '--browser', browserPath], { env: { PATH: process.env.PATH } });
    code = r.code;
    stdout = r.stdout;
    if (r.code !== 0) throw new Error(`build failed (${r.code}): ${r.stderr}`);
    pdfFile = path.join(out.dir, PDF);
    html = readFileSync(path.join(out.dir, HTML), 'utf8');
    const count = Number(pdfInfo(pdfFile).Pages);
    pages = Array.from({ length: count }, (_, i) => squash(pageText(pdfFile, i + 1)));
    const { board } = await loadSample();
    let main = 0;
    let appendix = 0;
    sections = board.sections.map((s) => {
      const isAppendix = s.id.startsWith('appendix');
      const label = isAppendix ? `Appendix ${++appendix}` : String(++main);
      return { id: s.id, title: s.title, label, heading: `${label}${isAppendix ? ':' : ''} ${s.title}` };
    });
    browser = await puppeteer.launch({ executablePath: browserPath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    out?.remove();
  });

  it('reports the PDF as written on the last line of stdout', () => {
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').at(-1)).toContain(PDF);
  });

  it('is A4, tagged, with title, author, subject, keywords, language and the publication date', async () => {
    const info = pdfInfo(pdfFile);
    expect(info.Title).toBe('Calderdale Safeguarding Children Board annual report 2012-13');
    expect(info.Author).toBe('Jane Booth');
    expect(info.Subject).toContain('safeguard');
    expect(info.Subject).toContain('1 April 2012 to 31 March 2013');
    expect(info.Keywords).toContain('safeguarding children');
    expect(info.Tagged).toBe('yes');
    expect(info['Page size']).toContain('A4');
    expect(info.CreationDate).toMatch(/^2013-08-29/);
    const doc = await PDFDocument.load(readFileSync(pdfFile), { updateMetadata: false });
    const lang = doc.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : String(lang)).toBe('en-GB');
  });

  it('has a cover page without running header, and headers and footers "Page X of Y" after it', () => {
    expect(pages.length).toBeGreaterThan(30);
    expect(pages[0]).toContain('Annual report 2012-13');
    expect(pages[0]).not.toContain('Page 1 of');
    expect(pages[1]).toContain('Contents');
    expect(pages[1]).toContain(`Page 2 of ${pages.length}`);
    expect(pages[5]).toContain('Calderdale Safeguarding Children Board · Annual report 2012-13');
    // The running head names the section the page belongs to.
    const training = pages.findIndex((p) => p.includes('Take-up of direct training by agency'));
    expect(pages[training]).toContain('7 Training provision');
    expect(pages.at(-1)).toContain(sections.at(-1)!.heading);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
  });

  it('prints each contents entry with the page its section heading really lands on', () => {
    const contents = pages[1]!;
    for (const s of sections) {
      const words = s.title.split(/\s+/).map(escapeRe);
      const pattern = new RegExp(
        `${escapeRe(s.label)} ${words.map((w, i) => (i === 0 ? w : `(?: (\\d{1,3}))? ${w}`)).join('')}(?: (\\d{1,3}))?`,
      );
      const m = pattern.exec(contents);
      expect(m, `contents entry for ${s.id}`).not.toBeNull();
      const listed = Number(m!.slice(1).find((g) => g !== undefined));
      // The first page after the contents that prints the heading (a long title is shortened in the running head).
      const actual = pages.findIndex((p, i) => i > 1 && p.includes(s.heading)) + 1;
      expect(actual, `heading "${s.heading}" found`).toBeGreaterThan(2);
      expect(listed, `contents page for ${s.id}`).toBe(actual);
    }
  });

  it('flows: no page but a part’s last is under a third full, and no page ends with a heading', () => {
    const heads = headingTexts(html);
    const partStarts = ['Contents', 'Calderdale Safeguarding Children Board 2012-13 at a glance', sections[0]!.heading, ...sections.filter((s) => s.id.startsWith('appendix')).map((s) => s.heading)];
    const flow = pdfPages(pdfFile);
    expect(flow.length).toBe(pages.length);
    expect(pageFlowProblems(flow, heads, partStarts)).toEqual([]);
    // Sections run on: fewer pages than one page (or more) per section plus front matter.
    const starts = sections.filter((s) => flow.some((p) => p.lines[0]?.text === s.heading)).length;
    expect(starts).toBeLessThan(sections.length);
  });

  it('prints body text at 11 pt or more, notes at 9 pt or more, chart text at 9 pt or more, titles above figures', async () => {
    const page = await browser!.newPage();
    try {
      await page.setJavaScriptEnabled(false);
      await page.emulateMediaType('print');
      // The A4 text column: 210 mm less 2 × 18 mm margins, at 96 px to the inch.
      await page.setViewport({ width: Math.round((174 / 25.4) * 96), height: 1100 });
      await page.setContent(html, { waitUntil: 'load' });
      const sizes = await page.evaluate(() => {
        const pt = (el: Element) => (parseFloat(getComputedStyle(el).fontSize) * 72) / 96;
        const all = (sel: string) => [...document.querySelectorAll(sel)];
        const min = (xs: number[]) => Math.min(...xs);
        const charts = all('figure.chart').map((fig) => {
          const svg = fig.querySelector('svg')!;
          const caption = fig.querySelector('figcaption')!;
          const viewBox = svg.viewBox.baseVal.width;
          const scale = svg.getBoundingClientRect().width / viewBox;
          const text = min([...svg.querySelectorAll('text')].map((t) => parseFloat(t.getAttribute('font-size') ?? '0') * scale * 0.75));
          return { text, captionAbove: caption.getBoundingClientRect().bottom <= svg.getBoundingClientRect().top };
        });
        const tables = all('table').map((t) => {
          const caption = t.querySelector('caption');
          const body = t.querySelector('tbody')!;
          return caption !== null && caption.getBoundingClientRect().bottom <= body.getBoundingClientRect().top + 1;
        });
        const sourced = all('.table-block, .figure-block').map((b) => b.querySelector('.table-source, .figure-source') !== null);
        return {
          body: min(all('.narrative p, .narrative li').map(pt)),
          notes: min(all('.table-note, .table-source, .figure-source, .para-refs').map(pt)),
          tableText: min(all('td, th').map(pt)),
          charts,
          tables,
          sourced,
        };
      });
      expect(sizes.body).toBeGreaterThanOrEqual(11);
      expect(sizes.notes).toBeGreaterThanOrEqual(9);
      expect(sizes.tableText).toBeGreaterThanOrEqual(9);
      expect(sizes.charts.length).toBe(2);
      for (const c of sizes.charts) {
        expect(c.text).toBeGreaterThanOrEqual(9);
        expect(c.captionAbove).toBe(true);
      }
      expect(sizes.tables.length).toBeGreaterThan(10);
      expect(sizes.tables.every(Boolean)).toBe(true);
      expect(sizes.sourced.every(Boolean)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('describes every link: the text the link has in the report, a bare paragraph number named as a paragraph', async () => {
    const doc = await PDFDocument.load(readFileSync(pdfFile), { updateMetadata: false });
    const links: { target: string; description: string | undefined }[] = [];
    for (const page of doc.getPages()) {
      const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      for (let i = 0; i < (annots?.size() ?? 0); i++) {
        const annot = annots!.lookup(i, PDFDict);
        if (annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
        const contents = annot.lookupMaybe(PDFName.of('Contents'), PDFString, PDFHexString);
        links.push({ target: String(annot.get(PDFName.of('Dest')) ?? 'uri'), description: contents?.decodeText() });
      }
    }
    expect(links.length).toBeGreaterThan(20);
    expect(links.filter((l) => !l.description || l.description.trim() === '')).toEqual([]);
    expect(links).toContainEqual({ target: '/section-training', description: 'Training provision' });
    expect(links).toContainEqual({ target: '/para-3-12', description: 'Paragraph 3.12' });
    expect(links).toContainEqual({ target: '/glance-note-1', description: 'note 1' });
  });

  it('has a bookmark for every section, none for the glance tiles; XMP title and language; page labels', async () => {
    const doc = await PDFDocument.load(readFileSync(pdfFile), { updateMetadata: false });
    const titles = bookmarkTitles(doc);
    expect(titles).not.toContain('Child protection plans open at 31 March');
    expect(titles).not.toContain('Key');
    const xmp = doc.catalog.lookup(PDFName.of('Metadata'));
    const xmpText = Buffer.from((xmp as unknown as { getContents(): Uint8Array }).getContents()).toString('utf8');
    expect(xmpText).toContain('<rdf:li xml:lang="x-default">Calderdale Safeguarding Children Board annual report 2012-13</rdf:li>');
    expect(xmpText).toContain('<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>');
    expect(String(doc.catalog.lookup(PDFName.of('PageLabels')))).toContain('/S /D');
    expect(String(doc.catalog.lookup(PDFName.of('ViewerPreferences')))).toContain('/DisplayDocTitle true');
    for (const s of sections) expect(titles, s.id).toContain(s.heading);
    expect(titles).toContain('Contents');
  });

  it('carries the reference figures in the right tables', () => {
    const all = pages.join('\n');
    const pageWith = (caption: string) => pages.find((p) => p.includes(caption)) ?? '';
    expect(pageWith('Source of referrals to the LADO, 2012-13')).toMatch(/Police 25/);
    expect(pageWith('Source of referrals to the LADO, 2012-13')).toMatch(/Total 144/);
    expect(pageWith('Nature of allegation, 2012-13')).toMatch(/Physical abuse 55/);
    expect(pageWith('Outcome of enquiries, 2012-13')).toMatch(/Substantiated 43 42/);
    expect(pageWith('Expenditure, 2012-13')).toMatch(/Total expenditure £207,509/);
    expect(all).toMatch(/Carried forward to 2013-14 £46,703/);
    expect(pageWith('E-learning courses completed, 2012-13')).toMatch(/Total 1,068/);
    expect(pageWith('Direct training events by type, 2012-13')).toMatch(/Total 66 1,378/);
    expect(pageWith('Child protection indicators, 2012-13 against 2011-12')).toMatch(/Child protection plans open at 31 March 217 237/);
    // With the England and regional comparator columns, pdftotext reads the first row's label after the cells.
    const cdop = pageWith('Child deaths notified and reviewed, 2012-13');
    expect(cdop).toMatch(/Child deaths Number England Region 17 \[x\] \[x\] 9 /);
    expect(cdop).toMatch(/35\.3% 38% 27%/);
    expect(all).toMatch(/Jane Booth Independent Chair Calderdale Safeguarding Children Board/);
  });

  it('draws the charts in the PDF, not just their captions', () => {
    const lado = pages.find((p) => p.includes('Allegations referred to the LADO, 2007-08 to 2012-13'))!;
    expect(lado).toBeDefined();
    // Axis titles and bar labels come from the SVG itself.
    expect(lado).toMatch(/Referrals received/);
    expect(lado).toMatch(/\bYear\b/);
    const training = pages.find((p) => p.includes('Take-up of direct training by agency'));
    expect(training).toMatch(/Participants/);
  });

  it('tags each chart as one Figure with its text alternative', async () => {
    const doc = await PDFDocument.load(readFileSync(pdfFile), { updateMetadata: false });
    const alts: string[] = [];
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFDict) || obj.get(PDFName.of('S'))?.toString() !== '/Figure') continue;
      const alt = obj.lookup(PDFName.of('Alt'));
      alts.push(alt instanceof PDFString || alt instanceof PDFHexString ? alt.decodeText() : '');
    }
    expect(alts).toHaveLength(2);
    expect(alts.some((a) => a.includes('2012-13 144'))).toBe(true);
    expect(alts.some((a) => a.includes('participants at direct training events by agency'))).toBe(true);
  });

  it('passes axe-core in the browser with no violations', async () => {
    const page = await browser!.newPage();
    try {
      await page.setBypassCSP(true);
      await page.setContent(html, { waitUntil: 'load' });
      const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
      await page.addScriptTag({ content: readFileSync(axePath, 'utf8') });
      const result = (await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe;
        return axe.run(document, { resultTypes: ['violations'] });
      })) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
      const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
      expect(summary).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('fits a phone screen and an A4 page without sideways scrolling of the page', async () => {
    const page = await browser!.newPage();
    try {
      await page.setJavaScriptEnabled(false);
      await page.setViewport({ width: 360, height: 740 });
      await page.setContent(html, { waitUntil: 'load' });
      const phone = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(phone.scroll).toBeLessThanOrEqual(phone.client);
      // A4 less the side margins is about 658 CSS px; anything wider would make Chrome shrink every page.
      await page.emulateMediaType('print');
      await page.setViewport({ width: 658, height: 1000 });
      const a4 = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(a4.scroll).toBeLessThanOrEqual(a4.client);
    } finally {
      await page.close();
    }
  });

  it('gives the same PDF bytes when built again', async () => {
    const again = scratchDir();
    try {
      const r = await runCli(['build', '2012-13', '--data', SAMPLE_DIR, '--out', again.dir, '--browser', testBrowserPath()]);
      expect(r.code).toBe(0);
      expect(readFileSync(path.join(again.dir, PDF)).equals(readFileSync(pdfFile))).toBe(true);
    } finally {
      again.remove();
    }
  });
});
