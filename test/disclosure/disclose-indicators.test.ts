import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  discloseIndicators,
  isCaseLevelIndicator,
  isProtectedIndicator,
  isSuppressed,
  NOT_PUBLISHED,
  suppressedKeys,
  suppressionNote,
} from '../../src/disclosure/disclose-indicators.js';
import { recoverableCells } from '../../src/disclosure/linear-audit.js';
import { breakdownMembers, INDICATORS } from '../../src/indicators/catalogue.js';
import { computeChange } from '../../src/indicators/change.js';
import type { IndicatorReport, IndicatorRow, IndicatorValue } from '../../src/indicators/types.js';
import { loadSample, type Loaded } from '../report/sample.js';

const YEAR = '2012-13';
const PREV = '2011-12';

// ---------------------------------------------------------------------------------------------------
// An audit written independently of the implementation: floating-point rank, relations listed by hand.

type Terms = [string, number][];

/** Rank of a matrix (rows of numbers) by Gaussian elimination with partial pivoting. */
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

/** True when `cell` can be worked out from the equations, knowing every cell not in `hidden`. */
function canWorkOut(relations: Terms[], hidden: string[], cell: string): boolean {
  const rows = relations.map((terms) => hidden.map((h) => terms.filter(([c]) => c === h).reduce((a, [, k]) => a + k, 0))).filter((r) => r.some((x) => x !== 0));
  if (rows.length === 0) return false;
  const unit = hidden.map((h) => (h === cell ? 1 : 0));
  return rank(rows) === rank([...rows, unit]);
}

/** The equations a reader of the report can use, for one year, by indicator id (`#num`/`#den` for rates). */
function readerRelations(year: string): Terms[] {
  const k = (id: string) => {
    const [base, part] = id.split('#');
    return part ? `${base}@${year}#${part}` : `${base}@${year}`;
  };
  const sum = (total: string, parts: string[]): Terms => [...parts.map((p) => [k(p), 1] as [string, number]), [k(total), -1]];
  const fam = (f: string) => breakdownMembers(f).map((d) => d.id);
  return [
    sum('cp.plans_open_at_year_end', fam('cp.category')),
    ...['lado.source', 'lado.sector', 'lado.nature', 'lado.outcome'].map((f) => sum('lado.referrals', fam(f))),
    sum('lado.referrals', ['lado.work_based', 'lado.outside_work']),
    sum('lado.over_1_month', ['lado.over_1_month_police', 'lado.over_1_month_disciplinary', 'lado.over_1_month_both']),
    sum('lado.referrals', ['lado.concluded_within_1_month_pct#num', 'lado.over_1_month', 'lado.outcome.outstanding']),
    sum('lado.referrals', ['lado.concluded_within_1_month_pct#den']),
    sum('cp.plans_open_at_year_end', ['cp.rate_per_10k#num']),
    sum('cp.plans_started', ['cp.second_or_subsequent_pct#den']),
    sum('cp.plans_ended', ['cp.lasting_2y_plus_pct#den']),
    [[k('cp.plans_open_at_year_end'), 1], [`cp.plans_open_at_year_end@${PREV}`, -1], [k('cp.plans_started'), -1], [k('cp.plans_ended'), 1]],
    sum('cdop.deaths_notified', ['cdop.considered_at_panel', 'cdop.not_yet_discussed']),
    sum('cdop.considered_at_panel', ['cdop.deferred', 'cdop.concluded_notified_in_year']),
    sum('cdop.reviews_concluded', ['cdop.concluded_notified_in_year', 'cdop.concluded_notified_earlier']),
    sum('cdop.concluded_notified_in_year', ['cdop.notified_concluded_in_year_pct#num']),
    sum('cdop.deaths_notified', ['cdop.notified_concluded_in_year_pct#den']),
  ];
}

const isRate = (id: string) => id.endsWith('_pct') || id.includes('rate_per_10k');

/** Cells (with values) that a value publishes: the count, or a rate's numerator and denominator. */
function cellsOf(v: IndicatorValue): [string, number][] {
  const key = `${v.id}@${v.year}`;
  if (!isRate(v.id)) return v.value === null ? [] : [[key, v.value]];
  return [
    ...(v.numerator !== undefined ? [[`${key}#num`, v.numerator] as [string, number]] : []),
    ...(v.denominator !== undefined ? [[`${key}#den`, v.denominator] as [string, number]] : []),
  ];
}

