/**
 * The published HTML in a real browser, at a phone's width (390 px) and a desktop's (1280 px): axe-core
 * finds no violation of WCAG 2.2 A/AA or its best practices, the page never scrolls sideways, and no
 * element sticks out past either edge (a wide table scrolls inside its own focusable region instead).
 * Checked for the Calderdale report as `build` writes it, its cover paper and its year-at-a-glance page,
 * and the Kirklees and Pennine Vale reports (boards' own layouts). Skipped outside CI without a browser; failing in CI.
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';
import { a11yBrowserPath, axeViolations, describeInBrowser, DISABLED_AXE_RULES, measureOverflow } from './support.js';

const CALDERDALE = path.resolve('data-samples/calderdale');
const KIRKLEES = path.resolve('data-samples/kirklees');
const PENNINE_VALE = path.resolve('data-samples/pennine-vale-partnership');

const WIDTHS = [390, 1280] as const;

/** The documents a board publishes, by name: file written by a command. */
const documents: Record<string, string> = {};

describeInBrowser('published HTML: axe-core and overflow at 390 px and 1280 px (real browser)', () => {
  let out: string;
  let browser: Browser | undefined;

  beforeAll(async () => {
    const browserPath = a11yBrowserPath();
    out = mkdtempSync(path.join(tmpdir(), 'lscb-a11y-test-'));
    // Calderdale with a board's own front and back matter, table and charts (bar and line).
    const own = path.join(out, 'own-board');
    cpSync(CALDERDALE, own, { recursive: true });
    mkdirSync(path.join(own, 'images'));
    writeFileSync(path.join(own, 'images', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 50"><circle cx="25" cy="25" r="20" fill="#1d4e89"/></svg>');
    writeFileSync(path.join(own, 'inside-cover.md'), 'Published by the board in August 2013. Read [the board’s website](https://www.example.org/cscb) for other formats.\n');
    appendFileSync(
      path.join(own, 'board.yaml'),
      '\nlogo:\n  file: images/logo.svg\n  alt: Calderdale Safeguarding Children Board\ninsideCover: inside-cover.md\nbackPage:\n  address: |\n    Westgate House\n    Halifax HX1 1PS\n  telephone: 01422 000000\n  email: cscb@example.org\n  website: https://www.example.org/cscb\n',
    );
    writeFileSync(
      path.join(own, 'tables.yaml'),
      [
        'tables:',
        '  - { id: local.summary, title: "The year in figures, {year}", rows: [cp.plans_open_at_year_end, lado.referrals, context.looked_after_children], earlierYears: 3, direction: true, section: priority-groups }',
        'charts:',
        '  - { id: local.lado, title: "Allegations referred, {firstYear} to {year}", type: bar, rows: [lado.referrals], earlierYears: 5, section: allegations }',
        '  - { id: local.trend, title: "Plans and looked-after children, {firstYear} to {year}", type: line, rows: [cp.plans_open_at_year_end, context.looked_after_children], earlierYears: 1, section: priority-groups }',
        '',
      ].join('\n'),
    );
    const runs: [string, string[], string][] = [
      ['Calderdale with its own matter and figures', ['build', '2012-13', '--data', own], ''],
      ['Calderdale report', ['build', '2012-13', '--data', CALDERDALE], 'calderdale-safeguarding-children-board-annual-report-2012-13.html'],
      ['Calderdale cover paper', ['cover', '2012-13', '--data', CALDERDALE], 'calderdale-safeguarding-children-board-cover-paper-2012-13.html'],
      ['Calderdale year at a glance', ['glance', '2012-13', '--data', CALDERDALE], 'calderdale-safeguarding-children-board-at-a-glance-2012-13.html'],
      ['Kirklees report', ['build', '2008-09', '--data', KIRKLEES], ''],
      ['Pennine Vale report', ['build', '2023-24', '--data', PENNINE_VALE], ''],
    ];
    for (const [name, args, file] of runs) {
      const dir = path.join(out, name.replace(/\W+/g, '-'));
      const r = await runCli([...args, '--out', dir, '--format', 'html']);
      if (r.code !== 0) throw new Error(`${name}: ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
      const written = file || r.stdout.match(/Wrote ([^,\s]+\.html)/)![1]!;
      documents[name] = readFileSync(path.join(dir, written), 'utf8');
      // The board's own settings above are all usable: no finding about them.
      if (/\[(figure|matter|logo)-/.test(r.stderr)) throw new Error(`${name}: findings about its own settings: ${r.stderr}`);
    }
    browser = await puppeteer.launch({ executablePath: browserPath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('disables no axe rule without a reason', () => {
    for (const [rule, reason] of Object.entries(DISABLED_AXE_RULES)) expect(reason.length, rule).toBeGreaterThan(20);
  });

  for (const name of ['Calderdale report', 'Calderdale cover paper', 'Calderdale year at a glance', 'Kirklees report', 'Pennine Vale report', 'Calderdale with its own matter and figures']) {
    for (const width of WIDTHS) {
      it(`${name} at ${width} px: no axe violations, nothing outside the viewport`, async () => {
        const page = await browser!.newPage();
        try {
          // The documents forbid scripts in their Content-Security-Policy; axe is injected by the test.
          await page.setBypassCSP(true);
          await page.setViewport({ width, height: 900 });
          await page.setContent(documents[name]!, { waitUntil: 'load' });
          const overflow = await measureOverflow(page);
          expect(overflow.outside).toEqual([]);
          expect(overflow.viewport).toBe(width);
          expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.viewport);
          const violations = await axeViolations(page);
          expect(violations.map((v) => `${v.impact}: ${v.id}: ${v.help} (${v.targets.join(', ')})`)).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }

  it('the measure catches what it is for: an element pushed past the left edge, a page too wide', async () => {
    const page = await browser!.newPage();
    try {
      await page.setViewport({ width: 390, height: 900 });
      await page.setContent(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><h1>t</h1>' +
          '<div style="margin-left:-40px">pushed left</div><div style="width:600px">too wide</div>' +
          '<div style="overflow-x:auto"><div style="width:900px">scrolls in its region</div></div></main></body></html>',
      );
      const overflow = await measureOverflow(page);
      expect(overflow.outside.join('\n')).toContain('"pushed left"');
      expect(overflow.outside.join('\n')).toContain('"too wide"');
      expect(overflow.outside.join('\n')).not.toContain('scrolls in its region');
      expect(overflow.scrollWidth).toBeGreaterThan(390);
      await page.setContent('<!DOCTYPE html><html><head></head><body><a href="#x"></a><img src="data:,"></body></html>');
      const ids = (await axeViolations(page)).map((v) => v.id);
      expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'document-title', 'link-name', 'image-alt']));
    } finally {
      await page.close();
    }
  });
});
