/**
 * The loader's fast path (one small parser per column type) against the zod row schema it stands in for:
 * for every return, on generated rows valid or not, the two accept the same rows and give the same typed
 * row, key for key. The work per case is bounded by the generators (a dozen short cells), never by a clock.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRows } from '../../src/load/load-board.js';
import { REFUSED, rowBuilder } from '../../src/load/typed-rows.js';
import { COMPARATOR_COLUMNS, PUBLISHED_FIGURES_COLUMNS, RETURNS, type ColumnDef } from '../../src/returns/definitions.js';
import { COMPARATORS_SCHEMA, PUBLISHED_FIGURES_SCHEMA, RETURN_SCHEMAS } from '../../src/returns/schemas.js';
import type { Finding } from '../../src/validate/findings.js';
import type { ZodType } from 'zod';

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20_121_231;
const RUNS = 400;

const FILES: { name: string; columns: ColumnDef[]; schema: ZodType<unknown, Record<string, string | undefined>> }[] = [
  ...RETURNS.map((r) => ({ name: r.file, columns: r.columns, schema: RETURN_SCHEMAS[r.id] as ZodType<unknown, Record<string, string | undefined>> })),
  { name: 'published-figures.csv', columns: PUBLISHED_FIGURES_COLUMNS, schema: PUBLISHED_FIGURES_SCHEMA as ZodType<unknown, Record<string, string | undefined>> },
  { name: 'comparators.csv', columns: COMPARATOR_COLUMNS, schema: COMPARATORS_SCHEMA as ZodType<unknown, Record<string, string | undefined>> },
];

/** Ways a cell is written around its content: as is, padded, with odd case or separators. */
const dressed = (core: fc.Arbitrary<string>) =>
  fc.tuple(core, fc.constantFrom('', ' ', '  ', '\t', '\u00a0'), fc.constantFrom('', ' ', '\t'), fc.constantFrom('as-is', 'upper', 'lower', 'title', 'underscores', 'spaces')).map(
    ([s, before, after, style]) => {
      const styled =
        style === 'upper' ? s.toUpperCase()
        : style === 'lower' ? s.toLowerCase()
        : style === 'title' ? s.charAt(0).toUpperCase() + s.slice(1)
        : style === 'underscores' ? s.replace(/[-\s]/g, '_')
        : style === 'spaces' ? s.replace(/-/g, ' ')
        : s;
      return `${before}${styled}${after}`;
    },
  );

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** Numbers as people type them: plain, with separators, signs, decimals, percentages, pounds, brackets. */
const numberish = fc.oneof(
  digits(1, 4),
  digits(1, 17),
  fc.integer({ min: -1000, max: 10_000_000 }).map((n) => n.toLocaleString('en-GB')),
  fc.tuple(digits(1, 6), digits(1, 4)).map(([a, b]) => `${a}.${b}`),
  fc.tuple(fc.constantFrom('', '-', '+', '£', '-£', '£ ', '(', ' '), digits(1, 7), fc.constantFrom('', '%', ' %', ')', '.0', '.50', '.5', ',000', 'k')).map(([a, b, c]) => `${a}${b}${c}`),
  fc.constantFrom('45.000', '1.234.567', '12,34', '1e3', '0x10', 'NaN', 'Infinity', '-0', '00', '9007199254740993', '１２', '١٢', '1 000'),
);

