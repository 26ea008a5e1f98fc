/**
 * `init` makes a board every command works on (issue 14): `cover` works on it (a starter cover paper),
 * the year guide matches what the tool does (header-only returns are "not available"; every example row,
 * pasted into its return, is dated inside the chosen year), and board.yaml has no YAML trap (every
 * commented-out setting can be switched on by deleting its "# ").
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftExample } from '../../src/init/year-guide.js';
import { returnsFor } from '../../src/returns/definitions.js';
import { FINDING_CODES } from '../../src/validate/checks/finding-codes.js';

const RETURNS = returnsFor('board');
import { runCli } from '../cli/helpers.js';

/** A year far from the definitions' own examples, so a guide that kept them would be caught. */
const YEAR = '2016-17';
let root: string;
let board: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'lscb-newcomer-'));
  board = path.join(root, 'my-board');
  const r = await runCli(['init', board, '--year', YEAR, '--area', 'Kirklees']);
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface JsonFinding {
  code: string;
  severity: string;
  file: string;
}

async function validateJson(dir: string): Promise<JsonFinding[]> {
  const r = await runCli(['validate', YEAR, '--data', dir, '--format', 'json']);
  return (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
}

describe('init → cover', () => {
  it('writes a starter cover paper, and `cover` makes the paper from it (its placeholders as warnings)', async () => {
    expect(readFileSync(path.join(board, YEAR, 'cover-paper.yaml'), 'utf8')).toContain('Kirklees Safeguarding Children Board annual report 2016-17');
    const r = await runCli(['cover', YEAR, '--data', board, '--out', path.join(root, 'cover'), '--format', 'html']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('[cover-paper-placeholder]');
    expect(r.stdout).toMatch(/^Wrote kirklees-safeguarding-children-board-cover-paper-2016-17\.html/);
  });
});

describe('the year guide matches the tool', () => {
  let guide: string;
  beforeAll(() => {
    guide = readFileSync(path.join(board, YEAR, 'README.md'), 'utf8');
  });

  it('says a header-only return is "not available", never 0, and is consistent about the % sign', () => {
    expect(guide).toMatch(/header row only, or deleted, is shown in the report as \*\*not available\*\*, never as 0/);
    expect(guide).not.toMatch(/counts as none|\(0\)/);
    expect(guide).not.toContain('no % sign');
    expect(guide).toContain('a trailing % is accepted and ignored');
  });

  it('every example row, pasted under its header into an otherwise empty board, is dated inside the year', async () => {
    const examples = new Map<string, string>();
    for (const def of RETURNS) {
      const block = new RegExp(`### [^\\n]*\`${def.file.replace('.', '\\.')}\`[\\s\\S]*?\`\`\`csv\\n([^\\n]*)\\n([^\\n]*)\\n\`\`\``).exec(guide);
      expect(block, def.file).not.toBeNull();
      examples.set(def.file, block![2]!);
      const template = readFileSync(path.join(board, YEAR, def.file), 'utf8');
      writeFileSync(path.join(board, YEAR, def.file), `${template.replace(/\r?\n$/, '')}\r\n${block![2]}\r\n`);
    }
    try {
      const findings = await validateJson(board);
      const dateProblems = findings.filter((f) => /date|year/.test(f.code) && f.severity === 'error');
      expect(dateProblems).toEqual([]);
      // Not one example cell is refused: each row is a readable row of its return (rules across rows and
      // returns, such as totals, are another matter for one example row each).
      const cellKinds = new Set(FINDING_CODES.filter((c) => c.kind === 'cell' || c.kind === 'file').map((c) => c.code));
      expect(findings.filter((f) => f.severity === 'error' && cellKinds.has(f.code))).toEqual([]);
    } finally {
      for (const def of RETURNS) {
        const text = readFileSync(path.join(board, YEAR, def.file), 'utf8');
        writeFileSync(path.join(board, YEAR, def.file), text.replace(`${examples.get(def.file)}\r\n`, ''));
      }
    }
  });

  it('moves dates, UK dates and year labels by whole years', () => {
    expect(shiftExample('2012-06-30', 4)).toBe('2016-06-30');
    expect(shiftExample('30/06/2012', 4)).toBe('30/06/2016');
    expect(shiftExample('DfE Characteristics of children in need 2012-13', 4)).toBe('DfE Characteristics of children in need 2016-17');
    expect(shiftExample('2012-02-29', 1)).toBe('2013-02-28');
    expect(shiftExample('CP-0001', 4)).toBe('CP-0001');
  });
});

describe('board.yaml has no YAML trap', () => {
  it('every commented-out setting can be switched on by deleting its "# ", all at once, and still loads', async () => {
    const file = path.join(board, 'board.yaml');
    const original = readFileSync(file, 'utf8');
    // Lines that are commented-out settings, not prose: a key the schema knows, or an item of a list under one.
    const setting = /^(\s*)# ((?:shortName|publicMeasures|businessManager|contactEmail|website|subgroups|presentedDate|publishedDate|presentedTo|indicators|layout|appendixNumbering|paragraphNumbers|newPagePerSection|recommendationNumbering):.*|\s*- name:.*|\s+purpose:.*)$/;
    const switchedOn = original
      .split('\n')
      .map((line) => line.replace(setting, '$1$2'))
      .join('\n');
    const uncommented = original.split('\n').filter((l) => setting.test(l)).length;
    expect(uncommented).toBeGreaterThanOrEqual(16);
    writeFileSync(file, switchedOn);
    try {
      const findings = await validateJson(board);
      expect(findings.filter((f) => f.file === 'board.yaml' && f.severity === 'error')).toEqual([]);
      const yaml = readFileSync(file, 'utf8');
      expect(yaml).toMatch(/^ {2}subgroups:\n {4}- name: Audit and Quality Assurance sub-group$/m);
      expect(yaml).toMatch(new RegExp(`^ {4}"${YEAR}":\\n {6}presentedDate: `, 'm'));
    } finally {
      writeFileSync(file, original);
    }
  });

  it('a group of settings left with only comments under it (layout:, a year) is read as not set', async () => {
    const file = path.join(board, 'board.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/^# layout:$/m, 'layout:'));
    try {
      expect((await validateJson(board)).filter((f) => f.file === 'board.yaml' && f.severity === 'error')).toEqual([]);
    } finally {
      writeFileSync(file, original);
    }
  });
});
