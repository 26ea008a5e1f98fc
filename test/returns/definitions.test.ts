/** The return definitions are consistent: unique headers, and every documented example is itself valid. */
import { describe, expect, it } from 'vitest';
import { COMPARATOR_COLUMNS, PUBLISHED_FIGURES_COLUMNS, RETURNS, type ColumnDef } from '../../src/returns/definitions.js';
import { COMPARATORS_SCHEMA, PUBLISHED_FIGURES_SCHEMA, RETURN_SCHEMAS } from '../../src/returns/schemas.js';
import { looksLikePersonalData } from '../../src/load/read-csv.js';

const FILES: { name: string; columns: ColumnDef[]; schema: { safeParse(v: unknown): { success: boolean; error?: { issues: unknown[] } } } }[] = [
  ...RETURNS.map((r) => ({ name: r.file, columns: r.columns, schema: RETURN_SCHEMAS[r.id] })),
  { name: 'published-figures.csv', columns: PUBLISHED_FIGURES_COLUMNS, schema: PUBLISHED_FIGURES_SCHEMA },
  { name: 'comparators.csv', columns: COMPARATOR_COLUMNS, schema: COMPARATORS_SCHEMA },
];

describe.each(FILES.map((f) => [f.name, f] as const))('%s', (_name, { columns, schema }) => {
  it('has unique keys and headers (ignoring case and spaces)', () => {
    expect(new Set(columns.map((c) => c.key)).size).toBe(columns.length);
    expect(new Set(columns.map((c) => c.header.trim().toLowerCase())).size).toBe(columns.length);
  });

  it('accepts the row made of its documented examples', () => {
    const row = Object.fromEntries(columns.map((c) => [c.key, c.example]));
    const result = schema.safeParse(row);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('lists allowed values for every coded column, with unique codes', () => {
    for (const c of columns.filter((col) => col.type === 'enum')) {
      const codes = (c.values ?? []).map((v) => v.code);
      expect(codes.length, c.header).toBeGreaterThan(0);
      expect(new Set(codes).size, c.header).toBe(codes.length);
    }
  });
});

describe('personal-data headers', () => {
  it('no expected column of a case-level return looks like personal data', () => {
    for (const r of RETURNS.filter((def) => def.caseLevel)) {
      for (const c of r.columns) expect(looksLikePersonalData(c.header), `${r.file}: ${c.header}`).toBe(false);
    }
  });
});
