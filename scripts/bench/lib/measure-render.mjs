/**
 * Child process for the render row: load the sample board, validate and compute indicators once (untimed),
 * then time the HTML rendering stage as `build` runs it. Writes the HTML to --out-html for the PDF row.
 * Prints one JSON line; says why when the renderer does not exist yet.
 *   --board DIR --year Y --runs N --out-html FILE
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importDist } from './dist-modules.mjs';
import { loadTool } from './pipeline.mjs';
import { collectGarbage, median, now } from './stats.mjs';

const { values } = parseArgs({
  options: {
    board: { type: 'string' },
    year: { type: 'string' },
    runs: { type: 'string', default: '10' },
    'out-html': { type: 'string' },
    'out-meta': { type: 'string' },
  },
});

/** The render stage as `build` calls it: assembleReport (template load + report model + charts + Handlebars). */
async function findRenderer() {
  const m = await importDist('report/build-report.js');
  if (!m.mod) return { reason: m.reason };
  if (typeof m.mod.assembleReport !== 'function') return { reason: 'dist/report/build-report.js has no assembleReport' };
  return { fn: m.mod.assembleReport, metadata: m.mod.reportPdfMetadata };
}

async function main() {
  const tool = await loadTool();
  if (!tool.compute) throw new Error(`indicators cannot be computed: ${tool.indicatorsReason}`);
  const renderer = await findRenderer();
  if (!renderer.fn) throw new Error(renderer.reason);

  const board = await tool.loadBoard(values.board);
  const validation = await tool.validateYear(values.board, values.year, { board });
  const years = await tool.compute.loadAllYears(board);
  const indicators = await tool.compute.buildIndicatorReport(board, years, values.year);

  let last;
  const renderOnce = async () => {
    last = await renderer.fn(board, validation.data, indicators, { sourceDateEpoch: null });
    return last.html;
  };
  const runs = Number(values.runs);
  let t = now();
  let html = await renderOnce();
  const firstRenderMs = now() - t;
  const times = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const c = process.cpuUsage();
    t = now();
    html = await renderOnce();
    times.push(now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  await writeFile(values['out-html'], html);
  if (values['out-meta'] && typeof renderer.metadata === 'function') {
    await writeFile(values['out-meta'], JSON.stringify(renderer.metadata(last.model, board, null)));
  }
  return { runs, renderMs: median(times), renderCpuMs: median(cpu), firstRenderMs, htmlBytes: Buffer.byteLength(html), stages: 'assembleReport (load the template files, build the report model, draw the Vega-Lite charts, run Handlebars)' };
}

try {
  console.log(JSON.stringify(await main()));
} catch (error) {
  console.log(JSON.stringify({ error: String(error?.message ?? error).split("\n")[0] }));
  if (process.env.LSCB_BENCH_DEBUG) console.error(error);
  process.exitCode = 1;
}
