/**
 * The year at a glance and the cover paper printed in a real browser and read back: page count, title
 * metadata and the figures on the page. Skipped outside CI when there is no browser; failing in CI.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';
import { describeWithBrowser, pageText, scratchDir, testBrowserPath } from '../pdf/support.js';
import { SAMPLE_DIR } from '../report/sample.js';

const GLANCE = 'calderdale-safeguarding-children-board-at-a-glance-2012-13.pdf';
const COVER = 'calderdale-safeguarding-children-board-cover-paper-2012-13.pdf';
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** axe-core's violations for `html`, at the given viewport width, as "rule: help (targets)". */
async function axeViolations(browser: Browser, html: string, width: number): Promise<string[]> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width, height: 900 });
    await page.setBypassCSP(true);
    await page.setContent(html, { waitUntil: 'load' });
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    await page.addScriptTag({ content: readFileSync(axePath, 'utf8') });
    const result = (await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe;
      return axe.run(document, { resultTypes: ['violations'] });
    })) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
  } finally {
    await page.close();
  }
}

describeWithBrowser('glance and cover paper to PDF (real browser)', () => {
  let out: ReturnType<typeof scratchDir>;
  let glance: PDFDocument;
  let cover: PDFDocument;
  let browser: Browser | undefined;

  beforeAll(async () => {
    const browserPath = testBrowserPath();
    out = scratchDir();
    const env = { PATH: process.env.PATH };
    for (const command of ['glance', 'cover']) {
      const r = await runCli([command, '2012-13', '--data', SAMPLE_DIR, '--out', out.dir, '--browser', browserPath], { env });
      if (r.code !== 0) throw new Error(`${command} failed (${r.code}): ${r.stderr}`);
      expect(r.stdout).toContain('.pdf');
    }
    glance = await PDFDocument.load(readFileSync(path.join(out.dir, GLANCE)), { updateMetadata: false });
    cover = await PDFDocument.load(readFileSync(path.join(out.dir, COVER)), { updateMetadata: false });
    browser = await puppeteer.launch({ executablePath: browserPath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    out?.remove();
  });

  it('both HTML files pass axe-core on a desktop and on a phone', async () => {
    for (const name of [GLANCE, COVER]) {
      const html = readFileSync(path.join(out.dir, name.replace(/\.pdf$/, '.html')), 'utf8');
      for (const width of [1200, 375]) expect(await axeViolations(browser!, html, width), `${name} at ${width}px`).toEqual([]);
    }
  });

  it('the glance is one printable page (two at most) with its title in the metadata', () => {
    expect(glance.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(glance.getPageCount()).toBeLessThanOrEqual(2);
    expect(glance.getTitle()).toBe('Calderdale Safeguarding Children Board: 2012-13 at a glance');
    expect((glance.catalog.lookup(PDFName.of('Lang')) as PDFString).decodeText()).toBe('en-GB');
    const { width, height } = glance.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]); // A4 portrait in points
  });

  it('fifteen figures (three columns) still print on one or two pages', async () => {
    const ids = [
      'cp.plans_open_at_year_end', 'cp.rate_per_10k', 'cp.plans_started', 'cp.plans_ended', 'cp.second_or_subsequent_pct',
      'cp.lasting_2y_plus_pct', 'cp.reviewed_in_time_pct', 'lado.referrals', 'lado.concluded_within_1_month_pct', 'lado.work_based',
      'cdop.deaths_notified', 'cdop.reviews_concluded', 'training.events', 'training.participants', 'finance.carry_forward',
    ];
    const many = scratchDir();
    try {
      const r = await runCli(['glance', '2012-13', '--data', SAMPLE_DIR, '--out', many.dir, '--browser', testBrowserPath(), '--id', ...ids], { env: { PATH: process.env.PATH } });
      expect(r.code, r.stderr).toBe(0);
      const doc = await PDFDocument.load(readFileSync(path.join(many.dir, GLANCE)), { updateMetadata: false });
      expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
      expect(doc.getPageCount()).toBeLessThanOrEqual(2);
    } finally {
      many.remove();
    }
  });

  it('the glance page shows every figure with its verdict word', () => {
    const t = squash(pageText(path.join(out.dir, GLANCE), 1));
    for (const s of ['217', '2011-12: 237', 'down 20 (8.4%)', '100.0%', 'Better', '82.6%', 'Worse', 'Not judged', '£46,703', '1,068']) {
      expect(t).toContain(s);
    }
  });

  it('the cover paper has its title, author and date in the metadata', () => {
    expect(cover.getTitle()).toBe('Calderdale Safeguarding Children Board annual report 2012-13: cover paper for Calderdale Health and Wellbeing Board');
    expect(cover.getAuthor()).toBe('Jane Booth, Bernadette Johansen');
    expect(cover.getCreationDate()?.toISOString()).toBe('2013-09-24T00:00:00.000Z');
    expect(cover.getPageCount()).toBeGreaterThanOrEqual(2);
    expect(cover.getPageCount()).toBeLessThanOrEqual(4);
  });

  it('the cover paper prints its figures, and numbers its pages', () => {
    const file = path.join(out.dir, COVER);
    const pages = Array.from({ length: cover.getPageCount() }, (_, i) => squash(pageText(file, i + 1)));
    const all = pages.join(' ');
    // pdftotext reads table cells in layout order, not row by row, so look for each cell.
    for (const s of ['Child protection plans open at 31 March', '217', '237', 'down 20 (8.4%)', 'Where the figures moved most', 'Better', 'Worse']) {
      expect(all).toContain(s);
    }
    expect(all).toContain('Plans reviewed on time (%) 100.0% 97.8% up 2.2 percentage points');
    expect(all).toMatch(/LADO referrals concluded within one month \(%\).*82\.6%.*89%.*down 6\.4 percentage points/);
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
    expect(pages[0]).toContain('Calderdale Health and Wellbeing Board');
  });
});
