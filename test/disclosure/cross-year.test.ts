/**
 * Disclosure across years. Figures published for earlier years are public: each year's report keeps what
 * the earlier reports published, hides a current-year figure instead, and across every published output of
 * every year no suppressed cell can be worked out by a linear combination (including a percentage's
 * complement and the stock-and-flow link between years).
 *
 * The search is cheap per case (pure functions, tiny boards), so npm test runs 10,000 cases with a fixed
 * seed; `npm run test:disclosure-deep` runs 100,000 (DISCLOSURE_RUNS).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discloseIndicators, isSuppressed } from '../../src/disclosure/disclose-indicators.js';
import { breakdownMembers, INDICATORS } from '../../src/indicators/catalogue.js';
import { computeChange } from '../../src/indicators/change.js';
import type { IndicatorReport, IndicatorRow, IndicatorValue } from '../../src/indicators/types.js';

const YEARS = ['2011-12', '2012-13', '2013-14'] as const;
const CATEGORIES = breakdownMembers('cp.category').map((d) => d.id);
const PUBLISHED_FILE = 'aggregates/published-figures.csv';

/** One year's figures: counts by id, percentages as [numerator, denominator]; `public` ids came from published-figures.csv. */
interface YearFigures {
  counts: Record<string, number>;
  pcts: Record<string, [number, number]>;
  publicIds?: string[];
}

/** The indicator report for `year`, holding that year and the earlier ones (as compute gives it). */
function reportFor(board: Record<string, YearFigures>, year: string): IndicatorReport {
  const years = Object.keys(board).filter((y) => y <= year).sort();
  const series = new Map<string, Map<string, IndicatorValue>>();
  for (const def of INDICATORS) {
    const byYear = new Map<string, IndicatorValue>();
    for (const y of years) {
      const f = board[y]!;
      const file = f.publicIds?.includes(def.id) ? PUBLISHED_FILE : `${y}/child-protection-plans.csv`;
      const prov = { kind: f.publicIds?.includes(def.id) ? ('supplied' as const) : ('computed' as const), file };
      const count = f.counts[def.id];
      const pct = f.pcts[def.id];
      byYear.set(
        y,
        count !== undefined
          ? { id: def.id, year: y, value: count, provenance: prov }
          : pct
            ? { id: def.id, year: y, value: pct[1] === 0 ? null : (100 * pct[0]) / pct[1], numerator: pct[0], denominator: pct[1], provenance: prov, reason: pct[1] === 0 ? 'none' : undefined }
            : { id: def.id, year: y, value: null, provenance: null, reason: 'not given' },
      );
    }
    series.set(def.id, byYear);
  }
  const prevYear = years[years.length - 2] ?? year;
  const rows: IndicatorRow[] = INDICATORS.map((def) => {
    const current = series.get(def.id)!.get(year)!;
    const previous = series.get(def.id)!.get(prevYear) ?? { id: def.id, year: prevYear, value: null, provenance: null, reason: 'not given' };
    return { def, year, current, previousYear: prevYear, previous, change: computeChange(def, previous, current), comparators: [] };
  });
  return { year, rows, series, findings: [] };
}

// ---------------------------------------------------------------------------------------------------
// An audit written independently of the implementation: the equations listed by hand, floating-point rank.

type Terms = [string, number][];

function rank(matrix: number[][]): number {
  const m = matrix.map((r) => r.slice());
  let r = 0;
  const width = m[0]?.length ?? 0;
  for (let c = 0; c < width && r < m.length; c++) {
    let p = r;
    for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i]![c]!) > Math.abs(m[p]![c]!)) p = i;
    if (Math.abs(m[p]![c]!) < 1e-9) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![c]! / m[r]![c]!;
      for (let j = c; j < width; j++) m[i]![j]! -= f * m[r]![j]!;
    }
    r++;
  }
  return r;
}

function canWorkOut(relations: Terms[], hidden: string[], cell: string): boolean {
  const rows = relations.map((terms) => hidden.map((h) => terms.filter(([c]) => c === h).reduce((a, [, k]) => a + k, 0))).filter((r) => r.some((x) => x !== 0));
  if (rows.length === 0) return false;
  const unit = hidden.map((h) => (h === cell ? 1 : 0));
  return rank(rows) === rank([...rows, unit]);
}

