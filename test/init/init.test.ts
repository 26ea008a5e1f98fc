import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { initCommand } from '../../src/cli/commands/init.js';
import type { CliIo } from '../../src/cli/io.js';
import { boardConfigSchema } from '../../src/config/board-config.js';
import { boardSections } from '../../src/config/sections.js';
import { lastCompletedYear } from '../../src/init/default-year.js';
import { placeholderLine } from '../../src/init/placeholders.js';
import { shiftExample } from '../../src/init/year-guide.js';
import { loadBoard } from '../../src/load/load-board.js';
import { readCsv } from '../../src/load/read-csv.js';
import { COMPARATOR_COLUMNS, OTHER_FILES, PUBLISHED_FIGURES_COLUMNS, returnsFor } from '../../src/returns/definitions.js';
import { recommendationsSchema } from '../../src/returns/schemas.js';
import { runCli } from '../cli/helpers.js';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'lscb-init-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Every file `init` writes for `year`, relative to the board folder. */
function expectedFiles(year: string): string[] {
  return [
    OTHER_FILES.boardConfig,
    OTHER_FILES.publishedFigures,
    OTHER_FILES.comparators,
    `${year}/README.md`,
    ...returnsFor('board').map((d) => `${year}/${d.file}`),
    `${year}/${OTHER_FILES.recommendations}`,
    `${year}/cover-paper.yaml`,
    ...boardSections().map((s) => `${year}/${OTHER_FILES.narrativeDir}/${s.id}.md`),
  ];
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

/** The header row of a CSV template, as a list (the templates' headers hold no commas or quotes). */
function headerOf(text: string): string[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines.slice(1)).toEqual(['']);
  return lines[0]!.split(',');
}

/** Every key path the zod schema allows (object keys, through defaults, optionals, records, arrays and unions). */
function schemaKeys(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, child]) => [key, ...schemaKeys(child)]);
  }
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) return schemaKeys(schema.unwrap() as z.ZodType);
  // z.preprocess (a group read as unset when left empty) is a pipe into the schema that matters.
  if (schema instanceof z.ZodPipe) return schemaKeys(schema.out as z.ZodType);
  if (schema instanceof z.ZodRecord) return schemaKeys(schema.valueType as z.ZodType);
  if (schema instanceof z.ZodArray) return schemaKeys(schema.element as z.ZodType);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap(schemaKeys);
  return [];
}

