/** A board declares a return it does not collect: no return-missing warning, its figures not available with the reason. */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { boardConfigSchema } from '../../src/config/board-config.js';
import { buildReportModel } from '../../src/report/model.js';
import { validateYear } from '../../src/validate/validate-year.js';
import { loadSample, section } from '../report/sample.js';

const Y = '2012-13';
let root = '';
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = '';
});

/** The corpus base board with its child death return removed and `returns:` added to board.yaml. */
function boardWithout(declaration: string, keepFile = false): string {
  root = mkdtempSync(path.join(tmpdir(), 'lscb-not-collected-'));
  const dir = path.join(root, 'board');
  cpSync(path.resolve('test/corpus/base'), dir, { recursive: true });
  if (!keepFile) unlinkSync(path.join(dir, Y, 'cdop-cases.csv'));
  const yaml = path.join(dir, 'board.yaml');
  writeFileSync(yaml, `${readFileSync(yaml, 'utf8')}\n${declaration}\n`);
  return dir;
}

describe('a return the board does not collect', () => {
  it('is not reported missing, while an undeclared missing return still is', async () => {
    const declared = await validateYear(boardWithout('returns:\n  cdop-cases: not-collected'), Y);
    expect(declared.findings.filter((f) => f.code === 'return-missing')).toEqual([]);
    rmSync(root, { recursive: true, force: true });
    const undeclared = await validateYear(boardWithout(''), Y);
    expect(undeclared.findings.filter((f) => f.code === 'return-missing').map((f) => f.file)).toEqual([`${Y}/cdop-cases.csv`]);
  });

  it('makes its figures not available, saying the board does not collect it and why, and the section says so', async () => {
    const dir = boardWithout('returns:\n  cdop-cases:\n    collected: false\n    reason: A regional panel reviews child deaths and reports separately.');
    const k = await loadSample(dir, Y);
    const row = k.indicators.rows.find((r) => r.def.id === 'cdop.deaths_notified')!;
    expect(row.current.value).toBeNull();
    expect(row.current.reason).toBe('Example Safeguarding Children Board does not collect the child deaths (CDOP) return: A regional panel reviews child deaths and reports separately');
    const s = section(buildReportModel(k.board, k.data, k.indicators).sections, 'case-reviews');
    expect(s.tables.cdop!.available).toBe(false);
    expect(s.tables.cdop!.unavailable).toBe(`Not available: ${row.current.reason}`);
  });

  it('is questioned when its file is there after all, and its rows are used', async () => {
    const { findings, indicators } = await validateYear(boardWithout('returns:\n  cdop-cases: not-collected', true), Y);
    expect(findings.filter((f) => f.code === 'return-not-collected-present').map((f) => [f.severity, f.file])).toEqual([['warning', `${Y}/cdop-cases.csv`]]);
    expect(indicators!.rows.find((r) => r.def.id === 'cdop.deaths_notified')!.current.value).not.toBeNull();
  });

  it('must be named as a return', () => {
    const base = { board: { name: 'B', area: 'A', chair: 'C' }, sections: ['foreword'] };
    expect(boardConfigSchema.safeParse({ ...base, returns: { 'cdop-cases': 'not-collected' } }).success).toBe(true);
    const bad = boardConfigSchema.safeParse({ ...base, returns: { cdop: 'not-collected' } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toMatch(/^"cdop" is not a return; name one of child-protection-plans, lado-referrals, cdop-cases/);
  });
});
