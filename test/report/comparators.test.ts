/**
 * Comparators in every table: where an indicator has an England, regional or statistical-neighbour figure
 * for the year, every table that shows the indicator's value prints it beside the board's figure, in a
 * column named after the comparator (and its period when that is not the year); a table none of whose rows
 * has one gets no column, and tables.yaml can turn them off (`comparators: none`) or choose which.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleReport } from '../../src/report/build-report.js';
import { BUILT_IN_COMPARATOR_TABLES } from '../../src/report/figure-declarations.js';
import type { ReportModel, TableModel } from '../../src/report/model.js';
import { runCli } from '../cli/helpers.js';
import { copySample, loadSample, rowOf } from './sample.js';

const KIRKLEES_DIR = path.resolve('data-samples/kirklees');

const TABLES_YAML = `tables:
  - id: local.default
    title: Plans and allegations, {year}
    rows: [cp.plans_open_at_year_end, lado.referrals]
    section: priority-groups
  - id: local.none
    title: Plans without comparators, {year}
    rows: [cp.plans_open_at_year_end]
    comparators: none
    section: priority-groups
  - id: local.no-comparator
    title: Allegations, {year}
    rows: [lado.referrals]
    section: priority-groups
  - id: local.chosen
    title: Plans and child deaths against the region, {year}
    rows: [cp.plans_open_at_year_end, cdop.notified_concluded_in_year_pct]
    comparators: [region]
    section: priority-groups
  - id: local.rate
    title: Rate of plans, {year}
    rows: [cp.rate_per_10k]
    section: priority-groups
`;

/** Lines added to the sample's aggregates/comparators.csv (with a Period column added to every row). */
const ADDED = [
  '2012-13,cp.plans_open_at_year_end,england,43140,"DfE, Characteristics of children in need 2012-13",',
  '2012-13,cp.rate_per_10k,england,37.9,"DfE, Characteristics of children in need 2011-12",2011-12',
  '2012-13,cp.plans_started,statistical-neighbours,301,"DfE, Characteristics of children in need 2012-13",',
];

let remove: () => void;
let model: ReportModel;
let html: string;

beforeAll(async () => {
  const c = copySample();
  remove = c.remove;
  writeFileSync(path.join(c.dir, 'tables.yaml'), TABLES_YAML);
  const file = path.join(c.dir, 'aggregates', 'comparators.csv');
  const [header, ...rows] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  writeFileSync(file, [`${header},Period`, ...rows.map((r) => `${r},`), ...ADDED].join('\n') + '\n');
  const s = await loadSample(c.dir);
  const assembled = await assembleReport(s.board, s.data, s.indicators);
  model = assembled.model;
  html = assembled.html;
});
afterAll(() => remove?.());

/** Every table of the report, by HTML id. */
function tableById(id: string, m: ReportModel = model): TableModel {
  for (const s of m.sections) {
    const all = [...Object.values(s.tables), ...Object.values(s.placed).map((p) => p.table)];
    const t = all.find((x) => x?.id === id);
    if (t) return t;
  }
  throw new Error(`no table ${id}`);
}

/** A table's HTML, from its opening tag to its end. */
function tableHtml(id: string): string {
  const m = new RegExp(`<table[^>]*id="${id}"[\\s\\S]*?</table>`).exec(html);
  if (!m) throw new Error(`no table ${id} in the HTML`);
  return m[0];
}

const headers = (t: TableModel) => t.columns.map((c) => c.text);