describe('lscb-report init', () => {
  it('creates every file of a new board folder and lists them', async () => {
    const dir = path.join(work, 'kirklees');
    const r = await runCli(['init', dir, '--year', '2013-14', '--area', 'Kirklees'], { cwd: work });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const files = expectedFiles('2013-14');
    expect(await listFiles(dir)).toEqual([...files].sort());
    for (const f of files) expect(r.stdout).toContain(`  + ${f}\n`);
    expect(r.stdout).toContain('Created 37 files in kirklees for 2013-14:');
    expect(r.stdout).toContain('lscb-report validate 2013-14 --data kirklees');
  });

  it('writes a board.yaml that the schema accepts and loadBoard loads without errors', async () => {
    const dir = path.join(work, 'board');
    expect((await runCli(['init', dir, '--year', '2013-14', '--board-name', 'Kirklees Safeguarding Children Board', '--area', 'Kirklees'])).code).toBe(0);
    const text = await readFile(path.join(dir, 'board.yaml'), 'utf8');
    const config = boardConfigSchema.parse(parse(text));
    expect(config.board).toMatchObject({ name: 'Kirklees Safeguarding Children Board', area: 'Kirklees', chairTitle: 'Independent Chair', subgroups: [] });
    expect(config.publication).toEqual({ language: 'en-GB', years: { '2013-14': {} } });
    expect(config.disclosure).toEqual({ suppress: true, threshold: 5, publicMeasures: [] });
    expect(config.template).toBe('default');
    // Every known section, in the default order.
    expect(config.sections).toEqual(boardSections().map((s) => s.id));

    const board = await loadBoard(dir);
    expect(board.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(board.years).toEqual(['2013-14']);
    expect(board.sections.map((s) => s.id)).toEqual(boardSections().map((s) => s.id));
  });

  it('explains every setting of the schema, and every section with its guidance, in comments', async () => {
    const dir = path.join(work, 'board');
    expect((await runCli(['init', dir, '--year', '2013-14'])).code).toBe(0);
    const text = await readFile(path.join(dir, 'board.yaml'), 'utf8');
    for (const key of new Set(schemaKeys(boardConfigSchema))) {
      expect(text, `board.yaml mentions ${key}`).toMatch(new RegExp(`^\\s*(# )?\\s*(- )?${key}:`, 'm'));
    }
    // Comments are wrapped: compare with the comment text joined back into one line.
    const comments = text
      .split('\n')
      .filter((l) => /^\s*#/.test(l))
      .map((l) => l.replace(/^\s*#\s?/, ''))
      .join(' ');
    for (const s of boardSections()) expect(comments).toContain(`${s.title}${s.appendix ? ' (appendix)' : ''}: ${s.guidance}`);
    expect(comments).toContain('[c]');
    // Without --board-name or --area the values to supply are marked.
    const config = boardConfigSchema.parse(parse(text));
    expect(config.board.name).toMatch(/^To write:/);
    expect(config.board.area).toMatch(/^To write:/);
    expect(config.board.chair).toMatch(/^To write:/);
  });

  it('writes header-only return templates whose headers are the definitions\' headers', async () => {
    const dir = path.join(work, 'board');
    expect((await runCli(['init', dir, '--year', '2013-14'])).code).toBe(0);
    for (const def of returnsFor('board')) {
      const bytes = await readFile(path.join(dir, '2013-14', def.file));
      expect(headerOf(bytes.toString('utf8')), def.file).toEqual(def.columns.map((c) => c.header));
      const { table, findings } = readCsv(bytes, def.file, def.columns);
      expect(findings).toEqual([]);
      expect(table?.rows).toEqual([]);
    }
    expect(headerOf(await readFile(path.join(dir, OTHER_FILES.publishedFigures), 'utf8'))).toEqual(PUBLISHED_FIGURES_COLUMNS.map((c) => c.header));
    expect(headerOf(await readFile(path.join(dir, OTHER_FILES.comparators), 'utf8'))).toEqual(COMPARATOR_COLUMNS.map((c) => c.header));
  });

  it('writes a guide to every return: its columns, allowed values and one example row', async () => {
    const dir = path.join(work, 'board');
    expect((await runCli(['init', dir, '--year', '2013-14'])).code).toBe(0);
    const guide = await readFile(path.join(dir, '2013-14', 'README.md'), 'utf8');
    for (const def of returnsFor('board')) {
      expect(guide).toContain(`### ${def.title}: \`${def.file}\``);
      for (const col of def.columns) {
        expect(guide).toContain(`| ${col.header} | ${col.required ? 'yes' : 'no'} |`);
        for (const v of col.values ?? []) if (col.type === 'enum') expect(guide).toContain(`- \`${v.code}\`: ${v.label}`);
      }
      const header = def.columns.map((c) => c.header).join(',');
      // The definitions' examples are for 2012-13: the 2013-14 guide shows them a year on (test/init/newcomer.test.ts).
      const example = def.columns
        .map((c) => shiftExample(c.example, 1))
        .map((e) => (/[",]/.test(e) ? `"${e.replace(/"/g, '""')}"` : e))
        .join(',');
      expect(guide).toContain(`\`\`\`csv\n${header}\n${example}\n\`\`\``);
    }
  });

  it('parses the recommendations file, and writes a placeholder narrative per section saying what guidance expects', async () => {
    const dir = path.join(work, 'board');
    expect((await runCli(['init', dir, '--year', '2013-14'])).code).toBe(0);
    const recs = recommendationsSchema.parse(parse(await readFile(path.join(dir, '2013-14', 'recommendations.yaml'), 'utf8')));
    expect(recs.objectives[0]!.title).toMatch(/^To write:/);
    for (const s of boardSections()) {
      const text = await readFile(path.join(dir, '2013-14', 'narrative', `${s.id}.md`), 'utf8');
      expect(placeholderLine(text)).toBe(1);
      expect(text).toContain(`> **To write:** ${s.guidance}`);
      expect(text).not.toContain('{{');
    }
  });

  it('refuses a folder that is not empty, writing nothing, with exit code 2', async () => {
    const dir = path.join(work, 'busy');
    await mkdir(dir);
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    const r = await runCli(['init', dir, '--year', '2013-14']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not empty, so nothing was written');
    expect(r.stderr).toContain('--force');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(dir)).toEqual(['notes.txt']);
  });

  it('with --force adds only the missing files and never overwrites one', async () => {
    const dir = path.join(work, 'board');
    expect((await runCli(['init', dir, '--year', '2013-14'])).code).toBe(0);
    await writeFile(path.join(dir, 'board.yaml'), 'edited by the business manager\n');
    await writeFile(path.join(dir, '2013-14', 'finance.csv'), 'Type,Heading,Partner,Amount\nincome,Police,Police,1000\n');
    await rm(path.join(dir, '2013-14', 'context.csv'));
    await rm(path.join(dir, '2013-14', 'narrative', 'foreword.md'));

    const r = await runCli(['init', dir, '--year', '2013-14', '--force'], { cwd: work });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Added 2 files in board for 2013-14:\n  + 2013-14/context.csv\n  + 2013-14/narrative/foreword.md\n');
    expect(r.stdout).toContain('Kept 35 files that already existed, unchanged:');
    expect(r.stdout).toContain('  = board.yaml\n');
    expect(await readFile(path.join(dir, 'board.yaml'), 'utf8')).toBe('edited by the business manager\n');
    expect(await readFile(path.join(dir, '2013-14', 'finance.csv'), 'utf8')).toContain('income,Police');
    expect((await stat(path.join(dir, '2013-14', 'context.csv'))).isFile()).toBe(true);

    const again = await runCli(['init', dir, '--year', '2013-14', '--force'], { cwd: work });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing to add');
  });

  it('with --force adds a new year folder to an existing board', async () => {
    const dir = path.join(work, 'board');
    expect((await runCli(['init', dir, '--year', '2013-14'])).code).toBe(0);
    const r = await runCli(['init', dir, '--year', '2014-15', '--force']);
    expect(r.code).toBe(0);
    expect((await loadBoard(dir)).years).toEqual(['2013-14', '2014-15']);
  });

  it('exits 2 on a year that is not a financial year, and on a path that is a file', async () => {
    const bad = await runCli(['init', path.join(work, 'b'), '--year', '2013-15']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a financial year');
    await writeFile(path.join(work, 'file'), 'x');
    for (const target of [path.join(work, 'file'), path.join(work, 'file', 'inside')]) {
      const r = await runCli(['init', target]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('not a folder');
    }
  });

  it('exits 5 when a file cannot be written, naming it', async () => {
    const dir = path.join(work, 'board');
    await mkdir(dir);
    // A file where the year folder must go.
    await writeFile(path.join(dir, '2013-14'), 'in the way');
    const r = await runCli(['init', dir, '--year', '2013-14', '--force']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('Could not write 2013-14/README.md');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the default year', () => {
  it('is the last financial year that has ended', () => {
    expect(lastCompletedYear(new Date(2014, 4, 10))).toBe('2013-14');
    expect(lastCompletedYear(new Date(2014, 3, 1))).toBe('2013-14');
    expect(lastCompletedYear(new Date(2015, 1, 28))).toBe('2013-14');
    expect(lastCompletedYear(new Date(2014, 2, 31))).toBe('2012-13');
    expect(lastCompletedYear(new Date(2000, 0, 1))).toBe('1998-99');
  });

  it('is used when --year is not given', async () => {
    let stdout = '';
    const io: CliIo = { stdout: (t) => (stdout += t), stderr: () => undefined, env: {}, cwd: work, stdoutIsTTY: false };
    expect(await initCommand('b', {}, io, new Date(2014, 6, 1))).toBe(0);
    expect(stdout).toContain('for 2013-14:');
    expect((await stat(path.join(work, 'b', '2013-14', 'README.md'))).isFile()).toBe(true);
  });
});
