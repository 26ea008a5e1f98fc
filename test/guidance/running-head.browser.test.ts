/**
 * Issue 15: the partnership sample's long name ("Pennine Vale Safeguarding Children Partnership · Annual
 * report 2023-24") and its long appendix title ("Appendix 1: How this report meets the statutory
 * guidance") once printed on top of each other at the head of the page. Built to PDF in a real browser and
 * read back with `pdftotext -bbox-layout`: on every page the words in the top margin do not overlap, and the
 * section title starts clear of the board's header. Skipped outside CI when there is no browser; failing in CI.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';
import { describeWithBrowser, scratchDir, testBrowserPath } from '../pdf/support.js';

const PARTNERSHIP = path.resolve('data-samples/pennine-vale-partnership');
const PDF = 'pennine-vale-safeguarding-children-partnership-annual-report-2023-24.pdf';
/** The top page margin (20 mm) in points: words above it are the running header and head. */
const MARGIN = (20 / 25.4) * 72;

interface Word {
  text: string;
  xMin: number;
  xMax: number;
}

/** The words printed in the top margin of each page, left to right. */
function headerWords(file: string): Word[][] {
  const result = spawnSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return [...result.stdout.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map((page) =>
    [...page[1]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .filter((w) => Number(w[4]) < MARGIN)
      .map((w) => ({ text: w[5]!, xMin: Number(w[1]), xMax: Number(w[3]) }))
      .sort((a, b) => a.xMin - b.xMin),
  );
}

describeWithBrowser('the partnership PDF’s running header and section titles (real browser)', () => {
  let pages: Word[][];
  const out = scratchDir();
  afterAll(() => out.remove());

  beforeAll(async () => {
    const r = await runCli(['build', '2023-24', '--data', PARTNERSHIP, '--out', out.dir, '--format', 'pdf', '--browser', testBrowserPath()], {
      env: { PATH: process.env.PATH },
    });
    if (r.code !== 0) throw new Error(`build failed (${r.code}): ${r.stderr}`);
    pages = headerWords(path.join(out.dir, PDF));
  });

  it('keeps the section title clear of the board’s header on every page, the appendix pages included', () => {
    const appendixPages = pages.filter((words) => words.some((w) => w.text === 'Appendix'));
    expect(appendixPages.length).toBeGreaterThan(0);
    let checked = 0;
    for (const [index, words] of pages.entries()) {
      if (words.length === 0) continue; // the cover
      for (let i = 1; i < words.length; i++) {
        expect(words[i]!.xMin, `page ${index + 1}: "${words[i - 1]!.text}" and "${words[i]!.text}" overlap`).toBeGreaterThanOrEqual(words[i - 1]!.xMax);
      }
      const end = words.findIndex((w) => w.text === '2023-24');
      expect(end, `page ${index + 1} has the board's header`).toBeGreaterThanOrEqual(0);
      const head = words[end + 1];
      if (head === undefined) continue; // before the first section: no head
      expect(head.xMin - words[end]!.xMax, `page ${index + 1}: gap before "${head.text}"`).toBeGreaterThanOrEqual(8);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(appendixPages.length);
  });
});