/** Every equation a reader of all three reports can use, with every cell's value. */
function readerModel(board: Record<string, YearFigures>): { relations: Terms[]; values: Map<string, number> } {
  const values = new Map<string, number>();
  const relations: Terms[] = [];
  const ys = Object.keys(board).sort();
  for (const y of ys) {
    const f = board[y]!;
    for (const [id, n] of Object.entries(f.counts)) values.set(`${id}@${y}`, n);
    for (const [id, [num, den]] of Object.entries(f.pcts)) {
      values.set(`${id}@${y}#num`, num);
      values.set(`${id}@${y}#den`, den);
      values.set(`${id}@${y}#rest`, den - num); // published nowhere, but a reader can subtract
      relations.push([[`${id}@${y}#num`, 1], [`${id}@${y}#rest`, 1], [`${id}@${y}#den`, -1]]);
    }
    const k = (id: string) => `${id}@${y}`;
    relations.push([...CATEGORIES.map((c) => [k(c), 1] as [string, number]), [k('cp.plans_open_at_year_end'), -1]]);
    relations.push([[`${k('cp.second_or_subsequent_pct')}#den`, 1], [k('cp.plans_started'), -1]]);
    relations.push([[`${k('cp.lasting_2y_plus_pct')}#den`, 1], [k('cp.plans_ended'), -1]]);
    relations.push([[k('lado.work_based'), 1], [k('lado.outside_work'), 1], [k('lado.referrals'), -1]]);
    const i = ys.indexOf(y);
    if (i > 0) {
      const p = ys[i - 1]!;
      relations.push([[k('cp.plans_open_at_year_end'), 1], [`cp.plans_open_at_year_end@${p}`, -1], [k('cp.plans_started'), -1], [k('cp.plans_ended'), 1]]);
    }
  }
  // An equation naming a figure the board does not have is not one a reader can use.
  return { relations: relations.filter((terms) => terms.every(([c]) => values.has(c))), values };
}

/** Disclose every year's report; return the protected cells a reader of all of them can still pin down. */
function crossYearLeaks(board: Record<string, YearFigures>, threshold: number): string[] {
  const published = new Set<string>();
  const builtByTool = (year: string) => !(board[year]!.publicIds?.length && Object.keys(board[year]!.counts).every((id) => board[year]!.publicIds!.includes(id)));
  for (const year of Object.keys(board).sort().filter(builtByTool)) {
    const disclosed = discloseIndicators(reportFor(board, year), { edition: 'published', threshold });
    for (const [id, byYear] of disclosed.series) {
      for (const [y, v] of byYear) {
        if (isSuppressed(v) || (v.value === null && v.denominator === undefined)) continue;
        if (v.numerator !== undefined) published.add(`${id}@${y}#num`);
        if (v.denominator !== undefined) published.add(`${id}@${y}#den`);
        if (v.numerator === undefined && v.denominator === undefined) published.add(`${id}@${y}`);
      }
    }
  }
  const { relations, values } = readerModel(board);
  const hidden = [...values.keys()].filter((c) => !published.has(c));
  const isPublic = (cell: string) => {
    const [idAt, ] = cell.split('#');
    const [id, y] = idAt!.split('@');
    return board[y!]!.publicIds?.includes(id!) ?? false;
  };
  const leaks: string[] = [];
  for (const [cell, n] of values) {
    if (n < 1 || n > threshold || isPublic(cell)) continue;
    if (published.has(cell)) leaks.push(`${cell} published`);
    else if (canWorkOut(relations, hidden, cell)) leaks.push(`${cell} worked out`);
  }
  return leaks;
}

