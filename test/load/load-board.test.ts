/** Loading a board folder: YAML problems with their lines, one finding per missing column, aggregates letters. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBoard, loadYear, parseRows } from '../../src/load/load-board.js';
import { readCsv } from '../../src/load/read-csv.js';
import { returnDef } from '../../src/returns/definitions.js';
import { RETURN_SCHEMAS } from '../../src/returns/schemas.js';
import type { Finding } from '../../src/validate/findings.js';

const root = mkdtempSync(path.join(tmpdir(), 'lscb-load-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
/** Write a board folder from a map of relative path → text, and return its path. */
function board(files: Record<string, string>): string {
  const dir = path.join(root, `board-${++n}`);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const BOARD_YAML = 'board:\n  name: Test Board\n  area: Test\n  chair: A Chair\nsections:\n  - training\n';
const where = (fs: Finding[]) => fs.map((f) => [f.code, f.file, f.row ?? null, f.column ?? null]);

describe('board.yaml findings point at the line', () => {
  it.each([
    ['an unknown setting, at its own line', 'board:\n  name: B\n  area: A\n  chair: C\n  colour: red\nsections: [training]\n', ['config-invalid', 'board.yaml', 5, 'board.colour']],
    ['an unknown top-level setting', 'board:\n  name: B\n  area: A\n  chair: C\nsections: [training]\nsection: [foreword]\n', ['config-invalid', 'board.yaml', 6, 'section']],
    ['a missing setting, at the key of its group', '# comment\n\nboard:\n  area: A\n  chair: C\nsections: [training]\n', ['config-invalid', 'board.yaml', 3, 'board.name']],
    ['a wrong value, at the value', 'board:\n  name: B\n  area: A\n  chair: C\nsections: [training]\ndisclosure:\n  threshold: many\n', ['config-invalid', 'board.yaml', 7, 'disclosure.threshold']],
    ['a missing nested setting in a list', 'board:\n  name: B\n  area: A\n  chair: C\n  subgroups:\n    - purpose: P\nsections: [training]\n', ['config-invalid', 'board.yaml', 6, 'board.subgroups.0.name']],
    ['a syntax error, once', 'board:\n  name: B\n   area: A\n  chair: [C\nsections: [training]\n', ['yaml-syntax', 'board.yaml', 2, null]],
  ])('%s', async (_what, yaml, expected) => {
    const b = await loadBoard(board({ 'board.yaml': yaml }));
    expect(where(b.findings)).toEqual([expected]);
    expect(b.config).toBeNull();
  });

  it('reports a missing board.yaml and falls back to every known section', async () => {
    const b = await loadBoard(board({ '2012-13/narrative/training.md': 'Text.\n' }));
    expect(where(b.findings)).toEqual([['board-config-missing', 'board.yaml', null, null]]);
    expect(b.sections.length).toBeGreaterThan(10);
  });

  it('does not warn about narrative for sections it cannot know when board.yaml is unreadable', async () => {
    const dir = board({ 'board.yaml': 'board: [', '2012-13/narrative/training.md': 'Text.\n' });
    const y = await loadYear(await loadBoard(dir), '2012-13');
    expect(y.findings.filter((f) => f.code.startsWith('narrative-'))).toEqual([]);
  });
});

describe('year returns', () => {
  it('warns about each missing return, naming the configured sections it feeds', async () => {
    const y = await loadYear(await loadBoard(board({ 'board.yaml': BOARD_YAML, '2012-13/narrative/training.md': 'T.\n' })), '2012-13');
    const training = y.findings.find((f) => f.file === '2012-13/training-events.csv');
    expect(training?.code).toBe('return-missing');
    expect(training?.hint).toContain('Training provision');
    expect(y.findings.find((f) => f.file === '2012-13/finance.csv')?.hint).toBe('No configured report section uses it.');
  });

  it('records column letters for the year files and the aggregates', async () => {
    const dir = board({
      'board.yaml': BOARD_YAML,
      '2012-13/elearning-completions.csv': 'Completions,Course\n1,A\n',
      'aggregates/published-figures.csv': 'Source,Year,Indicator,Value\nX,2011/12,lado.referrals,4\n',
    });
    const b = await loadBoard(dir);
    expect(where(b.findings)).toEqual([['year-invalid', 'aggregates/published-figures.csv', 2, 'Year']]);
    expect(b.findings[0]?.columnLetter).toBe('B');
    const y = await loadYear(b, '2012-13');
    expect(y.columnLetters.get('2012-13/elearning-completions.csv')?.get('Course')).toBe('B');
    expect(y.columnLetters.get('aggregates/published-figures.csv')?.get('Indicator')).toBe('C');
  });

  it('checks the Year of comparators too', async () => {
    const b = await loadBoard(
      board({ 'board.yaml': BOARD_YAML, 'aggregates/comparators.csv': 'Year,Indicator,Comparator,Value,Source\n2012,cp.rate_per_10k,england,37.9,DfE\n' }),
    );
    expect(where(b.findings)).toEqual([['year-invalid', 'aggregates/comparators.csv', 2, 'Year']]);
  });
});

describe('parseRows', () => {
  const def = returnDef('cpPlans');

  it('maps each bad cell to a finding with the column header and letter, keeping good rows', () => {
    const text = 'Plan ref,Child ref,Plan start,Plan end,Category,Previous plan,Reviews due,Reviews on time\nCP-1,C-1,2012-05-01,,neglect,no,1,1\nCP-2,C-2,2012-13-01,,neglet,no,1,1\n';
    const { table } = readCsv(Buffer.from(text), 'f.csv', def.columns);
    const findings: Finding[] = [];
    const rows = parseRows(table!.rows, RETURN_SCHEMAS.cpPlans, def.columns, table!.columnIndex, 'f.csv', findings);
    expect(rows.map((r) => r.planRef)).toEqual(['CP-1']);
    expect(findings.map((f) => [f.code, f.row, f.column, f.columnLetter, f.value])).toEqual([
      ['date-impossible', 3, 'Plan start', 'C', '2012-13-01'],
      ['value-not-allowed', 3, 'Category', 'E', 'neglet'],
    ]);
    expect(findings.every((f) => !/Invalid input|ZodError/.test(f.message))).toBe(true);
  });

  it('gives no per-row finding for a required column missing from the file', () => {
    const text = 'Plan ref,Child ref,Plan start,Plan end,Previous plan,Reviews due,Reviews on time\nCP-1,C-1,2012-05-01,,no,1,1\nCP-2,C-2,2012-05-01,,no,1,1\n';
    const { table, findings: header } = readCsv(Buffer.from(text), 'f.csv', def.columns);
    const findings: Finding[] = [];
    parseRows(table!.rows, RETURN_SCHEMAS.cpPlans, def.columns, table!.columnIndex, 'f.csv', findings);
    expect(header.map((f) => [f.code, f.column])).toEqual([['missing-column', 'Category']]);
    expect(findings).toEqual([]);
  });
});

describe('board.yaml website', () => {
  it('refuses a javascript: address with a finding on its line', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
    const os = await import('node:os');
    const pathMod = await import('node:path');
    const { loadBoard } = await import('../../src/load/load-board.js');
    const dir = mkdtempSync(pathMod.join(os.tmpdir(), 'lscb-website-'));
    mkdirSync(pathMod.join(dir, '2012-13'));
    writeFileSync(pathMod.join(dir, 'board.yaml'), 'board:\n  name: B\n  area: A\n  chair: C\n  website: "javascript:alert(1)"\nsections:\n  - foreword\n');
    const board = await loadBoard(dir);
    expect(board.config).toBeNull();
    expect(board.findings.map((f) => [f.code, f.row, f.column])).toContainEqual(['config-invalid', 5, 'board.website']);
  });
});
