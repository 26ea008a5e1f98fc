/**
 * A board's own indicators, declared in `indicators.yaml` beside `board.yaml`: the same kind of entry as
 * the tool's catalogue (id, title, unit, decimals, polarity, definition), plus who supplies it, optional
 * comparators and how its value is found each year: from the aggregates (published-figures.csv), or from a
 * formula over a return (a count of rows, a share of rows, the sum of a column) or over two indicators (a
 * ratio). Checked here: ids that collide with the tool's, formulas naming an unknown return, column, code
 * or indicator, circular ratios, and a unit the formula cannot give.
 */
import { z } from 'zod';
import type { Finding } from '../findings.js';
import { RETURNS, type ColumnDef, type ReturnDef } from '../returns/definitions.js';
import { isNotRecorded } from '../returns/not-recorded.js';
import { COURSE_INDICATORS, INDICATORS, UNIT_DECIMALS, suggestIndicatorId } from './catalogue.js';
import type { IndicatorDef, Unit } from './types.js';

/** The file, at the root of the board folder. */
export const BOARD_INDICATORS_FILE = 'indicators.yaml';

const returnRef = { return: z.string().min(1), column: z.string().min(1) };
/** A formula as declared in indicators.yaml (and by the catalogue for its own breakdowns). */
export type DeclaredFormula = z.infer<typeof formulaSchema>;

const formulaSchema = z.union([
  z.object({ count: z.object({ ...returnRef, value: z.string().min(1).optional() }).strict() }).strict(),
  z.object({ share: z.object({ ...returnRef, value: z.string().min(1).optional() }).strict() }).strict(),
  z.object({ sum: z.object(returnRef).strict() }).strict(),
  z.object({ ratio: z.object({ numerator: z.string().min(1), denominator: z.string().min(1), per: z.number().positive().optional() }).strict() }).strict(),
]);

const comparatorSchema = z
  .object({
    year: z.string().regex(/^\d{4}-\d{2}$/, 'years look like 2012-13'),
    comparator: z.enum(['england', 'region', 'statistical-neighbours']),
    value: z.number(),
    source: z.string().min(1),
    /** The period the figure describes, when not the year ("2011-12 school year"). */
    period: z.string().min(1).optional(),
  })
  .strict();

/** Schema of `indicators.yaml`. */
export const boardIndicatorsSchema = z
  .object({
    indicators: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_-]+)+$/, 'ids look like local.contacts: lower case, a namespace, a dot, a name'),
            title: z.string().min(1),
            unit: z.enum(['count', 'percent', 'rate_per_10k', 'money', 'days', 'ratio']),
            decimals: z.number().int().min(0).max(4).optional(),
            polarity: z.enum(['higher_is_better', 'lower_is_better', 'neither']),
            definition: z.string().min(1),
            supplier: z.string().min(1),
            comparators: z.array(comparatorSchema).default([]),
            formula: formulaSchema.optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

type Declared = z.infer<typeof boardIndicatorsSchema>['indicators'][number];

/** A formula, resolved against the return definitions. */
export type BoardFormula =
  | { kind: 'count' | 'share'; ret: ReturnDef; column: ColumnDef; code: string | null }
  | { kind: 'sum'; ret: ReturnDef; column: ColumnDef }
  | { kind: 'ratio'; numerator: string; denominator: string; per: number };

/** A comparator declared with an indicator, in the form of a comparators.csv row. */
export interface DeclaredComparator {
  year: string;
  indicator: string;
  comparator: string;
  value: number;
  source: string;
  period?: string;
  row: number;
}

/** What indicators.yaml declares, once checked. */
export interface BoardIndicators {
  defs: IndicatorDef[];
  formulas: Map<string, BoardFormula>;
  comparators: DeclaredComparator[];
  findings: Finding[];
}

/** The return a formula names: by file name (`lado-referrals.csv` or without `.csv`) or by return id. */
function findReturn(name: string): ReturnDef | undefined {
  const n = name.trim().toLowerCase().replace(/\.csv$/, '');
  return RETURNS.find((r) => r.file.replace(/\.csv$/, '') === n || r.id.toLowerCase() === n);
}

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, '-');

/** A formula over a return's rows (count, share or sum) as indicators.yaml and the catalogue declare it. */
export type DeclaredRowFormula = Exclude<DeclaredFormula, { ratio: unknown }>;

/** Why a declared row formula cannot be resolved: the finding's code, where in the formula, and words. */
interface FormulaProblem {
  code: string;
  path: string[];
  value: string;
  message: string;
  hint: string;
}

/**
 * Resolve a row formula against the return definitions: the return (by file name or id), the column (by
 * header or key) and the code (by code or label). One function for the board's formulas and the
 * catalogue's own declared ones.
 */
