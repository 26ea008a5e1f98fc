/**
 * The second sample board, Kirklees 2008-09: a board of a different shape (figures held as totals, its own
 * indicators, no child death return, a budget with pence met from reserves). Pins its figures.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateYear } from '../../src/validate/validate-year.js';
import { buildReportModel } from '../../src/report/model.js';
import { runCli } from '../cli/helpers.js';
import { loadSample, section, type Loaded } from '../report/sample.js';

const DIR = path.resolve('data-samples/kirklees');
const YEAR = '2008-09';

describe('Kirklees sample board', () => {
  let k: Loaded;
  beforeAll(async () => {
    k = await loadSample(DIR, YEAR);
  });
  const value = (id: string) => k.indicators.rows.find((r) => r.def.id === id)?.current.value;

  it('validates with no errors', async () => {
    const { findings } = await validateYear(DIR, YEAR);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reproduces the published figures it holds as totals', () => {
    expect(value('cp.plans_open_at_year_end')).toBe(229);
    expect(value('cp.category.neglect')).toBe(83);
    expect(value('cp.rate_per_10k')).toBe(25);
    expect(value('context.looked_after_children')).toBe(490);
    expect(value('training.elearning_completions')).toBe(2232);
    expect(value('cdop.deaths_notified')).toBeNull();
  });

  it('computes its budget to the penny, the overspend met from reserves', () => {
    expect(value('finance.expenditure_total')).toBe(421629.59);
    expect(value('finance.income_total')).toBe(306950);
    expect(value('finance.met_from_reserves')).toBe(114679.59);
    expect(value('finance.carry_forward')).toBe(0);
    expect(value('finance.closing_reserves')).toBe(35320.41);
  });

  it('prints the finance tables with pence and says how the overspend was met', () => {
    const fin = section(buildReportModel(k.board, k.data, k.indicators).sections, 'finance');
    expect(fin.tables.expenditure!.totals[0]!.map((c) => c.text)).toEqual(['Total expenditure', '£421,629.59']);
    expect(fin.tables.expenditure!.rows[1]!.map((c) => c.text)).toEqual(['Independent chair', '£24,600.00']);
    expect(fin.tables.income!.rows[0]!.map((c) => c.text)).toEqual(['Kirklees Council', '£180,000.00']);
    expect(fin.tables.balance!.totals[0]!.map((c) => c.text)).toEqual(['Net expenditure met from reserves', '£114,679.59']);
    expect(fin.tables.balance!.notes[0]).toBe('Net expenditure of £114,679.59 was met from reserves, leaving reserves of £35,320.41 at 31 March 2009.');
    expect(JSON.stringify(fin)).not.toMatch(/-£|Carried forward/);
  });

  it('lists its own indicators with values, previous values, change and provenance (indicators --format json)', async () => {
    const r = await runCli(['indicators', YEAR, '--data', DIR, '--format', 'json', '--id', 'local']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { indicators: { id: string; definedBy?: string; value: number | null; previous: { value: number | null }; change: { points: number | null }; provenance: { kind: string; file: string } | null }[] };
    const byId = new Map(j.indicators.map((i) => [i.id, i]));
    expect([...byId.keys()]).toEqual([
      'local.initial_assessments_pct',
      'local.initial_assessments_in_7_days_pct',
      'local.core_assessments_in_35_days_pct',
      'local.s47_investigations_q4',
      'local.caf_training_attendances',
      'local.caf_training_per_elearning_completion',
    ]);
    const seven = byId.get('local.initial_assessments_in_7_days_pct')!;
    expect([seven.definedBy, seven.value, seven.previous.value, seven.change.points, seven.provenance?.kind]).toEqual(['board', 68.6, 69.3, -0.7, 'supplied']);
    const ratio = byId.get('local.caf_training_per_elearning_completion')!;
    expect([ratio.value, ratio.provenance?.kind, ratio.provenance?.file]).toEqual([0.36, 'computed', 'indicators.yaml']);
  });

  it('marks its own indicators in indicators --list', async () => {
    const r = await runCli(['indicators', '--list', '--data', DIR, '--id', 'local.s47_investigations_q4']);
    expect(r.stdout).toContain("local.s47_investigations_q4 (board's own)");
  });

  it('builds the allegations section from the totals it has, with no invented breakdowns and no empty chart', () => {
    const lado = section(buildReportModel(k.board, k.data, k.indicators).sections, 'allegations');
    expect(value('lado.referrals')).toBe(96);
    expect(value('lado.sector.education')).toBe(39);
    expect(value('lado.outcome.substantiated')).toBeNull();
    expect(lado.tables.sector!.available).toBe(true);
    expect(lado.tables.sector!.totals[0]!.map((c) => c.text)).toEqual(['Total', '96']);
    for (const id of ['source', 'nature', 'outcome', 'workBased', 'timeliness']) {
      expect(lado.tables[id]!.available).toBe(false);
      expect(lado.tables[id]!.unavailable).toMatch(/^Not available: the LADO totals for 2008-09 \(lado-totals\.csv\) do not give (referrals by source|referrals by nature of allegation|referrals by outcome|referrals about conduct at work|referrals concluded within one month of receipt)$/);
    }
    const chart = lado.charts.byYear!;
    expect(chart.available).toBe(true);
    expect(chart.spec.data).toEqual([{ label: '2008-09', value: 96 }]);
  });

  it('holds the exact amount in the JSON', async () => {
    const r = await runCli(['indicators', YEAR, '--data', DIR, '--format', 'json', '--id', 'finance']);
    expect(r.stdout).toContain('"value": 421629.59');
    expect(r.stdout).toContain('"display": "£306,950.00"');
  });
});
