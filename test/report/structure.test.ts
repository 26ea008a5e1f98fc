/**
 * A board's own report structure (issue 11 item 1): unnumbered sections, appendices that keep their tables,
 * lettered appendices, paragraph numbering off, declared sections without warnings, and duplicate or
 * clashing section ids as errors. Built on a copy of the Calderdale sample with its board.yaml rewritten.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBoard } from '../../src/load/load-board.js';
import { buildReportModel, type ReportModel } from '../../src/report/model.js';
import { copySample, loadSample, section } from './sample.js';

/** A cross-reference link as rendered: the printed text, named for what it leads to (aria-label) when the text is only a number. */
function crossRef(before: string, anchor: string, text: string): RegExp {
  const esc = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const kind = /^\d+\.\d+$/.test(text) ? `paragraph ${esc(text)}, in [^"]+` : /^Appendix/.test(text) ? `${esc(text)}: [^"]+` : `section ${esc(text)}: [^"]+`;
  return new RegExp(`${esc(before)}<a href="#${esc(anchor)}" aria-label="${kind}">${esc(text)}</a>`);
}


const copy = copySample();
afterAll(() => copy.remove());

/** Replace the sections list (and anything after it up to `disclosure:`) of the copy's board.yaml. */
const ORIGINAL = readFileSync(path.join(copy.dir, 'board.yaml'), 'utf8');
function writeSections(yaml: string): void {
  const file = path.join(copy.dir, 'board.yaml');
  const text = ORIGINAL;
  const start = text.indexOf('\nsections:\n');
  const end = text.indexOf('\n# Disclosure control');
  writeFileSync(file, `${text.slice(0, start)}\n${yaml}\n${text.slice(end)}`);
}

const STRUCTURE = `layout:
  appendixNumbering: letters
  recommendationNumbering: continuous
sections:
  - id: foreword
    numbered: false
  - local-context
  - id: early-help
    title: Early help for families
    guidance: How help reaches families before problems become entrenched.
  - training
  - recommendations
  - id: finance
    title: Budget sheet
    appendix: true
  - id: appendix-cse
    title: Child sexual exploitation
`;

let model: ReportModel;
let findings: { code: string; severity: string; row?: number; column?: string }[];

beforeAll(async () => {
  writeSections(STRUCTURE);
  writeFileSync(path.join(copy.dir, '2012-13', 'narrative', 'early-help.md'), 'Early help reached more families.\n\nA second paragraph.\n');
  const loaded = await loadSample(copy.dir);
  findings = loaded.board.findings;
  model = buildReportModel(loaded.board, loaded.data, loaded.indicators);
});

describe('a board’s own structure', () => {
  it('leaves the foreword unnumbered, so the first numbered section is 1', () => {
    expect(model.contents.map((c) => c.label)).toEqual(['', '1', '2', '3', '4', 'Appendix A', 'Appendix B']);
    const foreword = section(model.sections, 'foreword');
    expect(foreword.numbered).toBe(false);
    expect(foreword.narrative.paragraphs).toEqual([]);
    expect(section(model.sections, 'local-context').narrative.paragraphs[0]).toBe('1.1');
    expect(section(model.sections, 'early-help').narrative.paragraphs).toEqual(['2.1', '2.2']);
  });

  it('raises no warning for a declared section of the board’s own, and uses its title', () => {
    expect(findings.filter((f) => f.code === 'unknown-section')).toEqual([]);
    expect(section(model.sections, 'early-help').title).toBe('Early help for families');
  });

  it('keeps every table of a section made an appendix', () => {
    const finance = section(model.sections, 'finance');
    expect(finance.isAppendix).toBe(true);
    expect(finance.label).toBe('Appendix A');
    expect(Object.keys(finance.tables).sort()).toEqual(['balance', 'expenditure', 'income']);
    expect(finance.tables.expenditure!.available).toBe(true);
  });

  it('numbers recommendations straight through when the board says so', () => {
    const recs = section(model.sections, 'recommendations').recommendations!;
    const starts = recs.objectives.map((o) => o.start);
    let expected = 1;
    for (const [i, o] of recs.objectives.entries()) {
      expect(starts[i]).toBe(expected);
      expected += o.recommendations.length;
    }
    expect(starts.length).toBeGreaterThan(1);
    expect(starts[1]).toBeGreaterThan(1);
  });

  it('turns paragraph numbering off for the whole report when the board says so', async () => {
    writeSections(STRUCTURE.replace('layout:\n', 'layout:\n  paragraphNumbers: false\n'));
    const loaded = await loadSample(copy.dir);
    const m = buildReportModel(loaded.board, loaded.data, loaded.indicators);
    expect(m.sections.flatMap((s) => s.narrative.paragraphs)).toEqual([]);
    expect(m.contents.map((c) => c.label)).toEqual(['', '1', '2', '3', '4', 'Appendix A', 'Appendix B']);
    writeSections(STRUCTURE);
  });
});