/** A small random board over three years, linked by the stock and flow of plans. */
const boardArb = fc
  .record({
    open0: fc.integer({ min: 0, max: 40 }),
    years: fc.array(
      fc.record({
        cats: fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })), { minLength: CATEGORIES.length, maxLength: CATEGORIES.length }),
        ended: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })),
        second: fc.double({ min: 0, max: 1, noNaN: true }),
        lasting: fc.double({ min: 0, max: 1, noNaN: true }),
        referrals: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 30 })),
        work: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { minLength: 3, maxLength: 3 },
    ),
    // Sometimes the first year is one published before the tool was used: its figures come from
    // published-figures.csv, are public, and no report of that year is built by the tool.
    firstPublic: fc.boolean(),
  })
  .map(({ open0, years, firstPublic }) => {
    const board: Record<string, YearFigures> = {};
    let prevOpen = open0;
    years.forEach((g, i) => {
      const open = g.cats.reduce((a, b) => a + b, 0);
      // started = open - prevOpen + ended must be at least 0: lift ended when the stock falls.
      const ended = Math.max(g.ended, prevOpen - open);
      const started = open - prevOpen + ended;
      const counts: Record<string, number> = { 'cp.plans_open_at_year_end': open, 'cp.plans_started': started, 'cp.plans_ended': ended };
      CATEGORIES.forEach((c, j) => (counts[c] = g.cats[j]!));
      const work = Math.round(g.work * g.referrals);
      Object.assign(counts, { 'lado.referrals': g.referrals, 'lado.work_based': work, 'lado.outside_work': g.referrals - work });
      const pcts: Record<string, [number, number]> = {
        'cp.second_or_subsequent_pct': [Math.round(g.second * started), started],
        'cp.lasting_2y_plus_pct': [Math.round(g.lasting * ended), ended],
      };
      if (i === 0 && firstPublic) {
        // A year before the tool was used: only the figures in published-figures.csv, all already public.
        const known = ['cp.plans_open_at_year_end', 'cp.plans_started', 'cp.plans_ended'];
        board[YEARS[i]!] = { counts: Object.fromEntries(known.map((id) => [id, counts[id]!])), pcts: {}, publicIds: known };
      } else {
        board[YEARS[i]!] = { counts, pcts, publicIds: [] };
      }
      prevOpen = open;
    });
    return board;
  });

const RUNS = Number(process.env.DISCLOSURE_RUNS ?? 10_000);