export function resolveRowFormula(f: DeclaredRowFormula): { formula: Exclude<BoardFormula, { kind: 'ratio' }> } | { problem: FormulaProblem } {
  const kind = 'count' in f ? 'count' : 'share' in f ? 'share' : 'sum';
  const spec = 'count' in f ? f.count : 'share' in f ? f.share : f.sum;
  const ret = findReturn(spec.return);
  if (!ret) {
    return { problem: { code: 'formula-unknown-return', path: [kind, 'return'], value: spec.return, message: `The formula names the return "${spec.return}", which is not one of the returns.`, hint: `Returns: ${RETURNS.map((r) => r.file).join(', ')}.` } };
  }
  const column = ret.columns.find((c) => norm(c.header) === norm(spec.column) || norm(c.key) === norm(spec.column));
  if (!column) {
    return { problem: { code: 'formula-unknown-column', path: [kind, 'column'], value: spec.column, message: `${ret.file} has no column "${spec.column}".`, hint: `Its columns: ${ret.columns.map((c) => c.header).join(', ')}.` } };
  }
  const value = (spec as { value?: string }).value;
  let code: string | null = null;
  if (value !== undefined) {
    const match = column.values?.find((v) => norm(v.code) === norm(value) || norm(v.label) === norm(value));
    if (!column.values || !match) {
      return {
        problem: {
          code: 'formula-unknown-code',
          path: [kind, 'value'],
          value,
          message: column.values ? `"${value}" is not a code of the column "${column.header}" in ${ret.file}.` : `The column "${column.header}" in ${ret.file} is not a coded column, so rows cannot be matched to "${value}".`,
          hint: column.values ? `Codes: ${column.values.map((v) => v.code).join(', ')}.` : 'Leave out "value" to count the rows where the column has a value.',
        },
      };
    }
    code = match.code;
  }
  return { formula: kind === 'sum' ? { kind, ret, column } : { kind, ret, column, code } };
}

/** The rows a count or share formula matches: the column holds its code (or, with no code, any value). */
export function matchingRows<R extends Record<string, unknown>>(f: { column: ColumnDef; code: string | null }, rows: readonly R[]): R[] {
  const key = f.column.key;
  return rows.filter((r) => {
    const v = r[key];
    if (f.code !== null) return v === f.code;
    return v !== null && v !== undefined && v !== '' && v !== false && !isNotRecorded(v);
  });
}

/** The sum of a sum formula's column over the rows (values that are not numbers, such as blanks, add nothing). */
export function sumRows<R extends Record<string, unknown>>(f: { column: ColumnDef }, rows: readonly R[]): number {
  const key = f.column.key;
  return rows.reduce((a, r) => a + (typeof r[key] === 'number' ? (r[key] as number) : 0), 0);
}

/** Units each formula can give, and why not otherwise. */
function unitProblem(unit: Unit, f: BoardFormula): string | null {
  switch (f.kind) {
    case 'count':
      return unit === 'count' ? null : `a count of rows is a count, not ${unit}`;
    case 'share':
      return unit === 'percent' ? null : `a share of rows is a percentage, not ${unit}`;
    case 'sum':
      if (f.column.type === 'money') return unit === 'money' ? null : `the sum of an amount of money is money, not ${unit}`;
      if (f.column.type === 'count') return unit === 'count' || unit === 'days' ? null : `the sum of a count column is a count, not ${unit}`;
      return `the column "${f.column.header}" holds ${f.column.type} values, which cannot be added up`;
    case 'ratio':
      if (unit === 'percent') return f.per === 100 ? null : `a percentage is a ratio per 100, but "per" is ${f.per}`;
      if (unit === 'rate_per_10k') return f.per === 10000 ? null : `a rate per 10,000 needs "per: 10000", but "per" is ${f.per}`;
      if (unit === 'ratio') return null;
      return `a ratio of two indicators cannot be a ${unit}`;
  }
}

/**
 * Check the declared indicators and resolve their formulas. `lineOf` gives the line of a key path in the
 * file (for findings). Declarations with problems are left out, each with its finding.
 */