describe('an indicator with an England figure', () => {
  it('shows it beside the board’s figure in every table where the indicator appears', () => {
    const where = [
      ['table-local-context-figures', 'Children with a child protection plan at 31 March'],
      ['table-cp-indicators', 'Child protection plans open at 31 March'],
      ['table-cp-categories', 'All plans'],
      ['table-own-local-default', 'Child protection plans open at 31 March'],
    ] as const;
    for (const [id, label] of where) {
      const t = tableById(id);
      const at = headers(t).indexOf('England');
      expect(at, id).toBeGreaterThan(0);
      expect(rowOf(t, label)[at], id).toBe('43,140');
      expect(rowOf(t, label)[1], id).toBe('217');
      expect(t.notes, id).toContain('England: DfE, Characteristics of children in need 2012-13.');
      const h = tableHtml(id);
      expect(h, id).toMatch(/<th[^>]*>\s*England\s*<\/th>/);
      expect(h, id).toContain('43,140');
    }
  });

  it('a row without the comparator shows [x], explained under the table as not available, never 0 or a blank', () => {
    const t = tableById('table-own-local-default');
    expect(rowOf(t, 'Allegations referred to the LADO').at(-1)).toBe('[x]');
    expect(t.notes).toContain('[x] not available: no comparator figure has been supplied for this row.');
    const categories = tableById('table-cp-categories');
    for (const row of categories.rows) expect(row.at(-1)!.text).toBe('[x]');
    expect(html).toContain('<p class="table-note">[x] not available: no comparator figure has been supplied for this row.</p>');
    // A table whose every row has its comparator needs no [x] note.
    expect(tableById('table-own-local-rate').notes.join(' ')).not.toContain('[x]');
  });

  it('a comparator for another period than the year names it in the header, or in the cell beside others', () => {
    const own = tableById('table-own-local-rate');
    expect(headers(own)).toEqual(['Measure', '2012-13', '2011-12', 'Change', 'England, 2011-12']);
    expect(rowOf(own, own.rows[0]![0]!.text).at(-1)).toBe('37.9');
    const cp = tableById('table-cp-indicators');
    expect(headers(cp).at(-2)).toBe('England');
    expect(rowOf(cp, 'Child protection plans per 10,000 children').at(-2)).toBe('37.9 (2011-12)');
  });

  it('the built-in comparators keep their figures: the CDOP table prints England 38% and region 27% beside the 35.3%', () => {
    const t = tableById('table-cdop');
    expect(headers(t)).toEqual(['Child deaths', 'Number', 'England', 'Region']);
    expect(rowOf(t, 'Deaths notified in 2012-13 whose review concluded by 31 March')).toEqual(['Deaths notified in 2012-13 whose review concluded by 31 March', '35.3%', '38%', '27%']);
    expect(rowOf(t, 'Deaths notified in 2012-13')).toEqual(['Deaths notified in 2012-13', '17', '[x]', '[x]']);
  });
});

describe('a table with many columns', () => {
  it('is marked wide, so that its number cells may wrap and it stays within the printed page', () => {
    const cp = tableById('table-cp-indicators');
    expect(headers(cp)).toEqual(['Measure', '2012-13', '2011-12', 'Change', 'Compared with last year', 'England', 'Statistical neighbours']);
    expect(rowOf(cp, 'Child protection plans started').slice(-2)).toEqual(['[x]', '301']);
    expect(cp.wide).toBe(true);
    expect(tableHtml('table-cp-indicators')).toMatch(/<table id="table-cp-indicators" class="wide">/);
    expect(tableById('table-own-local-rate').wide).toBe(false);
    expect(tableHtml('table-own-local-rate')).not.toContain('class="wide"');
  });
});

describe('a table with no comparator', () => {
  it('gets no comparator column when none of its rows has one', () => {
    expect(headers(tableById('table-own-local-no-comparator'))).toEqual(['Measure', '2012-13', '2011-12', 'Change']);
    expect(headers(tableById('table-lado-outcome'))).not.toContain('England');
    expect(tableHtml('table-own-local-no-comparator')).not.toMatch(/England|Region|Statistical neighbours/);
  });

  it('comparators: none in tables.yaml removes the column', () => {
    const t = tableById('table-own-local-none');
    expect(headers(t)).toEqual(['Measure', '2012-13', '2011-12', 'Change']);
    expect(tableHtml('table-own-local-none')).not.toContain('43,140');
  });

  it('a list in tables.yaml shows only the comparators chosen', () => {
    const t = tableById('table-own-local-chosen');
    expect(headers(t)).toEqual(['Measure', '2012-13', '2011-12', 'Change', 'Region']);
    expect(rowsTextLast(t)).toEqual(['[x]', '27%']);
  });
});

function rowsTextLast(t: TableModel): string[] {
  return t.rows.map((r) => r.at(-1)!.text);
}