describe('section ids that cannot both be used', () => {
  it.each([
    ['listed twice', 'sections:\n  - foreword\n  - training\n  - foreword\n', 'section-duplicate', 'sections.2'],
    ['differing only in case', 'sections:\n  - foreword\n  - id: Early_Help\n    title: A\n  - id: early-help\n    title: B\n', 'section-id-clash', 'sections.2'],
  ])('is an error in validate when %s', async (_what, yaml, code, column) => {
    writeSections(yaml);
    const board = await loadBoard(copy.dir);
    const found = board.findings.filter((f) => f.code === code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', file: 'board.yaml', column });
    expect(found[0]!.row).toBeGreaterThan(0);
    writeSections(STRUCTURE);
  });

  it('still warns about a bare id the tool does not know (a likely misspelling)', async () => {
    writeSections('sections:\n  - foreword\n  - trainning\n');
    const board = await loadBoard(copy.dir);
    expect(board.findings.filter((f) => f.code === 'unknown-section').map((f) => f.column)).toEqual(['sections.1']);
    writeSections(STRUCTURE);
  });
});

describe('figures placed in the text and cross-references by label', () => {
  const NARRATIVE = [
    'Early help reached more families; the training is in section [](#training), and see paragraph [](#second).',
    '',
    'A second paragraph. {#second}',
    '',
    '<!-- table: training.byAgency -->',
    '',
    'After the table.',
    '',
  ].join('\n');
  const narrativeFile = () => path.join(copy.dir, '2012-13', 'narrative', 'early-help.md');

  async function build(structure = STRUCTURE, narrative = NARRATIVE): Promise<ReportModel> {
    writeSections(structure);
    writeFileSync(narrativeFile(), narrative);
    const loaded = await loadSample(copy.dir);
    return buildReportModel(loaded.board, loaded.data, loaded.indicators);
  }

  afterAll(() => {
    writeSections(STRUCTURE);
    writeFileSync(narrativeFile(), 'Early help reached more families.\n\nA second paragraph.\n');
  });

  it('moves a placed table into the narrative and prints generated numbers for references', async () => {
    const m = await build();
    const early = section(m.sections, 'early-help');
    expect(Object.keys(early.placed)).toEqual(['table:training.byAgency']);
    expect(section(m.sections, 'training').tables.byAgency!.placed).toBe(true);
    expect(early.narrative.html).toMatch(crossRef('section ', 'section-training', '3'));
    expect(early.narrative.html).toMatch(crossRef('paragraph ', 'para-2-2', '2.2'));
    expect(early.narrative.html).not.toContain('{#second}');
    const { loadTemplate } = await import('../../src/report/templates.js');
    const { renderReportHtml } = await import('../../src/report/render-html.js');
    const html = await renderReportHtml(m, await loadTemplate(copy.dir));
    const at = (s: string) => html.indexOf(s);
    // The table sits between the paragraph before the marker and the one after it, once in the report.
    expect(at('A second paragraph.')).toBeLessThan(at('id="table-training-agency"'));
    expect(at('id="table-training-agency"')).toBeLessThan(at('After the table.'));
    expect(html.match(/id="table-training-agency"/g)).toHaveLength(1);
    expect(at('id="table-training-agency"')).toBeLessThan(at('id="section-training"'));
  });

  it('renumbers references when the sections are reordered', async () => {
    const reordered = STRUCTURE.replace('  - training\n', '').replace('  - local-context\n', '  - local-context\n  - training\n');
    const m = await build(reordered);
    const early = section(m.sections, 'early-help');
    expect(early.label).toBe('3');
    expect(early.narrative.html).toMatch(crossRef('section ', 'section-training', '2'));
    expect(early.narrative.html).toMatch(crossRef('paragraph ', 'para-3-2', '3.2'));
  });

  it.each([
    ['a figure that does not exist', NARRATIVE.replace('training.byAgency', 'training.nothing'), 'narrative-figure-unknown', 5],
    ['a figure placed twice', `${NARRATIVE}\n<!-- table: training.byAgency -->\n`, 'narrative-figure-twice', 9],
    ['a reference to a missing label', NARRATIVE.replace('(#second)', '(#third)'), 'narrative-reference-unknown', 1],
  ])('refuses %s, at its line', async (_what, narrative, code, line) => {
    const { NarrativeError } = await import('../../src/report/narrative.js');
    const error = await build(STRUCTURE, narrative).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NarrativeError);
    expect(error).toMatchObject({ code, line, file: '2012-13/narrative/early-help.md' });
  });
});
