/**
 * The two things compared by the parse benchmark: the tool's validate + indicator stages, and csv-parse alone
 * reading the same CSV files. Both read from disk on every run, so both pay the same I/O.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseSync } from 'csv-parse/sync';
import { parse as parseStream } from 'csv-parse';
import { importDist } from './dist-modules.mjs';
import { now } from './stats.mjs';

/** Every CSV the tool reads for `year`: the year's returns and the board's aggregates. */
export async function csvFilesFor(boardDir, year) {
  const files = [];
  for (const sub of [year, 'aggregates']) {
    const dir = path.join(boardDir, sub);
    let names = [];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const n of names.sort()) if (n.endsWith('.csv')) files.push(path.join(dir, n));
  }
  return files;
}

/** csv-parse alone: read each file and parse it to arrays of cells (no schema, no checks). */
export async function bareParse(files) {
  let rows = 0;
  let bytes = 0;
  for (const f of files) {
    const buf = await readFile(f);
    bytes += buf.length;
    rows += parseSync(buf, { bom: true }).length;
  }
  return { rows, bytes };
}

/** The same parse with the options the tool's loader passes (line numbers for findings, blank rows skipped). */
export async function loaderOptionsParse(files) {
  let rows = 0;
  for (const f of files) {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(f));
    rows += parseSync(text, { bom: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true, info: true }).length;
  }
  return { rows };
}

/** csv-parse's streaming API: the memory floor of a streaming loader (rows counted, not kept). */
export async function bareStream(files) {
  let rows = 0;
  for (const f of files) {
    const parser = createReadStream(f).pipe(parseStream({ bom: true }));
    for await (const _ of parser) rows++;
  }
  return { rows };
}

/** Load the tool's stages from dist/. `indicators` is null (with `indicatorsReason`) until compute exists. */
export async function loadTool() {
  const load = await importDist('load/load-board.js');
  const validate = await importDist('validate/validate-year.js');
  if (!load.mod || !validate.mod) throw new Error(load.reason ?? validate.reason);
  const compute = await importDist('indicators/compute.js');
  let indicatorsReason = compute.reason;
  if (compute.mod && (typeof compute.mod.loadAllYears !== 'function' || typeof compute.mod.buildIndicatorReport !== 'function')) {
    indicatorsReason = 'dist/indicators/compute.js has no loadAllYears/buildIndicatorReport';
  }
  return {
    loadBoard: load.mod.loadBoard,
    validateYear: validate.mod.validateYear,
    compute: indicatorsReason ? null : compute.mod,
    indicatorsReason,
  };
}

/**
 * The tool's pipeline as `build` runs it before rendering: load the board, validate the year (which loads
 * and checks its returns), then load every year and compute the indicator report.
 */
export async function toolPipeline(tool, boardDir, year) {
  const t0 = now();
  const board = await tool.loadBoard(boardDir);
  const validation = await tool.validateYear(boardDir, year, { board });
  const t1 = now();
  let indicators = null;
  let tLoaded = t1;
  if (tool.compute) {
    const years = await tool.compute.loadAllYears(board);
    tLoaded = now();
    const report = await tool.compute.buildIndicatorReport(board, years, year);
    indicators = report?.rows?.length ?? 0;
  }
  const t2 = now();
  const errors = validation.findings.filter((f) => f.severity === 'error');
  return {
    validateMs: t1 - t0,
    indicatorsMs: tool.compute ? t2 - t1 : null,
    loadAllYearsMs: tool.compute ? tLoaded - t1 : null,
    computeMs: tool.compute ? t2 - tLoaded : null,
    totalMs: t2 - t0,
    errors: errors.length,
    firstError: errors[0] ? `${errors[0].code} ${errors[0].file}:${errors[0].row ?? ''} ${errors[0].message}` : undefined,
    indicatorRows: indicators,
  };
}
