/**
 * A board's own tables and charts (tables.yaml): declared rows of indicators and columns of years, placed
 * with `<!-- table: id -->` or at the end of their section, cross-referenced by id, sourced; a bar or line
 * chart over the years; and validated with located findings. The built-in child protection table is the
 * default configuration of the same mechanism.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderChart } from '../../src/report/charts.js';
import { BUILT_IN_FIGURE_SECTIONS, BUILT_IN_TABLES } from '../../src/report/figure-declarations.js';
import { assembleReport } from '../../src/report/build-report.js';
import { SECTIONS_WITH_FIGURES, type ReportModel } from '../../src/report/model.js';
import { runCli } from '../cli/helpers.js';
import { copySample, loadSample, rowsText, section } from './sample.js';

const TABLES_YAML = `# The board's own tables and charts.
tables:
  - id: local.year-summary
    title: The year in three figures, {year} and the two years before
    caption: Three figures the board watches most closely.
    rows:
      - cp.plans_open_at_year_end
      - { id: lado.referrals, label: Allegations referred to the designated officer }
      - context.looked_after_children
    earlierYears: 2
    direction: true
    source: Child protection plans and LADO returns; looked-after children from the council
charts:
  - id: local.lado-trend
    title: Allegations referred to the LADO, {firstYear} to {year} (number)
    type: bar
    rows: [lado.referrals]
    earlierYears: 5
    section: allegations
  - id: local.cp-and-lac
    title: Children with a plan and children looked after, {firstYear} to {year}
    type: line
    rows: [cp.plans_open_at_year_end, context.looked_after_children]
    earlierYears: 1
    section: priority-groups
`;

let dir: string;
let remove: () => void;
let model: ReportModel;
let html: string;

beforeAll(async () => {
  ({ dir, remove } = copySample());
  writeFileSync(path.join(dir, 'tables.yaml'), TABLES_YAML);
  const narrative = path.join(dir, '2012-13', 'narrative', 'priority-groups.md');
  const text = readFileSync(narrative, 'utf8').split('\n\n');
  // Mid-section: after the first paragraph, with a cross-reference to it by its id.
  text.splice(1, 0, 'The board keeps three figures in view ([](#local.year-summary)).\n\n<!-- table: local.year-summary -->');
  writeFileSync(narrative, text.join('\n\n'));
  const s = await loadSample(dir);
  const assembled = await assembleReport(s.board, s.data, s.indicators);
  model = assembled.model;
  html = assembled.html;
});
afterAll(() => remove?.());

describe('a board’s own table', () => {
  it('is placed mid-section where the narrative puts it, with its rows, years newest first, change and direction', () => {
    const s = section(model.sections, 'priority-groups');
    const placed = s.placed['table:local.year-summary']!.table!;
    expect(placed.caption).toBe('The year in three figures, 2012-13 and the two years before');
    expect(placed.columns.map((c) => c.text)).toEqual(['Measure', '2012-13', '2011-12', '2010-11', 'Change', 'Compared with last year']);
    expect(rowsText(placed)).toEqual([
      ['Child protection plans open at 31 March', '217', '237', 'not available', 'Down 20 (8.4%)', 'Not judged'],
      ['Allegations referred to the designated officer', '144', '142', '112', 'Up 2 (1.4%)', 'Not judged'],
      expect.arrayContaining(['339', '336']),
    ]);
    expect(placed.notes[0]).toBe('Three figures the board watches most closely.');
    expect(placed.notes.some((n) => n.startsWith('Not available:'))).toBe(true);
    expect(placed.source).toBe('Source: Child protection plans and LADO returns; looked-after children from the council, 2010-11 to 2012-13; figures for years without a return are those the board published (aggregates/published-figures.csv).');
    // In the HTML: after the first paragraph, before the second.
    const at = html.indexOf('id="table-own-local-year-summary"');
    expect(at).toBeGreaterThan(html.indexOf('id="para-13-1"'));
    expect(at).toBeLessThan(html.indexOf('id="para-13-2"'));
  });

  it('is cross-referenced by its id, printing its title', () => {
    expect(html).toContain('(<a href="#table-own-local-year-summary">“The year in three figures, 2012-13 and the two years before”</a>)');
  });
});

describe('a board’s own charts', () => {
  it('a bar chart of one indicator over this year and five before, at the end of its section when not placed', () => {
    const chart = section(model.sections, 'allegations').placed['chart:local.lado-trend']!.chart!;
    expect(chart.spec.title).toBe('Allegations referred to the LADO, 2007-08 to 2012-13 (number)');
    expect(chart.spec.kind).toBeUndefined();
    if (chart.spec.kind === 'line') throw new Error('bar expected');
    expect(chart.spec.data.map((d) => [d.label, d.value])).toEqual([
      ['2007-08', 24], ['2008-09', 66], ['2009-10', 55], ['2010-11', 112], ['2011-12', 142], ['2012-13', 144],
    ]);
    expect(chart.source).toMatch(/^Source: LADO referrals return \(lado-referrals\.csv\), 2007-08 to 2012-13; figures for years without a return are those the board published/);
    const s = section(model.sections, 'allegations');
    expect(s.narrative.after).toContain('data-place="chart:local.lado-trend"');
    expect(html).toMatch(/<figure class="chart" id="fig-chart-own-local-lado-trend"[^>]*>\s*<figcaption>Allegations referred to the LADO, 2007-08 to 2012-13 \(number\)<\/figcaption>/);
  });

  it('a line chart draws a line per indicator, told apart by dash and shape, with a legend', async () => {
    const chart = section(model.sections, 'priority-groups').placed['chart:local.cp-and-lac']!.chart!;
    if (chart.spec.kind !== 'line') throw new Error('line expected');
    expect(chart.spec.categories).toEqual(['2011-12', '2012-13']);
    expect(chart.spec.series.map((s) => [s.name, s.values])).toEqual([
      ['Child protection plans open at 31 March', [237, 217]],
      ['Looked-after children at 31 March', [336, 339]],
    ]);
    const { svg } = await renderChart(chart.spec);
    expect(svg).toContain('Child protection plans open at 31 March');
    expect(svg).toMatch(/stroke-dasharray/);
    expect(svg).toContain('aria-hidden="true"');
    expect(html).toContain('id="fig-chart-own-local-cp-and-lac"');
  });
});

describe('the built-in tables as declarations', () => {
  it('the child protection indicators table is declared like a board’s own, and keeps its id', () => {
    const cp = BUILT_IN_TABLES.find((t) => t.id === 'priority-groups.cpIndicators')!;
    expect(cp.htmlId).toBe('table-cp-indicators');
    const t = section(model.sections, 'priority-groups').tables.cpIndicators!;
    expect(t.id).toBe('table-cp-indicators');
    expect(t.caption).toBe('Child protection indicators, 2012-13 against 2011-12');
    expect(t.columns.map((c) => c.text)).toEqual(['Measure', '2012-13', '2011-12', 'Change', 'Compared with last year']);
    expect(t.rows).toHaveLength(cp.rows.length);
  });

  it('validate knows every section with built-in figures without loading the renderer', () => {
    expect([...BUILT_IN_FIGURE_SECTIONS].sort()).toEqual([...SECTIONS_WITH_FIGURES].sort());
  });
});

describe('validate on tables.yaml', () => {
  it('reports an unknown indicator, a duplicate id, an unknown chart type and an unplaced figure at their lines', async () => {
    const c = copySample();
    try {
      const yaml = [
        'tables:', //                                   1
        '  - id: local.summary', //                     2
        '    title: Summary', //                        3
        '    rows: [cp.plans_open_at_year_end, lado.referals]', // 4
        '  - id: local.summary', //                     5
        '    title: Again', //                          6
        '    rows: [lado.referrals]', //                7
        '  - id: allegations.byYear', //                8
        '    title: Shadowing a built-in', //           9
        '    rows: [lado.referrals]', //                10
        '    section: allegations', //                  11
        '    comparators: [englnd]', //                 12
        'charts:', //                                   13
        '  - id: local.pie', //                         14
        '    title: A pie', //                          15
        '    type: pie', //                             16
        '    rows: [lado.referrals]', //                17
        '    section: no-such-section', //              18
      ].join('\n');
      writeFileSync(path.join(c.dir, 'tables.yaml'), yaml);
      const r = await runCli(['validate', '2012-13', '--data', c.dir, '--format', 'json']);
      expect(r.code).toBe(1);
      const { findings } = JSON.parse(r.stdout) as { findings: Record<string, unknown>[] };
      const mine = findings.filter((f) => f.file === 'tables.yaml').map((f) => [f.code, f.severity, f.row, f.value]);
      expect(mine).toEqual(
        expect.arrayContaining([
          ['figure-indicator-unknown', 'error', 4, 'lado.referals'],
          ['figure-id-duplicate', 'error', 5, 'local.summary'],
          ['figure-id-duplicate', 'error', 8, 'allegations.byYear'],
          ['figure-comparator-unknown', 'error', 12, 'englnd'],
          ['figure-chart-type-unknown', 'error', 16, 'pie'],
          ['figure-section-unknown', 'warning', 18, 'no-such-section'],
          ['figure-unplaced', 'warning', 2, 'local.summary'],
        ]),
      );
      const unknown = findings.find((f) => f.code === 'figure-indicator-unknown')!;
      expect(unknown.hint).toContain('Did you mean "lado.referrals"?');
      const pie = findings.find((f) => f.code === 'figure-chart-type-unknown')!;
      expect(pie.hint).toContain('Chart types: bar, line');
    } finally {
      c.remove();
    }
  });

  it('a setting tables.yaml does not know is located too', async () => {
    const c = copySample();
    try {
      writeFileSync(path.join(c.dir, 'tables.yaml'), 'tables:\n  - id: local.x\n    title: X\n    rows: [lado.referrals]\n    colour: red\n');
      const r = await runCli(['validate', '2012-13', '--data', c.dir, '--format', 'json']);
      const { findings } = JSON.parse(r.stdout) as { findings: Record<string, unknown>[] };
      expect(findings.filter((f) => f.file === 'tables.yaml').map((f) => [f.code, f.row])).toEqual([['config-invalid', 5]]);
      expect(r.code).toBe(1);
    } finally {
      c.remove();
    }
  });
});

describe('a board’s own figures under disclosure control', () => {
  it('print a small count as [c], with the note saying what [c] means, in the table and the chart', async () => {
    const c = copySample();
    try {
      writeFileSync(
        path.join(c.dir, 'tables.yaml'),
        'tables:\n  - { id: local.deaths, title: Child deaths deferred, rows: [cdop.deferred, cdop.deaths_notified], earlierYears: 0, change: false, section: case-reviews }\n' +
          'charts:\n  - { id: local.deferred, title: Deferred reviews, type: bar, rows: [cdop.deferred], earlierYears: 0, section: case-reviews }\n',
      );
      const s = await loadSample(c.dir);
      s.board.config!.disclosure = { suppress: true, threshold: 5, publicMeasures: [] };
      const { model: m } = await assembleReport(s.board, s.data, s.indicators);
      const placed = section(m.sections, 'case-reviews').placed;
      const t = placed['table:local.deaths']!.table!;
      expect(rowsText(t).map((r) => r[1])).toEqual(['[c]', '17']);
      expect(t.notes.some((n) => n.startsWith('[c]:'))).toBe(true);
      const chart = placed['chart:local.deferred']!.chart!;
      if (chart.spec.kind === 'line') throw new Error('bar expected');
      expect(chart.spec.data).toEqual([{ label: '2012-13', value: null, text: '[c]' }]);
      expect(chart.notes.some((n) => n.startsWith('[c]:'))).toBe(true);
      expect(m.edition.anySuppressed).toBe(true);
    } finally {
      c.remove();
    }
  });
});
