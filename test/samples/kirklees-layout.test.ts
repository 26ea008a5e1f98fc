/**
 * The Kirklees sample laid out as the board's own document (issue 11): an unnumbered foreword, a section
 * of its own without warnings, the budget sheet and training list as lettered appendices that keep their
 * tables, a table placed mid-section, and cross-references that print the right numbers, also after the
 * sections are reordered. The PDF is built once and read back for page flow.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel, type ReportModel } from '../../src/report/model.js';
import { runCli } from '../cli/helpers.js';
import { headingTexts, pageFlowProblems, pdfPages } from '../pdf/page-flow.js';
import { describeWithBrowser, scratchDir, testBrowserPath } from '../pdf/support.js';
import { loadSample, section, type Loaded } from '../report/sample.js';

/** A cross-reference link as rendered: the printed text, named for what it leads to (aria-label) when the text is only a number. */
function crossRef(before: string, anchor: string, text: string): RegExp {
  const esc = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const kind = /^\d+\.\d+$/.test(text) ? `paragraph ${esc(text)}, in [^"]+` : /^Appendix/.test(text) ? `${esc(text)}: [^"]+` : `section ${esc(text)}: [^"]+`;
  return new RegExp(`${esc(before)}<a href="#${esc(anchor)}" aria-label="${kind}">${esc(text)}</a>`);
}


const DIR = path.resolve('data-samples/kirklees');
const YEAR = '2008-09';

describe('Kirklees sample: the board’s own layout', () => {
  let k: Loaded;
  let model: ReportModel;
  beforeAll(async () => {
    k = await loadSample(DIR, YEAR);
    model = buildReportModel(k.board, k.data, k.indicators);
  });

  it('has an unnumbered foreword, its own section without a warning, and lettered appendices', () => {
    expect(model.contents.map((c) => c.label)).toEqual(['', '1', '2', '3', '4', '5', '6', '7', 'Appendix A', 'Appendix B']);
    expect(section(model.sections, 'childs-journey').title).toBe("The child's journey through help and protection");
    expect(k.board.findings.filter((f) => f.code === 'unknown-section')).toEqual([]);
    expect(k.data.findings.filter((f) => f.code === 'narrative-unused' || f.code === 'narrative-missing')).toEqual([]);
  });

  it('keeps the budget sheet’s tables in its appendix', () => {
    const finance = section(model.sections, 'finance');
    expect(finance.label).toBe('Appendix A');
    expect(finance.tables.expenditure!.available).toBe(true);
    expect(finance.tables.income!.available).toBe(true);
  });

  it('places the child protection table in the middle of the journey section', () => {
    const journey = section(model.sections, 'childs-journey');
    expect(Object.keys(journey.placed)).toEqual(['table:priority-groups.cpIndicators']);
    const html = journey.narrative.html;
    const marker = html.indexOf('data-place="table:priority-groups.cpIndicators"');
    expect(marker).toBeGreaterThan(html.indexOf('4.3'));
    expect(marker).toBeLessThan(html.indexOf('4.4'));
    expect(section(model.sections, 'priority-groups').tables.cpIndicators!.placed).toBe(true);
  });

  it('prints the generated numbers of the sections and paragraph it refers to', () => {
    const html = section(model.sections, 'childs-journey').narrative.html;
    expect(html).toMatch(crossRef('listed in ', 'section-training', 'Appendix B'));
    expect(html).toMatch(crossRef('section ', 'section-local-context', '2'));
    expect(html).toMatch(crossRef('section ', 'section-priority-groups', '5'));
    expect(html).toMatch(crossRef('paragraph ', 'para-4-2', '4.2'));
    expect(html).toMatch(crossRef('shown in ', 'section-finance', 'Appendix A'));
  });

  it('renumbers them when the sections are reordered', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'lscb-kirklees-'));
    try {
      const dir = path.join(root, 'kirklees');
      cpSync(DIR, dir, { recursive: true });
      const file = path.join(dir, 'board.yaml');
      const yaml = readFileSync(file, 'utf8');
      // The journey moves before local context, and the training list becomes the first appendix.
      const moved = yaml
        .replace(/  - id: childs-journey\n(    .*\n){2}/, '')
        .replace('  - local-context\n', `${/  - id: childs-journey\n(    .*\n){2}/.exec(yaml)![0]}  - local-context\n`)
        .replace(/  - id: training\n(    .*\n){2}/, '')
        .replace('  - id: finance\n', `${/  - id: training\n(    .*\n){2}/.exec(yaml)![0]}  - id: finance\n`);
      expect(moved).not.toBe(yaml);
      writeFileSync(file, moved);
      const again = await loadSample(dir, YEAR);
      const m = buildReportModel(again.board, again.data, again.indicators);
      const journey = section(m.sections, 'childs-journey');
      expect(journey.label).toBe('2');
      const html = journey.narrative.html;
      expect(html).toMatch(crossRef('listed in ', 'section-training', 'Appendix A'));
      expect(html).toMatch(crossRef('section ', 'section-local-context', '3'));
      expect(html).toMatch(crossRef('paragraph ', 'para-2-2', '2.2'));
      expect(html).toMatch(crossRef('shown in ', 'section-finance', 'Appendix B'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describeWithBrowser('Kirklees sample printed (real browser)', () => {
  let out: ReturnType<typeof scratchDir>;
  let pdfFile: string;
  let html: string;
  let sections: { heading: string; appendix: boolean }[];

  beforeAll(async () => {
    out = scratchDir();
    const r = await runCli(['build', YEAR, '--data', DIR, '--out', out.dir, '--browser', testBrowserPath()], { env: { PATH: process.env.PATH } });
    if (r.code !== 0) throw new Error(`build failed (${r.code}): ${r.stderr}`);
    const base = 'kirklees-safeguarding-children-board-annual-report-2008-09';
    pdfFile = path.join(out.dir, `${base}.pdf`);
    html = readFileSync(path.join(out.dir, `${base}.html`), 'utf8');
    const { board, data, indicators } = await loadSample(DIR, YEAR);
    sections = buildReportModel(board, data, indicators).sections.map((s) => ({
      heading: s.label ? `${s.label}${s.isAppendix ? ':' : ''} ${s.title}` : s.title,
      appendix: s.isAppendix,
    }));
  });
  afterAll(() => out?.remove());

  it('flows: no page but a part’s last is under a third full, and no page ends with a heading', () => {
    const partStarts = ['Contents', 'Kirklees Safeguarding Children Board 2008-09 at a glance', sections[0]!.heading, ...sections.filter((s) => s.appendix).map((s) => s.heading)];
    const pages = pdfPages(pdfFile);
    expect(pages.length).toBeGreaterThan(5);
    expect(pageFlowProblems(pages, headingTexts(html), partStarts)).toEqual([]);
  });
});