/** Every small count (1..threshold) among case-level values that a reader can still work out. */
function auditLeaks(raw: IndicatorReport, disclosed: IndicatorReport, threshold: number): string[] {
  const hidden: string[] = [];
  const small: string[] = [];
  for (const [id, byYear] of raw.series) {
    for (const [y, v] of byYear) {
      const cells = cellsOf(v);
      if (isSuppressed(disclosed.series.get(id)!.get(y))) hidden.push(...cells.map(([c]) => c));
      // A figure for an earlier year from published-figures.csv is already public: nothing to protect.
      const alreadyPublic = y < raw.year && (v.provenance?.file ?? '').endsWith('published-figures.csv');
      if (isProtectedIndicator(id) && !alreadyPublic) small.push(...cells.filter(([, n]) => n >= 1 && n <= threshold).map(([c]) => c));
    }
  }
  const relations = readerRelations(YEAR);
  const leaks = small.filter((c) => !hidden.includes(c));
  for (const c of small) if (hidden.includes(c) && canWorkOut(relations, hidden, c)) leaks.push(`${c} (worked out)`);
  return leaks;
}

// ---------------------------------------------------------------------------------------------------
// Synthetic reports

/** A report for YEAR (and the previous year's plans open) from values by id; rates as [numerator, denominator, scale]. */
function reportOf(values: Record<string, number | [number, number, number]>, prevOpen: number): IndicatorReport {
  const prov = { kind: 'computed' as const, file: `${YEAR}/x.csv` };
  const series = new Map<string, Map<string, IndicatorValue>>();
  const rows: IndicatorRow[] = [];
  for (const def of INDICATORS) {
    const given = values[def.id];
    const current: IndicatorValue =
      given === undefined
        ? { id: def.id, year: YEAR, value: null, provenance: null, reason: 'not given' }
        : typeof given === 'number'
          ? { id: def.id, year: YEAR, value: given, provenance: prov }
          : { id: def.id, year: YEAR, value: given[1] === 0 ? null : (given[0] / given[1]) * given[2], numerator: given[0], denominator: given[1], provenance: prov };
    const previous: IndicatorValue =
      def.id === 'cp.plans_open_at_year_end'
        ? { id: def.id, year: PREV, value: prevOpen, provenance: prov }
        : { id: def.id, year: PREV, value: null, provenance: null, reason: 'not given' };
    series.set(def.id, new Map([[PREV, previous], [YEAR, current]]));
    rows.push({ def, year: YEAR, current, previousYear: PREV, previous, change: computeChange(def, previous, current), comparators: [] });
  }
  return { year: YEAR, rows, series, findings: [] };
}

