/**
 * One vocabulary for the direction of a change: the cover paper, the glance page and the report's tables
 * all say "Better", "Worse", "No change", "Not judged" (VERDICT_WORDS), never "Improved", "Worsened" or
 * "Not rated".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCoverPaper } from '../../src/cover/load-cover-paper.js';
import { buildCoverPaperModel } from '../../src/cover/model.js';
import { renderCoverPaperHtml } from '../../src/cover/render-cover-paper.js';
import { VERDICT_WORDS } from '../../src/glance/headline.js';
import { renderGlanceHtml } from '../../src/glance/render-glance.js';
import { assembleReport } from '../../src/report/build-report.js';
import { loadSample, SAMPLE_DIR } from '../report/sample.js';

/** The words a reader sees: no styles, no tags, no attribute values. */
const visibleText = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

/** Words for a direction that are not the tool's vocabulary. */
const OTHER_WORDS = /\b(improved most|worsened most|improved|worsened|not rated|unrated|deteriorated)\b/i;

let cover: string;
let glance: string;
let report: string;

beforeAll(async () => {
  const sample = await loadSample();
  const loaded = await loadCoverPaper(SAMPLE_DIR, '2012-13');
  const model = buildCoverPaperModel(sample.board, sample.indicators, loaded.paper!, { file: loaded.file, textLine: loaded.textLine });
  cover = visibleText(await renderCoverPaperHtml(model));
  glance = visibleText(renderGlanceHtml(sample.indicators, { boardName: sample.board.config!.board.name }));
  // The report's narrative is the board's own words ("services improved"); what the tool writes about a
  // change is in its tables and the glance page inside it.
  const html = (await assembleReport(sample.board, sample.data, sample.indicators)).html;
  report = [...html.matchAll(/<table[\s\S]*?<\/table>|<section class="glance[\s\S]*?<\/section>/g)].map((m) => visibleText(m[0])).join(' ');
});

describe('the direction of a change, in words', () => {
  it('the cover paper heads its two lists with the verdict words, beside the same symbols as the key', () => {
    expect(cover).toMatch(/Where the figures moved most .* Better Figure 2012-13 2011-12 Change Plans ended that had lasted 2 years or more \(%\) 7\.5% 10\.6%/);
    expect(cover).toMatch(/ Worse Figure 2012-13 2011-12 Change LADO referrals concluded within one month \(%\) 82\.6% 89%/);
    expect(cover).toContain('Key to “Better or worse?”');
  });

  it("the cover paper, the glance page and the report's tables use only the verdict words", () => {
    expect(report.length).toBeGreaterThan(10_000);
    for (const [name, text] of [['cover paper', cover], ['glance', glance], ['report', report]] as const) {
      expect(text.match(OTHER_WORDS)?.[0], name).toBeUndefined();
    }
    for (const word of [VERDICT_WORDS.improved, VERDICT_WORDS.worsened, VERDICT_WORDS['not-rated']]) {
      for (const [name, text] of [['cover paper', cover], ['glance', glance], ['report', report]] as const) {
        expect(text, `${name} says "${word}"`).toContain(` ${word} `);
      }
    }
  });
});
