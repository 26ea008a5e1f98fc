/**
 * Child process for the parse and memory rows. Prints one JSON line.
 *   --mode ratio  --board DIR --year Y --runs N   alternate bare csv-parse and the tool, medians of N runs
 *   --mode memory --board DIR --year Y --what tool|validate|bare-sync|bare-stream   one run, then this process's max RSS
 * Run with --expose-gc so each timed run starts from a collected heap.
 */
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { bareParse, bareStream, csvFilesFor, loaderOptionsParse, loadTool, toolPipeline } from './pipeline.mjs';
import { collectGarbage, median, now } from './stats.mjs';

const { values } = parseArgs({
  options: {
    mode: { type: 'string' },
    board: { type: 'string' },
    year: { type: 'string' },
    runs: { type: 'string', default: '5' },
    what: { type: 'string', default: 'tool' },
  },
});

async function ratio() {
  const tool = await loadTool();
  const files = await csvFilesFor(values.board, values.year);
  const runs = Number(values.runs);
  // Warm-up: JIT, module caches, the OS page cache.
  const warm = await toolPipeline(tool, values.board, values.year);
  const { rows, bytes } = await bareParse(files);
  const bare = [];
  const loaderParse = [];
  const validate = [];
  const indicators = [];
  const total = [];
  const loadAll = [];
  const compute = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    let t = now();
    await bareParse(files);
    bare.push(now() - t);
    collectGarbage();
    t = now();
    await loaderOptionsParse(files);
    loaderParse.push(now() - t);
    collectGarbage();
    const r = await toolPipeline(tool, values.board, values.year);
    validate.push(r.validateMs);
    if (r.indicatorsMs !== null) {
      indicators.push(r.indicatorsMs);
      loadAll.push(r.loadAllYearsMs);
      compute.push(r.computeMs);
    }
    total.push(r.totalMs);
  }
  return {
    files: files.length,
    rows,
    bytes,
    runs,
    bareMs: median(bare),
    loaderParseMs: median(loaderParse),
    validateMs: median(validate),
    indicatorsMs: tool.compute ? median(indicators) : null,
    loadAllYearsMs: tool.compute ? median(loadAll) : null,
    computeMs: tool.compute ? median(compute) : null,
    totalMs: median(total),
    indicatorsReason: tool.indicatorsReason,
    indicatorRows: warm.indicatorRows,
    errors: warm.errors,
    firstError: warm.firstError,
  };
}

async function memory() {
  const files = await csvFilesFor(values.board, values.year);
  const t = now();
  let extra = {};
  if (values.what === 'tool') {
    const tool = await loadTool();
    const r = await toolPipeline(tool, values.board, values.year);
    extra = { errors: r.errors, firstError: r.firstError, indicatorsReason: tool.indicatorsReason, validateMs: r.validateMs, indicatorsMs: r.indicatorsMs, loadAllYearsMs: r.loadAllYearsMs, computeMs: r.computeMs };
  } else if (values.what === 'validate') {
    // validate alone, then the heap still in use once garbage is collected: what the loaded year itself holds.
    const tool = await loadTool();
    const board = await tool.loadBoard(values.board);
    const validation = await tool.validateYear(values.board, values.year, { board });
    collectGarbage();
    extra = { errors: validation.findings.filter((f) => f.severity === 'error').length, retainedHeapBytes: process.memoryUsage().heapUsed };
    if (!validation.data) throw new Error('no data');
  } else if (values.what === 'bare-sync') {
    extra = await bareParse(files);
  } else if (values.what === 'bare-stream') {
    extra = await bareStream(files);
  } else {
    throw new Error(`unknown --what ${values.what}`);
  }
  const ms = now() - t;
  return { what: values.what, ms, maxRssBytes: process.resourceUsage().maxRSS * 1024, heapLimitBytes: getHeapStatistics().heap_size_limit, ...extra };
}

try {
  const result = values.mode === 'ratio' ? await ratio() : values.mode === 'memory' ? await memory() : { error: `unknown --mode ${values.mode}` };
  console.log(JSON.stringify(result));
} catch (error) {
  console.log(JSON.stringify({ error: String(error?.stack ?? error).split('\n').slice(0, 3).join(' | ') }));
  process.exitCode = 1;
}
