/**
 * Load stage: read a board data folder (configuration, aggregates) and one year's returns into typed rows,
 * collecting findings instead of throwing. Nothing here decides whether the data is good enough to publish.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { narrativeLimitFinding } from './narrative-limits.js';
import { BOARD_FIGURES_FILE, boardFiguresSchema, type BoardFigures } from '../report/figure-declarations.js';
import { loadFrontBackMatter, type FrontBackMatter } from './front-back-matter.js';
import { YAML_ALIAS_HINT, yamlValue } from './yaml-value.js';
import { outsideBoardFinding, readBoardDir, readBoardFile, resolveInsideBoard } from '../io/board-path.js';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { ZodType } from 'zod';
import { boardConfigSchema, type BoardConfig, type ConfiguredSection } from '../config/board-config.js';
import { KNOWN_SECTIONS, knownSection, resolveSections, sectionStructureProblems } from '../config/sections.js';
import {
  COMPARATOR_COLUMNS,
  OTHER_FILES,
  PUBLISHED_FIGURES_COLUMNS,
  RETURNS,
  alternativesOf,
  type ColumnDef,
  type ReturnId,
} from '../returns/definitions.js';
import {
  COMPARATORS_SCHEMA,
  PUBLISHED_FIGURES_SCHEMA,
  RETURN_SCHEMAS,
  recommendationsSchema,
  type CellIssueParams,
  type ComparatorRow,
  type PublishedFigureRow,
  type Recommendations,
  type RowTypes,
} from '../returns/schemas.js';
import { collectedReturns, notCollectedReturns } from '../returns/collection.js';
import { parseYear, type FinancialYear } from '../returns/year.js';
import { columnLetter, type Finding } from '../findings.js';
import { decodeUtf8, scanCsv, type RowSink } from './read-csv.js';
import { REFUSED, rowBuilder, valueDecimalsOf } from './typed-rows.js';
import {
  BOARD_INDICATORS_FILE,
  boardIndicatorsSchema,
  resolveBoardIndicators,
  type BoardFormula,
  type DeclaredComparator,
} from '../indicators/board-indicators.js';
import type { IndicatorDef } from '../indicators/types.js';

/** A parsed row with the spreadsheet row it came from. */
export type WithRow<T> = T & { row: number };

/** The board folder: configuration, which years it holds, and figures supplied as aggregates. */
export interface BoardData {
  dir: string;
  config: BoardConfig | null;
  /** Sections in report order with their titles. */
  sections: ConfiguredSection[];
  /** Year folders present, oldest first. */
  years: string[];
  publishedFigures: WithRow<PublishedFigureRow>[];
  comparators: WithRow<ComparatorRow>[];
  /** For each aggregates file read: column header → the spreadsheet letter it had in that file. */
  columnLetters?: Map<string, Map<string, string>>;
  /** The board's own indicators, declared in indicators.yaml (none when there is no such file). */
  ownIndicators?: IndicatorDef[];
  /** How each of the board's own indicators with a formula is computed, by id. */
  formulas?: Map<string, BoardFormula>;
  /** Comparators declared with the board's own indicators in indicators.yaml. */
  declaredComparators?: DeclaredComparator[];
  /** The board's own tables and charts, declared in tables.yaml (absent when there is no such file). */
  figures?: BoardFigures;
  /** The logo and inside cover board.yaml names, read from the board folder. */
  matter?: FrontBackMatter;
  findings: Finding[];
}

/** One year's returns. A return that is absent is `undefined`; one that failed to parse is `null`. */
export interface YearData {
  year: FinancialYear;
  returns: { [K in ReturnId]?: WithRow<RowTypes[K]>[] | null };
  recommendations: Recommendations | null | undefined;
  /** Narrative Markdown by section id. */
  narrative: Map<string, string>;
  /** For each file read (the year's returns and the board's aggregates): column header → its spreadsheet letter. */
  columnLetters: Map<string, Map<string, string>>;
  findings: Finding[];
}