/** Dates in the forms the loader reads, and near misses. */
const dateish = fc.oneof(
  fc.tuple(fc.integer({ min: 1890, max: 2210 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).chain(([y, m, d]) =>
    fc.constantFrom(
      `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      `${y}-${m}-${d}`,
      `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`,
      `${d}/${m}/${y}`,
      `${y}/${m}/${d}`,
      `${d}.${m}.${y}`,
    ),
  ),
  fc.constantFrom('2012-02-29', '2013-02-29', '2000-02-29', '1900-02-29', '2012-06-30T00:00', '30 June 2012', '0012-01-01'),
);

/** "Not recorded" as agencies write it, and near misses. */
const notRecorded = fc.constantFrom('not recorded', 'Not Recorded', 'NOT_RECORDED', 'not-recorded', 'not  recorded', 'notrecorded', 'not recorded yet', 'N/R', 'nr', 'not known');

/** The values a coded column allows, by code and by label, and near misses. */
const coded = (col: ColumnDef) =>
  fc.oneof(
    fc.constantFrom(...(col.values ?? [{ code: 'x', label: 'x' }]).flatMap((v) => [v.code, v.label])),
    fc.constantFrom('yes', 'no', 'y', 'n', 'x', 'true', 'false', '1', '0', 'other', 'Other', 'unknown'),
    notRecorded,
  );

const refish = fc.oneof(
  fc.tuple(fc.constantFrom('CP', 'C', 'L', 'D', 'T', 'SI', 'cp', '-', '_', '.'), fc.constantFrom('-', '_', '/', '.', '', ' '), digits(1, 8)).map(([a, b, c]) => `${a}${b}${c}`),
  fc.string({ unit: fc.constantFrom(...'AZaz09-_/. '), minLength: 1, maxLength: 45 }),
);

const indicatorish = fc.constantFrom('cp.plans_open_at_year_end', 'cp.rate_per_10k', 'lado.source.police', 'CP.X', 'cp', 'cp.', '.cp', 'cp..x', 'cp.plans open', 'a_b.c-d');

/** A cell of a column: mostly what that column's type expects, sometimes anything at all. */
function cell(col: ColumnDef): fc.Arbitrary<string | undefined> {
  const typed: Record<ColumnDef['type'], fc.Arbitrary<string>> = {
    count: numberish,
    money: numberish,
    number: numberish,
    date: dateish,
    enum: coded(col),
    yesno: fc.oneof(fc.constantFrom('yes', 'no', 'y', 'n', 'x', 'X', 'true', 'false', 'TRUE', '1', '0', 'maybe', 'Yes please'), notRecorded),
    ref: refish,
    indicator: indicatorish,
    text: fc.string({ maxLength: 12 }),
  };
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(col.example) },
    { weight: 6, arbitrary: dressed(typed[col.type]) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '\u00a0', '\u3000') },
    { weight: 1, arbitrary: fc.string({ maxLength: 10, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** A file layout (which columns are there, in what order, with cells beyond them) and one record. */
function layoutAndRecord(columns: ColumnDef[]) {
  return fc
    .tuple(
      fc.oneof(
        { weight: 3, arbitrary: fc.shuffledSubarray(columns, { minLength: columns.length, maxLength: columns.length }) },
        { weight: 1, arbitrary: fc.shuffledSubarray(columns, { minLength: 0, maxLength: columns.length }) },
      ),
      fc.integer({ min: 0, max: 2 }),
      fc.tuple(...columns.map((c) => cell(c))),
      fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
      fc.integer({ min: 2, max: 1_000_000 }),
    )
    .map(([present, offset, cells, extra, row]) => {
      const columnIndex = new Map<string, number>(present.map((c, i) => [c.key, i + offset]));
      const record: string[] = Array.from({ length: present.length + offset }, () => '');
      for (const c of present) {
        const value = cells[columns.indexOf(c)];
        // A short record (fewer cells than the header) leaves its last cells undefined.
        if (value !== undefined) record[columnIndex.get(c.key)!] = value;
        else record.length = Math.min(record.length, columnIndex.get(c.key)!);
      }
      return { columnIndex, record: [...record, ...extra], row };
    });
}

describe('typed rows: the fast path agrees with the zod row schema', () => {
  it.each(FILES.map((f) => [f.name, f] as const))('%s', (_name, { columns, schema }) => {
    fc.assert(
      fc.property(layoutAndRecord(columns), ({ columnIndex, record, row }) => {
        const fast = rowBuilder(columns, columnIndex)(record, row);
        const cells: Record<string, string | undefined> = {};
        for (const [key, idx] of columnIndex) cells[key] = record[idx];
        const findings: Finding[] = [];
        const oracle = parseRows([{ row, cells }], schema, columns, columnIndex, 'f.csv', findings);
        if (fast === REFUSED) {
          expect(oracle).toEqual([]);
        } else {
          expect(oracle).toHaveLength(1);
          expect(fast).toStrictEqual(oracle[0]);
          expect(Object.keys(fast)).toEqual(Object.keys(oracle[0]!));
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('generates both rows the schema accepts and rows it refuses, for every file', () => {
    for (const { columns, schema } of FILES) {
      const samples = fc.sample(layoutAndRecord(columns), { numRuns: RUNS, seed: SEED });
      const accepted = samples.filter(({ columnIndex, record, row }) => {
        const cells: Record<string, string | undefined> = {};
        for (const [key, idx] of columnIndex) cells[key] = record[idx];
        return parseRows([{ row, cells }], schema, columns, columnIndex, 'f.csv', []).length === 1;
      }).length;
      expect(accepted).toBeGreaterThan(0);
      expect(accepted).toBeLessThan(samples.length);
    }
  });
});