export function resolveBoardIndicators(declared: Declared[], lineOf: (path: (string | number)[]) => number | undefined): BoardIndicators {
  const findings: Finding[] = [];
  const defs: IndicatorDef[] = [];
  const formulas = new Map<string, BoardFormula>();
  const comparators: DeclaredComparator[] = [];
  const builtIn = new Set([...INDICATORS, ...COURSE_INDICATORS].map((d) => d.id));
  const declaredIds = new Set(declared.map((d) => d.id));
  const problem = (code: string, i: number, path: (string | number)[], value: string, message: string, hint: string) =>
    findings.push({
      code,
      severity: 'error',
      file: BOARD_INDICATORS_FILE,
      row: lineOf(['indicators', i, ...path]),
      column: ['indicators', i, ...path].join('.'),
      value,
      message,
      hint,
    });
  const seen = new Set<string>();

  declared.forEach((d, i) => {
    if (builtIn.has(d.id)) {
      problem('indicator-id-collides', i, ['id'], d.id, `"${d.id}" is already one of the tool's own indicators.`, 'Give the board\'s indicator an id in its own namespace, such as local.contacts; to supply a figure for the tool\'s indicator, put it in aggregates/published-figures.csv instead.');
      return;
    }
    if (seen.has(d.id)) {
      problem('indicator-id-collides', i, ['id'], d.id, `"${d.id}" is declared twice in ${BOARD_INDICATORS_FILE}.`, 'Keep one declaration per id.');
      return;
    }
    seen.add(d.id);
    let formula: BoardFormula | undefined;
    const f = d.formula;
    if (f && 'ratio' in f) {
      let ok = true;
      for (const key of ['numerator', 'denominator'] as const) {
        const id = f.ratio[key];
        if (!builtIn.has(id) && !declaredIds.has(id)) {
          ok = false;
          problem('formula-unknown-indicator', i, ['formula', 'ratio', key], id, `The ratio's ${key} "${id}" is not an indicator.`, `Did you mean "${suggestIndicatorId(id, [...builtIn, ...declaredIds])}"? Name one of the tool's indicators or one declared in this file.`);
        }
      }
      if (ok) formula = { kind: 'ratio', numerator: f.ratio.numerator, denominator: f.ratio.denominator, per: f.ratio.per ?? (d.unit === 'percent' ? 100 : d.unit === 'rate_per_10k' ? 10000 : 1) };
    } else if (f) {
      const resolved = resolveRowFormula(f);
      if ('problem' in resolved) {
        const p = resolved.problem;
        problem(p.code, i, ['formula', ...p.path], p.value, p.message, p.hint);
        return;
      }
      formula = resolved.formula;
    }
    if (formula) {
      const why = unitProblem(d.unit, formula);
      if (why) {
        problem('unit-mismatch', i, ['unit'], d.unit, `The unit of ${d.id} is ${d.unit}, but ${why}.`, 'Change the unit to the one the formula gives, or change the formula.');
        return;
      }
      formulas.set(d.id, formula);
    }
    defs.push({
      id: d.id,
      title: d.title,
      unit: d.unit,
      decimals: d.decimals ?? UNIT_DECIMALS[d.unit],
      polarity: d.polarity,
      definition: d.definition,
      source: formula
        ? formula.kind === 'ratio'
          ? `${BOARD_INDICATORS_FILE} (ratio of ${formula.numerator} to ${formula.denominator})`
          : `${formula.ret.file} (${BOARD_INDICATORS_FILE} formula)`
        : 'aggregates',
      owner: 'board',
      supplier: d.supplier,
    });
    d.comparators.forEach((c, j) => comparators.push({ ...c, indicator: d.id, row: lineOf(['indicators', i, 'comparators', j]) ?? 0 }));
  });

  // Circular ratios: a ratio that, through other ratios, depends on itself.
  const visiting = new Set<string>();
  const done = new Set<string>();
  const circular = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    const f = formulas.get(id);
    if (!f || f.kind !== 'ratio' || done.has(id)) return;
    if (visiting.has(id)) {
      for (const p of path.slice(path.indexOf(id))) circular.add(p);
      return;
    }
    visiting.add(id);
    for (const next of [f.numerator, f.denominator]) visit(next, [...path, id]);
    visiting.delete(id);
    done.add(id);
  };
  for (const id of formulas.keys()) visit(id, []);
  // One finding per file naming the whole cycle, at the first indicator in it.
  const first = declared.findIndex((d) => circular.has(d.id));
  for (const id of first < 0 ? [] : [declared[first]!.id]) {
    const i = first;
    problem('formula-circular', i, ['formula', 'ratio'], id, `The formula of ${id} depends on itself (${[...circular].join(' → ')}).`, 'A ratio must be built from indicators that do not, in turn, depend on it.');
  }
  for (const id of circular) formulas.delete(id);
  return { defs: defs.filter((d) => !circular.has(d.id)), formulas, comparators: comparators.filter((c) => !circular.has(c.indicator)), findings };
}

/** Ratio indicators in an order where each comes after the indicators it divides. */
export function ratioOrder(formulas: ReadonlyMap<string, BoardFormula>): string[] {
  const out: string[] = [];
  const placed = new Set<string>();
  const place = (id: string) => {
    const f = formulas.get(id);
    if (placed.has(id) || !f || f.kind !== 'ratio') return;
    placed.add(id);
    place(f.numerator);
    place(f.denominator);
    out.push(id);
  };
  for (const id of formulas.keys()) place(id);
  return out;
}