describe('the tool’s own tables', () => {
  it('take the comparator columns a board sets for them in tables.yaml, by id', async () => {
    const c = copySample();
    try {
      writeFileSync(path.join(c.dir, 'tables.yaml'), 'comparators:\n  case-reviews.cdop: none\n  priority-groups.cpIndicators: [region]\n');
      const s = await loadSample(c.dir);
      const chosen = (await assembleReport(s.board, s.data, s.indicators)).model;
      const cdop = tableById('table-cdop', chosen);
      expect(headers(cdop)).toEqual(['Child deaths', 'Number']);
      expect(cdop.notes.join(' ')).not.toMatch(/England|Region/);
      // Region only, and no row of the child protection table has a regional figure: no column.
      expect(headers(tableById('table-cp-indicators', chosen))).toEqual(['Measure', '2012-13', '2011-12', 'Change', 'Compared with last year']);
      // A table the board did not name keeps every comparator its rows have.
      expect(headers(tableById('table-local-context-figures', chosen))).toContain('England');
    } finally {
      c.remove();
    }
  });

  it('that can show comparator columns are the ones validate lets a board name', async () => {
    const k = await loadSample(KIRKLEES_DIR, (await loadSample(KIRKLEES_DIR)).board.years.at(-1)!);
    const kirklees = (await assembleReport(k.board, k.data, k.indicators)).model;
    const ids = (m: ReportModel) => m.sections.flatMap((s) => Object.keys(s.tables).map((name) => `${s.id}.${name}`));
    const all = new Set([...ids(model), ...ids(kirklees)]);
    for (const id of BUILT_IN_COMPARATOR_TABLES) expect(all, id).toContain(id);
    const withColumns = model.sections.flatMap((s) => Object.entries(s.tables).filter(([, t]) => t.comparatorColumns?.length).map(([name]) => `${s.id}.${name}`));
    expect(withColumns.length).toBeGreaterThan(2);
    for (const id of withColumns) expect(BUILT_IN_COMPARATOR_TABLES, id).toContain(id);
  });
});

describe('validate on tables.yaml comparators', () => {
  it('locates a built-in table that has no comparator columns and an unknown comparator', async () => {
    const c = copySample();
    try {
      writeFileSync(path.join(c.dir, 'tables.yaml'), ['comparators:', '  case-reviews.cdp: none', '  allegations.source: [englnd]', '  local-context.figures: [england]'].join('\n'));
      const r = await runCli(['validate', '2012-13', '--data', c.dir, '--format', 'json']);
      expect(r.code).toBe(1);
      const findings = (JSON.parse(r.stdout) as { findings: Record<string, unknown>[] }).findings.filter((f) => f.file === 'tables.yaml');
      expect(findings.map((f) => [f.code, f.row, f.value])).toEqual([
        ['figure-comparator-unknown', 2, 'case-reviews.cdp'],
        ['figure-comparator-unknown', 3, 'englnd'],
      ]);
      expect(String(findings[0]!.hint)).toContain('Did you mean "case-reviews.cdop"?');
    } finally {
      c.remove();
    }
  });

  it('accepts none and a list, and locates a single word that is not none', async () => {
    const c = copySample();
    try {
      const yaml = [
        'tables:', //                                    1
        '  - id: local.a', //                            2
        '    title: A', //                               3
        '    rows: [lado.referrals]', //                 4
        '    section: allegations', //                   5
        '    comparators: none', //                      6
        '  - id: local.b', //                            7
        '    title: B', //                               8
        '    rows: [lado.referrals]', //                 9
        '    section: allegations', //                   10
        '    comparators: [england, region]', //         11
      ].join('\n');
      writeFileSync(path.join(c.dir, 'tables.yaml'), yaml);
      const ok = await runCli(['validate', '2012-13', '--data', c.dir, '--format', 'json']);
      const okFindings = (JSON.parse(ok.stdout) as { findings: Record<string, unknown>[] }).findings.filter((f) => f.file === 'tables.yaml');
      expect(okFindings).toEqual([]);
      writeFileSync(path.join(c.dir, 'tables.yaml'), yaml.replace('comparators: none', 'comparators: england'));
      const bad = await runCli(['validate', '2012-13', '--data', c.dir, '--format', 'json']);
      expect(bad.code).toBe(1);
      const findings = (JSON.parse(bad.stdout) as { findings: Record<string, unknown>[] }).findings.filter((f) => f.file === 'tables.yaml');
      expect(findings.map((f) => [f.code, f.row])).toEqual([['config-invalid', 6]]);
      expect(String(findings[0]!.message) + String(findings[0]!.hint ?? '')).toContain('none');
    } finally {
      c.remove();
    }
  });
});