async function anyExists(paths: readonly string[]): Promise<boolean> {
  for (const p of paths) if (await exists(p)) return true;
  return false;
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

export { valueDecimalsOf };

/** Findings for one row the row schema refuses: one per cell it could not read. */
function rowFindings(
  cells: Record<string, string | undefined>,
  row: number,
  issues: readonly { path: PropertyKey[]; message: string }[],
  columns: ColumnDef[],
  columnIndex: Map<string, number>,
  file: string,
  findings: Finding[],
): void {
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    const col = columns.find((c) => c.key === key);
    const idx = columnIndex.get(key);
    // A required column missing from the file is one finding on the header (missing-column), not one per row.
    if (idx === undefined && col?.required) continue;
    const params = ((issue as { params?: CellIssueParams }).params ?? { findingCode: 'invalid-value' }) as CellIssueParams;
    findings.push({
      code: params.findingCode,
      severity: 'error',
      file,
      row,
      column: col?.header ?? key,
      columnLetter: idx === undefined ? undefined : columnLetter(idx),
      value: (cells[key] ?? '').trim(),
      message: issue.message,
      hint: params.hint,
    });
  }
}

/** A row as the row schema sees it: its cells keyed by column. */
function cellsOf(record: readonly string[], columnIndex: Map<string, number>): Record<string, string | undefined> {
  const cells: Record<string, string | undefined> = {};
  for (const [key, idx] of columnIndex) cells[key] = record[idx];
  return cells;
}

/** The typed row the row schema gives, with the spreadsheet row and how a supplied figure was written. */
function schemaRow<T>(data: T, cells: Record<string, string | undefined>, row: number): WithRow<T> {
  // A supplied figure keeps the precision it was written with ("38" is 38%, "319.0" is 319.0).
  const written = valueDecimalsOf(cells.value);
  // Whether the figure was written as a percentage ("339%"), so a count written that way can be refused.
  const asPercent = /%\s*$/.test(cells.value ?? '');
  return { ...data, ...(written === undefined ? {} : { valueDecimals: written }), ...(asPercent ? { valueWrittenAsPercent: true } : {}), row };
}

/**
 * Parse rows of a CSV table with the zod row schema alone, mapping issues to findings. This is the
 * reference the loader's fast path (typed-rows.ts) is held to; the loader itself runs the schema only on
 * the rows the fast path refuses.
 */
export function parseRows<T>(
  raw: { row: number; cells: Record<string, string | undefined> }[],
  schema: ZodType<T, Record<string, string | undefined>>,
  columns: ColumnDef[],
  columnIndex: Map<string, number>,
  file: string,
  findings: Finding[],
): WithRow<T>[] {
  const out: WithRow<T>[] = [];
  for (const r of raw) {
    const result = schema.safeParse(r.cells);
    if (result.success) out.push(schemaRow(result.data, r.cells, r.row));
    else rowFindings(r.cells, r.row, result.error.issues, columns, columnIndex, file, findings);
  }
  return out;
}

/** Typed rows built by the fast path, with the schema's findings for the rows it refuses. */
function typedRowSink<T>(
  columns: ColumnDef[],
  schema: ZodType<T, Record<string, string | undefined>>,
  columnIndex: Map<string, number>,
  file: string,
  rows: WithRow<T>[],
  findings: Finding[],
): RowSink {
  const build = rowBuilder(columns, columnIndex);
  return (record, row) => {
    const typed = build(record, row);
    if (typed !== REFUSED) {
      rows.push(typed as WithRow<T>);
      return;
    }
    const cells = cellsOf(record, columnIndex);
    const result = schema.safeParse(cells);
    if (result.success) rows.push(schemaRow(result.data, cells, row));
    else rowFindings(cells, row, result.error.issues, columns, columnIndex, file, findings);
  };
}