/** A small deterministic generator (mulberry32), so one fast-check integer drives a whole board. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * (max + 1));
  // Mostly small numbers, sometimes larger ones, often zeros: the cases disclosure control is about.
  const count = () => (next() < 0.5 ? int(6) : int(60));
  const split = (total: number, parts: number) => {
    const cuts = Array.from({ length: parts - 1 }, () => int(total)).sort((x, y) => x - y);
    return [...cuts, total].map((c, i) => c - (i === 0 ? 0 : cuts[i - 1]!));
  };
  return { int, count, split };
}

function randomBoard(seed: number): { report: IndicatorReport; values: Record<string, number | [number, number, number]> } {
  const g = random(seed);
  const v: Record<string, number | [number, number, number]> = {};
  const setFamily = (family: string, parts: number[]) => breakdownMembers(family).forEach((d, i) => (v[d.id] = parts[i] ?? 0));
  const cats = breakdownMembers('cp.category').map(() => g.count());
  setFamily('cp.category', cats);
  const open = cats.reduce((a, b) => a + b, 0);
  const ended = g.count();
  const prevOpen = g.int(open + ended);
  const started = open - prevOpen + ended;
  Object.assign(v, { 'cp.plans_open_at_year_end': open, 'cp.plans_started': started, 'cp.plans_ended': ended });
  v['cp.rate_per_10k'] = [open, 45000, 10000];
  v['cp.second_or_subsequent_pct'] = [g.int(started), started, 100];
  v['cp.lasting_2y_plus_pct'] = [g.int(ended), ended, 100];
  const reviewable = g.int(open);
  v['cp.reviewed_in_time_pct'] = [g.int(reviewable), reviewable, 100];

  const sources = breakdownMembers('lado.source').map(() => (g.int(3) === 0 ? g.count() : 0));
  setFamily('lado.source', sources);
  const referrals = sources.reduce((a, b) => a + b, 0);
  v['lado.referrals'] = referrals;
  for (const f of ['lado.sector', 'lado.nature', 'lado.outcome']) setFamily(f, g.split(referrals, breakdownMembers(f).length));
  const work = g.int(referrals);
  Object.assign(v, { 'lado.work_based': work, 'lado.outside_work': referrals - work });
  const outstanding = v['lado.outcome.outstanding'] as number;
  const within = g.int(referrals - outstanding);
  const over = referrals - outstanding - within;
  const [police, disciplinary, both] = g.split(over, 3) as [number, number, number];
  Object.assign(v, { 'lado.over_1_month': over, 'lado.over_1_month_police': police, 'lado.over_1_month_disciplinary': disciplinary, 'lado.over_1_month_both': both });
  v['lado.concluded_within_1_month_pct'] = [within, referrals, 100];

  const notified = g.count();
  const considered = g.int(notified);
  const deferred = g.int(considered);
  const earlier = g.count();
  Object.assign(v, {
    'cdop.deaths_notified': notified,
    'cdop.considered_at_panel': considered,
    'cdop.not_yet_discussed': notified - considered,
    'cdop.deferred': deferred,
    'cdop.concluded_notified_in_year': considered - deferred,
    'cdop.concluded_notified_earlier': earlier,
    'cdop.reviews_concluded': considered - deferred + earlier,
  });
  v['cdop.notified_concluded_in_year_pct'] = [considered - deferred, notified, 100];
  // Figures that are never suppressed, small or not (events, money, a population percentage) …
  Object.assign(v, { 'training.type.conference': 1, 'context.minority_ethnic_pct': 2, 'finance.carry_forward': 3 });
  // … and a count of children among the context figures, which is.
  v['context.private_fostering_referrals'] = g.int(8);
  return { report: reportOf(v, prevOpen), values: v };
}

// ---------------------------------------------------------------------------------------------------

describe('discloseIndicators on the sample (threshold 5)', () => {
  let sample: Loaded;
  let disclosed: ReturnType<typeof discloseIndicators>;
  beforeAll(async () => {
    sample = await loadSample();
    disclosed = discloseIndicators(sample.indicators, { edition: 'published', threshold: 5 });
  });

  it('hides every count from 1 to 5, the percentage built on one, and the fewest others that protect them', () => {
    expect(suppressedKeys(disclosed)).toMatchInlineSnapshot(`
      [
        "cdop.concluded_notified_earlier@2012-13",
        "cdop.concluded_notified_in_year@2012-13",
        "cdop.deferred@2012-13",
        "cdop.notified_concluded_in_year_pct@2012-13",
        "cp.category.multiple@2012-13",
        "cp.category.sexual@2012-13",
        "lado.nature.emotional@2012-13",
        "lado.nature.neglect@2012-13",
        "lado.outcome.did-not-meet-threshold@2012-13",
        "lado.outcome.unfounded-malicious@2012-13",
        "lado.over_1_month_both@2012-13",
        "lado.over_1_month_police@2012-13",
        "lado.sector.armed-forces@2012-13",
        "lado.sector.faith@2012-13",
        "lado.sector.health@2012-13",
        "lado.sector.other@2012-13",
        "lado.sector.police@2012-13",
        "lado.sector.sport@2012-13",
        "lado.sector.transport@2012-13",
        "lado.sector.voluntary@2012-13",
        "lado.source.armed-forces@2012-13",
        "lado.source.cafcass@2012-13",
        "lado.source.higher-education@2012-13",
        "lado.source.ofsted@2012-13",
        "lado.source.other-local-authorities@2012-13",
        "lado.source.public@2012-13",
        "lado.source.sport@2012-13",
        "lado.source.voluntary-sector@2012-13",
      ]
    `);
    expect(disclosed.disclosure).toEqual({ edition: 'published', threshold: 5, primary: 22, secondary: 6 });
    expect(auditLeaks(sample.indicators, disclosed, 5)).toEqual([]);
  });

  it('does not protect the lone small outcome with "outstanding", which the timeliness table gives away', () => {
    // Naively the 5 malicious referrals would be hidden with the smallest other outcome, the 6 outstanding.
    // But referrals concluded within a month (82.6% of 144 = 119) + over a month (19) + outstanding = 144,
    // so outstanding = 6 could be worked out, and then malicious = 5 from the outcome total.
    const rowOf = (id: string) => disclosed.rows.find((r) => r.def.id === id)!;
    expect(isSuppressed(rowOf('lado.outcome.unfounded-malicious').current)).toBe(true);
    expect(isSuppressed(rowOf('lado.outcome.outstanding').current)).toBe(false);
    expect(isSuppressed(rowOf('lado.outcome.did-not-meet-threshold').current)).toBe(true);
    const naive = new Set(['lado.outcome.unfounded-malicious@2012-13', 'lado.outcome.outstanding@2012-13']);
    const relations = readerRelations(YEAR);
    expect(canWorkOut(relations, [...naive], 'lado.outcome.unfounded-malicious@2012-13')).toBe(true);
  });

  it('replaces a suppressed value, says why, and publishes no change or comparator difference built on it', () => {
    const row = disclosed.rows.find((r) => r.def.id === 'cdop.notified_concluded_in_year_pct')!;
    expect(row.current).toMatchObject({ value: null, suppressed: true });
    expect(row.current.numerator).toBeUndefined();
    expect(row.current.reason).toMatch(/suppressed/);
    expect(row.change.reason).toContain(NOT_PUBLISHED);
    expect(row.comparators.length).toBeGreaterThan(0);
    for (const c of row.comparators) expect(c.difference).toBeNull();
  });

  it('leaves figures that are not from case-level returns alone, however small', () => {
    const small = disclosed.rows.filter((r) => !isCaseLevelIndicator(r.def.id) && r.current.value !== null && r.current.value >= 1 && r.current.value <= 5);
    expect(small.map((r) => r.def.id)).toContain('training.type.conference');
    for (const r of disclosed.rows.filter((x) => !isCaseLevelIndicator(x.def.id))) expect(isSuppressed(r.current)).toBe(false);
  });

  it('suppresses nothing in the internal edition or with threshold 0, and says so', () => {
    for (const options of [{ edition: 'internal' as const, threshold: 5 }, { edition: 'published' as const, threshold: 0 }]) {
      const d = discloseIndicators(sample.indicators, options);
      expect(suppressedKeys(d)).toEqual([]);
      expect(d.rows).toBe(sample.indicators.rows);
      expect(d.disclosure).toMatchObject({ edition: options.edition, threshold: 0, primary: 0, secondary: 0 });
    }
  });

  it('explains the symbol with the threshold used', () => {
    expect(suppressionNote(5)).toMatch(/^\[c\]: not published.*a count from 1 to 5/);
    expect(suppressionNote(1)).toContain('a count of 1');
  });
});

describe('discloseIndicators on generated boards', () => {
  it('property: every small case-level count and every rate on one is hidden, and none can be worked out from what is published', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 9 }), (seed, threshold) => {
        const { report } = randomBoard(seed);
        const disclosed = discloseIndicators(report, { edition: 'published', threshold });
        expect(auditLeaks(report, disclosed, threshold)).toEqual([]);
        for (const r of disclosed.rows) {
          if (!isProtectedIndicator(r.def.id)) expect(isSuppressed(r.current), r.def.id).toBe(false);
          const raw = report.rows.find((x) => x.def.id === r.def.id)!.current;
          const small = (n: number | undefined) => n !== undefined && n >= 1 && n <= threshold;
          if (isRate(r.def.id) && (small(raw.numerator) || small(raw.denominator))) expect(isSuppressed(r.current), r.def.id).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a hidden 1 is never protected by a hidden 0 alone (the total would pin both down)', () => {
    // cp.category: 40, 1, 0, 0, 30 with a total of 71: hiding the 1 and a 0 gives 1 = 71 - 70 exactly.
    const values: Record<string, number | [number, number, number]> = {
      'cp.category.neglect': 40,
      'cp.category.physical': 1,
      'cp.category.emotional': 0,
      'cp.category.sexual': 0,
      'cp.category.multiple': 30,
      'cp.plans_open_at_year_end': 71,
    };
    const d = discloseIndicators(reportOf(values, 60), { edition: 'published', threshold: 5 });
    expect(suppressedKeys(d)).toEqual(['cp.category.multiple@2012-13', 'cp.category.physical@2012-13']);
  });
});

describe('recoverableCells', () => {
  const t = (cell: string, coefficient: number) => ({ cell, coefficient });
  // x + y = t, and y = z.
  const relations = [
    { name: 'table', terms: [t('x', 1), t('y', 1), t('t', -1)] },
    { name: 'link', terms: [t('y', 1), t('z', -1)] },
  ];

  it('finds a lone hidden cell of a line with a total', () => {
    expect([...recoverableCells(relations.slice(0, 1), new Set(['x']))]).toEqual(['x']);
    expect([...recoverableCells(relations.slice(0, 1), new Set(['x', 'y']))]).toEqual([]);
  });

  it('follows equations from one table to another', () => {
    // y is hidden in the table but equals the published z, so x = t - z.
    expect([...recoverableCells(relations, new Set(['x', 'y']))].sort()).toEqual(['x', 'y']);
    expect([...recoverableCells(relations, new Set(['x', 'y', 'z']))]).toEqual([]);
  });
});
