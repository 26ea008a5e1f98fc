import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const SAMPLE = 'data-samples/calderdale';

interface JsonIndicator {
  id: string;
  title: string;
  unit: string;
  polarity: string;
  value: number | null;
  display: string;
  previous: { year: string; value: number | null; display: string };
  change: { absolute: number | null; percent: number | null; points: number | null; direction: string; display: string };
  provenance: { kind: string; file: string; source: string | null } | null;
  reason: string | null;
  comparators: { comparator: string; value: number; difference: number | null; source: string }[];
}

interface IndicatorsJson {
  year: string;
  generatedBy: string;
  indicators: JsonIndicator[];
  findings: unknown[];
}

async function indicatorsJson(year: string, extra: string[] = []): Promise<IndicatorsJson> {
  const r = await runCli(['indicators', year, '--data', SAMPLE, '--format', 'json', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as IndicatorsJson;
}

describe('indicators 2012-13 on the sample board reproduces the published figures', () => {
  let json: IndicatorsJson;
  let byId: Map<string, JsonIndicator>;
  beforeAll(async () => {
    json = await indicatorsJson('2012-13');
    byId = new Map(json.indicators.map((i) => [i.id, i]));
  });
  const value = (id: string) => byId.get(id)?.value;
  const previous = (id: string) => byId.get(id)?.previous.value;

  it('has the documented top-level shape', () => {
    expect(json.year).toBe('2012-13');
    expect(json.generatedBy).toMatch(/^lscb-report \d+\.\d+\.\d+/);
    expect(json.findings).toEqual([]);
    expect(Object.keys(json.indicators[0]!)).toEqual([
      'id', 'title', 'unit', 'polarity', 'breakdownOf', 'value', 'display', 'previous', 'change', 'provenance', 'reason', 'comparators',
    ]);
  });

  it.each([
    ['cp.plans_open_at_year_end', 217, 237],
    ['cp.category.neglect', 154, 74],
    ['cp.lasting_2y_plus_pct', 7.5, 10.6],
    ['cp.second_or_subsequent_pct', 13.0, 14.4],
    ['cp.reviewed_in_time_pct', 100.0, 97.8],
    ['lado.referrals', 144, 142],
    ['lado.outcome.substantiated', 43, 42],
    ['lado.concluded_within_1_month_pct', 82.6, 89],
    ['context.looked_after_children', 339, 336],
    ['context.children_in_need_per_10k', 369.6, 319.0],
    ['context.referrals_per_10k', 1212.53, 773.76],
    ['context.caf_assessments', 267, 196],
    ['context.cse_referrals', 61, 35],
    ['context.young_carers_known', 312, 270],
    ['context.free_school_meals_pct', 19, 17.2],
    ['context.sen_statements', 1083, 1111],
    ['context.placement_orders', 64, 41],
    ['context.private_fostering_referrals', 7, 1],
  ])('%s is %d (previous year %d)', (id, current, prev) => {
    expect(value(id)).toBe(current);
    expect(previous(id)).toBe(prev);
    expect(byId.get(id)!.previous.year).toBe('2011-12');
  });

  it.each([
    ['lado.work_based', 95],
    ['lado.outside_work', 49],
    ['lado.over_1_month', 19],
    ['lado.over_1_month_police', 5],
    ['lado.over_1_month_disciplinary', 7],
    ['lado.over_1_month_both', 7],
    ['cdop.deaths_notified', 17],
    ['cdop.considered_at_panel', 9],
    ['cdop.concluded_notified_in_year', 6],
    ['cdop.deferred', 3],
    ['cdop.not_yet_discussed', 8],
    ['cdop.reviews_concluded', 13],
    ['cdop.concluded_notified_earlier', 7],
    ['training.events', 66],
    ['training.participants', 1378],
    ['training.elearning_completions', 1068],
    ['finance.expenditure_total', 207509],
    ['finance.income_total', 254212],
    ['finance.carry_forward', 46703],
  ])('%s is %d', (id, current) => {
    expect(value(id)).toBe(current);
  });

  it('reproduces the LADO source, nature and outcome tables of section 15', () => {
    const table = (family: string) => Object.fromEntries(json.indicators.filter((i) => i.breakdownOf === family).map((i) => [i.id.slice(family.length + 1), i.value]));
    expect(table('lado.source')).toEqual({
      'childrens-services': 43,
      'other-la-services': 7,
      'other-local-authorities': 3,
      police: 25,
      schools: 36,
      'voluntary-sector': 4,
      'independent-sector': 13,
      ofsted: 3,
      cafcass: 4,
      sport: 2,
      'higher-education': 1,
      'armed-forces': 1,
      public: 2,
      health: 0,
      other: 0,
    });
    expect(table('lado.nature')).toEqual({ sexual: 28, emotional: 4, physical: 55, neglect: 2, unsuitable: 55 });
    expect(table('lado.outcome')).toEqual({
      substantiated: 43,
      unsubstantiated: 53,
      'unfounded-false': 20,
      'unfounded-malicious': 5,
      'did-not-meet-threshold': 17,
      outstanding: 6,
    });
  });

  it('shows each value as published, with the change and its direction', () => {
    expect(byId.get('cp.plans_open_at_year_end')).toMatchObject({
      display: '217',
      previous: { display: '237' },
      change: { absolute: -20, percent: -8.4, points: null, direction: 'not_applicable', display: 'down 20 (8.4%)' },
      provenance: { kind: 'computed', file: '2012-13/child-protection-plans.csv', source: null },
      reason: null,
    });
    expect(byId.get('cp.second_or_subsequent_pct')).toMatchObject({ display: '13.0%', change: { points: -1.4, direction: 'improved' } });
    expect(byId.get('cp.lasting_2y_plus_pct')?.change).toMatchObject({ points: -3.1, direction: 'improved', display: 'down 3.1 percentage points' });
    expect(byId.get('cp.reviewed_in_time_pct')).toMatchObject({ display: '100.0%', change: { points: 2.2, direction: 'improved' } });
    expect(byId.get('lado.concluded_within_1_month_pct')?.change).toMatchObject({ points: -6.4, direction: 'worsened' });
    expect(byId.get('context.referrals_per_10k')).toMatchObject({
      display: '1,212.53',
      previous: { display: '773.76' },
      change: { points: 438.77 },
      provenance: { kind: 'supplied', file: '2012-13/context.csv' },
    });
    expect(byId.get('context.looked_after_children')?.previous).toMatchObject({ display: '336' });
    expect(byId.get('finance.carry_forward')?.display).toBe('£46,703');
    expect(byId.get('training.participants')?.display).toBe('1,378');
  });

  it('gives figures with no previous year as not available, with the reason, never 0', () => {
    expect(byId.get('training.events')).toMatchObject({
      previous: { year: '2011-12', value: null, display: 'not available' },
      change: { absolute: null, direction: 'not_applicable' },
    });
  });

  it('carries comparators with the difference', () => {
    expect(byId.get('cdop.notified_concluded_in_year_pct')?.comparators.map((c) => [c.comparator, c.value, c.difference])).toEqual([
      ['england', 38, -2.7],
      ['region', 27, 8.3],
    ]);
  });

  it('has the LADO referrals series 2007-08 to 2012-13', async () => {
    const series: number[] = [];
    for (const year of ['2007-08', '2008-09', '2009-10', '2010-11', '2011-12', '2012-13']) {
      const j = await indicatorsJson(year, ['--id', 'lado.referrals']);
      expect(j.indicators.map((i) => i.id)).toEqual(['lado.referrals']);
      series.push(j.indicators[0]!.value!);
    }
    expect(series).toEqual([24, 66, 55, 112, 142, 144]);
  });
});

describe('indicators: other formats and options', () => {
  it('prints a plain table without escape codes when NO_COLOR is set', async () => {
    const r = await runCli(['indicators', '2012-13', '--data', SAMPLE, '--id', 'cp.plans_open_at_year_end', 'cp.lasting_2y_plus_pct', 'training.events']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toMatchInlineSnapshot(`
      "Indicators for 2012-13, with 2011-12 and the change

      Indicator                  2012-13            2011-12  Change                      Direction  Source
      -------------------------  -------  -----------------  --------------------------  ---------  --------
      cp.plans_open_at_year_end      217                237  down 20 (8.4%)              -          computed
      cp.lasting_2y_plus_pct        7.5%              10.6%  down 3.1 percentage points  improved   computed
      training.events                 66  not available [1]  -                           -          computed

      Notes:
      [1] there are no returns for 2011-12 and no published figure for it
      "
    `);
  });

  it('colours the direction in a terminal', async () => {
    const r = await runCli(['indicators', '2012-13', '--data', SAMPLE, '--id', 'cp.lasting_2y_plus_pct'], { env: { NO_COLOR: undefined }, tty: true });
    expect(r.stdout).toContain('\u001b[32mimproved');
  });

  it('selects a breakdown family or a group with --id', async () => {
    const j = await indicatorsJson('2012-13', ['--id', 'lado.nature', 'finance']);
    expect(j.indicators.map((i) => i.id)).toEqual([
      'lado.nature.sexual', 'lado.nature.physical', 'lado.nature.emotional', 'lado.nature.neglect', 'lado.nature.unsuitable',
      'finance.expenditure_total', 'finance.income_total', 'finance.carry_forward', 'finance.met_from_reserves', 'finance.closing_reserves',
    ]);
  });

  it('writes CSV and Markdown', async () => {
    const c = await runCli(['indicators', '2012-13', '--data', SAMPLE, '--format', 'csv', '--id', 'cp.plans_open_at_year_end']);
    expect(c.stdout.split('\r\n')[1]).toBe(
      'cp.plans_open_at_year_end,Child protection plans open at 31 March,count,neither,2012-13,217,217,2011-12,237,237,-20,-8.4,,not_applicable,down 20 (8.4%),computed,2012-13/child-protection-plans.csv,,',
    );
    const m = await runCli(['indicators', '2012-13', '--data', SAMPLE, '--format', 'markdown', '--id', 'finance.carry_forward']);
    expect(m.stdout).toContain('| `finance.carry_forward` | Carried forward | £46,703 | not available [1] | - | - | computed |');
  });

  it('prints the catalogue with --list', async () => {
    const t = await runCli(['indicators', '--list']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('lado.outcome.unfounded-false');
    const j = await runCli(['indicators', '--list', '--format', 'json', '--id', 'cp.reviewed_in_time_pct']);
    expect(JSON.parse(j.stdout)).toMatchObject({
      indicators: [{ id: 'cp.reviewed_in_time_pct', unit: 'percent', polarity: 'higher_is_better', decimals: 1, source: 'child-protection-plans.csv' }],
    });
    const m = await runCli(['indicators', '--list', '--format', 'markdown']);
    expect(m.stdout).toContain('| `cp.lasting_2y_plus_pct` |');
    const c = await runCli(['indicators', '--list', '--format', 'csv']);
    expect(c.stdout.split('\r\n')[0]).toBe('\uFEFFid,title,unit,decimals,polarity,definition,numerator,denominator,source,breakdown_of');
  });
});

describe('indicators: bad requests', () => {
  it('exits 2 on a year with no data, listing the years there are', async () => {
    const r = await runCli(['indicators', '2005-06', '--data', SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('There is no data for 2005-06');
    expect(r.stderr).toContain('Years with data (year folders or published figures): 2007-08, 2008-09, 2009-10, 2010-11, 2011-12, 2012-13.');
  });

  it('exits 2 on an unknown indicator, suggesting the closest', async () => {
    const r = await runCli(['indicators', '2012-13', '--data', SAMPLE, '--id', 'lado.referals']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown indicator "lado.referals".');
    expect(r.stderr).toContain('Did you mean "lado.referrals"?');
  });

  it('exits 2 with a hint when the year comes after --id and is read as an id', async () => {
    const r = await runCli(['indicators', '--data', SAMPLE, '--id', 'lado.referrals', '2012-13']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Put the year before --id');
  });

  it('exits 2 on a bad format, a label that is not a year, or no year at all', async () => {
    expect((await runCli(['indicators', '2012-13', '--data', SAMPLE, '--format', 'xml'])).code).toBe(2);
    expect((await runCli(['indicators', '2012-2013', '--data', SAMPLE])).code).toBe(2);
    const none = await runCli(['indicators', '--data', SAMPLE]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--list');
  });

  describe('with a year whose returns have errors', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'lscb-indicators-'));
      await cp(SAMPLE, dir, { recursive: true });
      const file = path.join(dir, '2012-13', 'lado-referrals.csv');
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines[1] = lines[1]!.replace(/^([^,]*),[^,]*/, '$1,not a date');
      await writeFile(file, lines.join('\n'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('refuses with exit 1 and a short summary pointing to validate', async () => {
      const r = await runCli(['indicators', '2012-13', '--data', dir, '--format', 'json']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/the returns for 2012-13 have \d+ errors?/);
      expect(r.stderr).toContain('lscb-report validate 2012-13');
    });

    it('still gives a year that only has published figures', async () => {
      const r = await runCli(['indicators', '2010-11', '--data', dir, '--format', 'json', '--id', 'lado.referrals']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).indicators[0]).toMatchObject({ value: 112, previous: { value: 55 }, provenance: { kind: 'supplied' } });
    });
  });
});
