/**
 * A board that supplies child protection, child deaths and training as totals: `validate` accepts it and
 * the report's tables are built from the totals and nothing else (one note where a table has no data, no
 * empty chart), with the totals file as their source.
 */
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/report/model.js';
import { validateYear } from '../../src/validate/validate-year.js';
import { loadSample, section, type Loaded } from '../report/sample.js';

const Y = '2012-13';
let root: string;
let dir: string;
let k: Loaded;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'lscb-totals-'));
  dir = path.join(root, 'board');
  cpSync(path.resolve('test/corpus/base'), dir, { recursive: true });
  for (const f of ['child-protection-plans.csv', 'cdop-cases.csv', 'training-events.csv', 'training-attendance.csv']) unlinkSync(path.join(dir, Y, f));
  const write = (file: string, text: string) => writeFileSync(path.join(dir, Y, file), text);
  write('cp-totals.csv', 'Breakdown,Code,Count,Percent\nopen,,217,\ncategory,neglect,154,\ncategory,emotional,40,\ncategory,physical,15,\ncategory,sexual,8,\nstarted,,180,\nsecond-or-subsequent,,,13.0\n');
  write('cdop-totals.csv', 'Breakdown,Code,Count,Percent\nnotified,,17,\nreviews-concluded,,13,\n');
  write('training-totals.csv', 'Breakdown,Code,Count,Percent\nevents,,66,\nparticipants,,1378,\nagency,Police,378,\nagency,Health,1000,\n');
  k = await loadSample(dir, Y);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('returns supplied as totals, in the report', () => {
  it('validate accepts the totals-only year with no return-missing warning', async () => {
    const { findings } = await validateYear(dir, Y);
    expect(findings.filter((f) => f.severity === 'error' || f.code === 'return-missing')).toEqual([]);
  });

  it('prints the child protection tables from the totals, and what they do not give as not available', () => {
    const s = section(buildReportModel(k.board, k.data, k.indicators).sections, 'priority-groups');
    const cats = s.tables.cpCategories!;
    expect(cats.rows.map((r) => [r[0]!.text, r[1]!.text])).toEqual([
      ['Neglect', '154'],
      ['Physical abuse', '15'],
      ['Emotional abuse', '40'],
      ['Sexual abuse', '8'],
      ['Multiple categories', '0'],
    ]);
    expect(cats.source).toContain('cp-totals.csv');
    const ind = s.tables.cpIndicators!;
    const row = (label: string) => ind.rows.find((r) => r[0]!.text.startsWith(label))!.map((c) => c.text);
    expect(row('Plans for a second or subsequent time')[1]).toBe('13.0%');
    expect(row('Child protection plans ended')[1]).toBe('not available');
    expect(ind.notes).toContain('Not available: the child protection plans totals for 2012-13 (cp-totals.csv) do not give plans ended in the year.');
  });

  it('prints the training agency table and chart from the totals; events by kind, not given, is one note', () => {
    const s = section(buildReportModel(k.board, k.data, k.indicators).sections, 'training');
    expect(s.tables.byAgency!.rows.map((r) => [r[0]!.text, r[1]!.text])).toEqual([
      ['Health', '1,000'],
      ['Police', '378'],
    ]);
    expect(s.tables.byAgency!.source).toBe('Source: training as totals (training-totals.csv), 2012-13.');
    expect(s.charts.byAgency!.spec.data).toEqual([
      { label: 'Health', value: 1000 },
      { label: 'Police', value: 378 },
    ]);
    expect(s.tables.eventsByType!.available).toBe(false);
    expect(s.tables.eventsByType!.unavailable).toBe('Not available: the training totals for 2012-13 (training-totals.csv) do not give events by kind');
  });

  it('prints the child deaths the totals give, the rest not available', () => {
    const s = section(buildReportModel(k.board, k.data, k.indicators).sections, 'case-reviews');
    const rows = s.tables.cdop!.rows.map((r) => [r[0]!.text, r[1]!.text]);
    expect(rows[0]).toEqual(['Deaths notified in 2012-13', '17']);
    expect(rows).toContainEqual(['Reviews concluded at panel in 2012-13', '13']);
    expect(rows).toContainEqual(['Deferred for more information', 'not available']);
  });
});