/** Read and parse a CSV file against columns and a row schema, in one pass; returns null when the file is unreadable. */
async function loadCsv<T>(
  absPath: string,
  relPath: string,
  columns: ColumnDef[],
  schema: ZodType<T, Record<string, string | undefined>>,
  findings: Finding[],
  letters?: Map<string, Map<string, string>>,
): Promise<WithRow<T>[] | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readBoardFile(absPath, relPath);
  } catch (error) {
    findings.push(outsideBoardFinding(error, relPath) ?? {
      code: 'file-unreadable',
      severity: 'error',
      file: relPath,
      message: `The file could not be opened (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      hint: 'Check that it is a file, not a folder, and that you have permission to read it.',
    });
    return null;
  }
  const rows: WithRow<T>[] = [];
  const cellFindings: Finding[] = [];
  const { header, findings: fileFindings } = scanCsv(bytes, relPath, columns, ({ columnIndex }) =>
    typedRowSink(columns, schema, columnIndex, relPath, rows, cellFindings),
  );
  findings.push(...fileFindings);
  // A file that is not CSV after all (found further down) gives that one finding, and no rows.
  if (!header) return null;
  if (letters) {
    const m = new Map<string, string>();
    for (const col of columns) {
      const idx = header.columnIndex.get(col.key);
      if (idx !== undefined) m.set(col.header, columnLetter(idx));
    }
    letters.set(relPath, m);
  }
  for (const f of cellFindings) findings.push(f);
  return rows;
}

/** Read a YAML file and check it with a schema; findings carry the line of each problem. */
async function loadYaml<T>(
  absPath: string,
  relPath: string,
  schema: ZodType<T>,
  findings: Finding[],
): Promise<T | null> {
  let text: string;
  try {
    text = (await readBoardFile(absPath, relPath)).toString('utf8');
  } catch (error) {
    findings.push(outsideBoardFinding(error, relPath) ?? { code: 'file-unreadable', severity: 'error', file: relPath, message: 'The file could not be opened.' });
    return null;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    // Later syntax errors are nearly always knock-on effects of the first: report that one clearly.
    for (const err of doc.errors.slice(0, 1)) {
      findings.push({
        code: 'yaml-syntax',
        severity: 'error',
        file: relPath,
        row: err.linePos?.[0]?.line ?? lineCounter.linePos(err.pos[0]).line,
        message: `The file is not valid YAML: ${err.message.split('\n')[0]}`,
        hint: 'Check indentation (spaces, not tabs) and that text containing a colon is in quotes.',
      });
    }
    return null;
  }
  const converted = yamlValue(doc);
  if (!converted.ok) {
    findings.push({ code: 'yaml-syntax', severity: 'error', file: relPath, message: `The file is not valid YAML: ${converted.reason}`, hint: YAML_ALIAS_HINT });
    return null;
  }
  const value = converted.value;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const issuePath = issue.path as (string | number)[];
    const unknownKey = issue.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys?.[0] : undefined;
    const line = yamlLine(doc, lineCounter, issuePath, unknownKey);
    const keyPath = [...issuePath, ...(unknownKey === undefined ? [] : [unknownKey])].join('.');
    findings.push({
      code: 'config-invalid',
      severity: 'error',
      file: relPath,
      row: line,
      column: keyPath || undefined,
      message: describeYamlIssue(issue.code, keyPath, issue.message),
      hint: 'docs/data-folder.md lists every setting this file may contain.',
    });
  }
  return null;
}

interface YamlNodeLike {
  range?: [number, number, number];
  items?: { key?: unknown; value?: unknown }[];
}

/**
 * The line of a YAML problem: the unknown key itself, the value at the path, or (for a missing key) the
 * nearest enclosing key that exists.
 */
function yamlLine(
  doc: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  issuePath: (string | number)[],
  unknownKey: string | undefined,
): number | undefined {
  const lineOf = (node: unknown) => {
    const range = (node as YamlNodeLike | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  const nodeAt = (depth: number) => (depth === 0 ? doc.contents : doc.getIn(issuePath.slice(0, depth), true)) as YamlNodeLike | undefined;
  const keyIn = (map: YamlNodeLike | undefined, key: unknown) =>
    map?.items?.find((p) => (p.key as { value?: unknown } | undefined)?.value === key)?.key;
  // The deepest part of the path that exists in the file.
  let depth = issuePath.length;
  while (depth > 0 && !nodeAt(depth)) depth--;
  if (depth === issuePath.length && unknownKey !== undefined) {
    const line = lineOf(keyIn(nodeAt(depth), unknownKey));
    if (line !== undefined) return line;
  }
  if (depth < issuePath.length && depth > 0) {
    // A missing key: point at the key of the mapping it is missing from.
    const line = lineOf(keyIn(nodeAt(depth - 1), issuePath[depth - 1]));
    if (line !== undefined) return line;
  }
  return lineOf(nodeAt(depth)) ?? (depth === 0 ? 1 : undefined);
}

function describeYamlIssue(code: string, keyPath: string, message: string): string {
  const where = keyPath ? `"${keyPath}"` : 'The file';
  if (code === 'unrecognized_keys') return `${where}: ${message.replace(/^Unrecognized key/, 'unknown setting')}.`;
  if (code === 'invalid_type' && /received undefined/.test(message)) return `${where} is required but missing.`;
  return `${where}: ${message}.`;
}

/** A lookup of the line a YAML value starts on, by path (for findings about a file already checked). */
async function yamlLines(absPath: string): Promise<(keyPath: (string | number)[]) => number | undefined> {
  const text = await readFile(absPath, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false });
  return (keyPath) => {
    const node = doc.getIn(keyPath, true) as YamlNodeLike | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };
}

/** The sections a board's configuration asks for, with titles, numbering and appendix resolved. */
export function configuredSections(config: BoardConfig | null): ConfiguredSection[] {
  if (!config) return resolveSections(KNOWN_SECTIONS.map((s) => s.id));
  return resolveSections(config.sections);
}

/** Load the board folder: `board.yaml`, the year folders present and the aggregates. */
export async function loadBoard(dir: string): Promise<BoardData> {
  const findings: Finding[] = [];
  const configPath = path.join(dir, OTHER_FILES.boardConfig);
  let config: BoardConfig | null = null;
  if (await exists(configPath)) {
    config = await loadYaml(configPath, OTHER_FILES.boardConfig, boardConfigSchema, findings);
    if (config) {
      const lines = await yamlLines(configPath);
      for (const p of sectionStructureProblems(config.sections)) {
        findings.push({
          code: p.code,
          severity: p.code === 'unknown-section' ? 'warning' : 'error',
          file: OTHER_FILES.boardConfig,
          row: lines(['sections', p.index]),
          column: `sections.${p.index}`,
          value: p.id,
          message: p.message,
          hint: p.hint,
        });
      }
    }
  } else {
    findings.push({
      code: 'board-config-missing',
      severity: 'error',
      file: OTHER_FILES.boardConfig,
      message: 'The board configuration file board.yaml is missing.',
      hint: 'Create it with `lscb-report init`, or copy the one in data-samples/calderdale.',
    });
  }

  const entries = await readdir(dir, { withFileTypes: true });
  const years: string[] = [];
  for (const e of entries) {
    if (!parseYear(e.name)) continue;
    if (e.isDirectory()) years.push(e.name);
    else if (e.isSymbolicLink()) {
      // A linked year folder is read when the link stays inside the board; one leading out is refused, saying so.
      try {
        const real = await resolveInsideBoard(dir, e.name);
        if ((await stat(real)).isDirectory()) years.push(e.name);
      } catch (error) {
        const outside = outsideBoardFinding(error, e.name);
        if (outside) findings.push({ ...outside, message: `The year folder "${e.name}" is a link to a place outside the board folder, so it was not read.` });
      }
    }
  }
  years.sort();

  const columnLetters = new Map<string, Map<string, string>>();
  const publishedFigures =
    (await exists(path.join(dir, OTHER_FILES.publishedFigures)))
      ? ((await loadCsv(path.join(dir, OTHER_FILES.publishedFigures), OTHER_FILES.publishedFigures, PUBLISHED_FIGURES_COLUMNS, PUBLISHED_FIGURES_SCHEMA, findings, columnLetters)) ?? [])
      : [];
  const comparators =
    (await exists(path.join(dir, OTHER_FILES.comparators)))
      ? ((await loadCsv(path.join(dir, OTHER_FILES.comparators), OTHER_FILES.comparators, COMPARATOR_COLUMNS, COMPARATORS_SCHEMA, findings, columnLetters)) ?? [])
      : [];
  const yearColumns: [string, { year: string; row: number }[]][] = [
    [OTHER_FILES.publishedFigures, publishedFigures],
    [OTHER_FILES.comparators, comparators],
  ];
  for (const [file, rows] of yearColumns) {
    for (const f of rows) {
      if (parseYear(f.year)) continue;
      findings.push({
        code: 'year-invalid',
        severity: 'error',
        file,
        row: f.row,
        column: 'Year',
        columnLetter: columnLetters.get(file)?.get('Year'),
        value: f.year,
        message: `"${f.year}" is not a financial year.`,
        hint: 'Write years like 2011-12 (April 2011 to March 2012).',
      });
    }
  }

  // The board's own indicators, beside board.yaml.
  let own: { defs: IndicatorDef[]; formulas: Map<string, BoardFormula>; comparators: DeclaredComparator[] } = { defs: [], formulas: new Map(), comparators: [] };
  const indicatorsPath = path.join(dir, BOARD_INDICATORS_FILE);
  if (await exists(indicatorsPath)) {
    const declared = await loadYaml(indicatorsPath, BOARD_INDICATORS_FILE, boardIndicatorsSchema, findings);
    if (declared) {
      const resolved = resolveBoardIndicators(declared.indicators, await yamlLines(indicatorsPath));
      findings.push(...resolved.findings);
      own = resolved;
    }
  }

  // The logo and inside cover board.yaml names, read once (a missing or unusable file is a finding).
  let matter: FrontBackMatter | undefined;
  if (config && (config.logo || config.insideCover)) {
    const loaded = await loadFrontBackMatter(dir, config, await yamlLines(configPath));
    matter = loaded.matter;
    findings.push(...loaded.findings);
  }

  // The board's own tables and charts, beside board.yaml (checked against the indicators by validate).
  let figures: BoardFigures | undefined;
  const figuresPath = path.join(dir, BOARD_FIGURES_FILE);
  if (await exists(figuresPath)) {
    const declared = await loadYaml(figuresPath, BOARD_FIGURES_FILE, boardFiguresSchema, findings);
    if (declared) figures = { tables: declared.tables, charts: declared.charts, comparators: declared.comparators, lineOf: await yamlLines(figuresPath) };
  }

  return {
    dir,
    config,
    sections: configuredSections(config),
    years,
    publishedFigures,
    comparators,
    columnLetters,
    ownIndicators: own.defs,
    formulas: own.formulas,
    declaredComparators: own.comparators,
    ...(figures ? { figures } : {}),
    ...(matter ? { matter } : {}),
    findings,
  };
}

/** Load one year's returns, recommendations and narrative from `<board>/<year>/`. */
export async function loadYear(board: BoardData, yearLabel: string): Promise<YearData> {
  const year = parseYear(yearLabel);
  if (!year) throw new Error(`not a financial year: ${yearLabel}`);
  const findings: Finding[] = [];
  const yearDir = path.join(board.dir, yearLabel);
  const returns: YearData['returns'] = {};
  const columnLetters = new Map<string, Map<string, string>>(board.columnLetters ?? []);
  const sectionIds = new Set(board.sections.map((s) => s.id));

  const notCollected = notCollectedReturns(board.config?.returns);
  for (const def of RETURNS) {
    const abs = path.join(yearDir, def.file);
    const rel = `${yearLabel}/${def.file}`;
    if (!(await exists(abs))) {
      // A board does not collect the partnership-only returns (practice reviews): their absence is normal.
      if (def.partnershipOnly && board.config?.kind !== 'partnership') continue;
      // A board supplies a case-level return or the totals that stand in for it, not both.
      if (def.alternativeTo) continue;
      // An optional return is missing only for a board that declares it collects it (board.yaml returns:).
      if (def.optional && !collectedReturns(board.config?.returns).has(def.id)) continue;
      // A return the board declares it does not collect (board.yaml returns:) is not missing.
      if (notCollected.has(def.id)) continue;
      const alternatives = alternativesOf(def.id);
      if (await anyExists(alternatives.map((r) => path.join(yearDir, r.file)))) continue;
      const affected = def.sections.filter((s) => sectionIds.has(s));
      findings.push({
        code: 'return-missing',
        severity: 'warning',
        file: rel,
        message: `The return "${def.title}" for ${yearLabel} is missing (${def.file}).`,
        hint: affected.length
          ? `These report sections will say the data is not available: ${affected.map((s) => board.sections.find((x) => x.id === s)?.title ?? s).join(', ')}.`
          : 'No configured report section uses it.',
      });
      continue;
    }
    const schema = RETURN_SCHEMAS[def.id] as ZodType<unknown, Record<string, string | undefined>>;
    (returns as Record<string, unknown>)[def.id] = await loadCsv(abs, rel, def.columns, schema, findings, columnLetters);
  }

  let recommendations: Recommendations | null | undefined;
  const recPath = path.join(yearDir, OTHER_FILES.recommendations);
  if (await exists(recPath)) {
    recommendations = await loadYaml(recPath, `${yearLabel}/${OTHER_FILES.recommendations}`, recommendationsSchema, findings);
  } else if (sectionIds.has('recommendations')) {
    findings.push({
      code: 'return-missing',
      severity: 'warning',
      file: `${yearLabel}/${OTHER_FILES.recommendations}`,
      message: `The recommendations file for ${yearLabel} is missing.`,
      hint: 'The Recommendations section will say none are available.',
    });
  }

  const narrative = new Map<string, string>();
  const unreadableNarrative = new Set<string>();
  const narrativeDir = path.join(yearDir, OTHER_FILES.narrativeDir);
  if (await exists(narrativeDir)) {
    let names: string[] = [];
    try {
      names = (await readBoardDir(narrativeDir, `${yearLabel}/${OTHER_FILES.narrativeDir}`)).sort();
    } catch (error) {
      findings.push(outsideBoardFinding(error, `${yearLabel}/${OTHER_FILES.narrativeDir}`) ?? {
        code: 'file-unreadable',
        severity: 'error',
        file: `${yearLabel}/${OTHER_FILES.narrativeDir}`,
        message: `The narrative folder could not be opened (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
        hint: 'It must be a folder holding one Markdown file per report section, such as narrative/foreword.md.',
      });
    }
    for (const name of names) {
      if (!name.endsWith('.md')) continue;
      const id = name.slice(0, -3);
      const rel = `${yearLabel}/${OTHER_FILES.narrativeDir}/${name}`;
      let bytes: Uint8Array;
      try {
        bytes = await readBoardFile(path.join(narrativeDir, name), rel);
      } catch (error) {
        unreadableNarrative.add(id);
        findings.push(outsideBoardFinding(error, rel) ?? {
          code: 'file-unreadable',
          severity: 'error',
          file: rel,
          message: `The narrative file could not be opened (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
          hint: 'Check that it is a Markdown file, not a folder, and that you have permission to read it.',
        });
        continue;
      }
      const decoded = decodeUtf8(bytes);
      if (decoded === null) {
        unreadableNarrative.add(id);
        findings.push({
          code: 'not-utf8',
          severity: 'error',
          file: rel,
          message: 'The narrative file is not UTF-8 text, so it cannot be read reliably.',
          hint: 'Save it again as UTF-8 (in Notepad or a word processor, choose "UTF-8" as the encoding when saving as plain text).',
        });
        continue;
      }
      const text = decoded.replace(/^\uFEFF/, '');
      // Too large or too deeply nested for a Markdown parser: a finding, and no stage parses it.
      const limit = narrativeLimitFinding(text, bytes.length, rel);
      if (limit) {
        unreadableNarrative.add(id);
        findings.push(limit);
        continue;
      }
      narrative.set(id, text);
      // Without a readable board.yaml the sections are not known, so there is nothing to compare with.
      if (board.config && !sectionIds.has(id)) {
        findings.push({
          code: 'narrative-unused',
          severity: 'warning',
          file: rel,
          message: `There is narrative for "${id}" but the board configuration has no such section, so it will not be printed.`,
          hint: `Add "${id}" to the sections in board.yaml, or rename the file to one of: ${[...sectionIds].join(', ')}.`,
        });
      }
    }
  }
  for (const s of board.config ? board.sections : []) {
    // A generated section (the guidance statement) has no narrative of its own to write.
    if (!narrative.has(s.id) && !unreadableNarrative.has(s.id) && !knownSection(s.id)?.generated) {
      findings.push({
        code: 'narrative-missing',
        severity: 'warning',
        file: `${yearLabel}/${OTHER_FILES.narrativeDir}/${s.id}.md`,
        message: `There is no narrative for the section "${s.title}".`,
        hint: 'The section will show its tables only, with a note that its commentary has not been written.',
      });
    }
  }

  return { year, returns, recommendations, narrative, columnLetters, findings };
}