describe('disclosure across years', () => {
  it('the three-year scenario: the 2013-14 report hides a current-year cell, not the 32 published last year', () => {
    const year = (open: number, started: number, ended: number, cats: number[]): YearFigures => {
      const counts: Record<string, number> = { 'cp.plans_open_at_year_end': open, 'cp.plans_started': started, 'cp.plans_ended': ended };
      CATEGORIES.forEach((c, j) => (counts[c] = cats[j] ?? 0));
      return { counts, pcts: {} };
    };
    const board = {
      '2011-12': year(30, 20, 18, [10, 10, 10, 0, 0]),
      '2012-13': year(32, 22, 20, [12, 10, 10, 0, 0]),
      '2013-14': year(64, 34, 2, [24, 20, 20, 0, 0]),
    };
    const at = (d: IndicatorReport, id: string, y: string) => d.series.get(id)!.get(y)!;
    const r1213 = discloseIndicators(reportFor(board, '2012-13'), { edition: 'published', threshold: 5 });
    expect(at(r1213, 'cp.plans_open_at_year_end', '2012-13').value).toBe(32);
    const r1314 = discloseIndicators(reportFor(board, '2013-14'), { edition: 'published', threshold: 5 });
    // Last year's 32 stays published; plans ended (2) is [c]; so is one more 2013-14 figure of the identity.
    expect(at(r1314, 'cp.plans_open_at_year_end', '2012-13').value).toBe(32);
    expect(isSuppressed(at(r1314, 'cp.plans_ended', '2013-14'))).toBe(true);
    const hiddenNow = ['cp.plans_open_at_year_end', 'cp.plans_started'].filter((id) => isSuppressed(at(r1314, id, '2013-14')));
    expect(hiddenNow.length, JSON.stringify([...r1314.series].flatMap(([id, m]) => [...m].filter(([, v]) => isSuppressed(v)).map(([y]) => id + '@' + y)))).toBeGreaterThanOrEqual(1);
    expect(crossYearLeaks(board, 5)).toEqual([]);
  });

  it('protects a percentage’s complement: 97 of 100 second or subsequent gives away 3 first-time plans', () => {
    const counts: Record<string, number> = { 'cp.plans_open_at_year_end': 300, 'cp.plans_started': 100, 'cp.plans_ended': 100 };
    CATEGORIES.forEach((c, j) => (counts[c] = j === 0 ? 300 : 0));
    const board = { '2012-13': { counts, pcts: { 'cp.second_or_subsequent_pct': [97, 100] as [number, number], 'cp.lasting_2y_plus_pct': [98, 100] as [number, number] } } };
    const d = discloseIndicators(reportFor(board, '2012-13'), { edition: 'published', threshold: 5 });
    expect(isSuppressed(d.series.get('cp.second_or_subsequent_pct')!.get('2012-13'))).toBe(true);
    expect(isSuppressed(d.series.get('cp.lasting_2y_plus_pct')!.get('2012-13'))).toBe(true);
    expect(crossYearLeaks(board, 5)).toEqual([]);
  });

  it('suppresses a small count of children among the context figures unless the board declares the measure public', () => {
    const board = { '2012-13': { counts: { 'context.private_fostering_referrals': 1, 'context.looked_after_children': 3 }, pcts: { 'context.minority_ethnic_pct': [1, 1] as [number, number] } } };
    const report = reportFor(board, '2012-13');
    const d = discloseIndicators(report, { edition: 'published', threshold: 5 });
    expect(isSuppressed(d.series.get('context.private_fostering_referrals')!.get('2012-13'))).toBe(true);
    expect(isSuppressed(d.series.get('context.looked_after_children')!.get('2012-13'))).toBe(true);
    const declared = discloseIndicators(report, { edition: 'published', threshold: 5, publicMeasures: ['looked_after_children'] });
    expect(isSuppressed(declared.series.get('context.looked_after_children')!.get('2012-13'))).toBe(false);
    expect(isSuppressed(declared.series.get('context.private_fostering_referrals')!.get('2012-13'))).toBe(true);
  });

  it(`property: over every published output of every year, no suppressed cell can be worked out (${RUNS} boards, fixed seed)`, () => {
    fc.assert(
      fc.property(boardArb, fc.integer({ min: 1, max: 5 }), (board, threshold) => {
        expect(crossYearLeaks(board, threshold)).toEqual([]);
      }),
      { numRuns: RUNS, seed: 1313 },
    );
  });
});

describe('a report is a function of its year and earlier years only', () => {
  it('build 2012-13 writes the same bytes with no 2013-14 folder, an empty one, and a full one', async () => {
    const { mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync, cpSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = (await import('node:path')).default;
    const { fileURLToPath } = await import('node:url');
    const { runCli } = await import('../cli/helpers.js');
    const { BoardFiles } = await import('../corpus/board-files.js');
    const work = mkdtempSync(path.join(tmpdir(), 'lscb-years-'));
    try {
      const dir = path.join(work, 'board');
      BoardFiles.fromDir(fileURLToPath(new URL('../corpus/base/', import.meta.url))).writeTo(dir);
      const build = async (name: string) => {
        const out = path.join(work, name);
        const r = await runCli(['build', '2012-13', '--data', dir, '--out', out, '--format', 'html'], { env: { SOURCE_DATE_EPOCH: '1364688000' } });
        expect(r.code, r.stderr).toBe(0);
        return new Map(readdirSync(out, { recursive: true }).map(String).sort().filter((f) => /\.(html|json|csv)$/.test(f)).map((f) => [f, readFileSync(path.join(out, f))]));
      };
      const alone = await build('alone');
      mkdirSync(path.join(dir, '2013-14'));
      const withEmpty = await build('empty');
      cpSync(path.join(dir, '2012-13'), path.join(dir, '2013-14'), { recursive: true });
      const withFull = await build('full');
      expect(alone.size).toBeGreaterThanOrEqual(3);
      for (const other of [withEmpty, withFull]) {
        expect([...other.keys()]).toEqual([...alone.keys()]);
        for (const [f, bytes] of alone) expect(other.get(f)!.equals(bytes), f).toBe(true);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
