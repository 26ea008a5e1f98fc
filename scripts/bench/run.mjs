#!/usr/bin/env node
/**
 * `npm run bench` / `npm run bench -- --quick`: measure the tool against the two things it cannot avoid
 * (parsing the CSV, printing the PDF) and print ONE table of figures measured in this run on the same files.
 *
 * Options:
 *   --quick        small scale, the same rows; aims at under a minute on a quiet 2-core machine
 *   --no-build     do not run `tsc -p tsconfig.json` first (dist/ must be current)
 *   --markdown     also print the table as Markdown (for BENCHMARKS.md)
 *   --data DIR     where generated boards are cached (default .bench/, which git ignores)
 *
 * Every measurement runs in its own child process, so a crash (or a stage that is not written yet) becomes a
 * "not measured: <reason>" row instead of stopping the table. Targets are reported, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GENERATOR_VERSION, makeBoards, REPO_ROOT } from './lib/generate.mjs';
import { runChild } from './lib/child.mjs';
import { fmtBytes, fmtMs, fmtRatio, median, now } from './lib/stats.mjs';
import { standInReportHtml } from './lib/standin-html.mjs';

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    markdown: { type: 'boolean', default: false },
    data: { type: 'string' },
  },
});

const QUICK = opts.quick;
const LIB = path.join(REPO_ROOT, 'scripts', 'bench', 'lib');
const BIN = path.join(REPO_ROOT, 'bin', 'lscb-report.js');
const SAMPLE = path.join(REPO_ROOT, 'data-samples', 'calderdale');
const SAMPLE_YEAR = '2012-13';
const DATA = path.resolve(opts.data ?? path.join(REPO_ROOT, '.bench'));

/** Sizes and repetitions: full run, and --quick. */
const PLAN = QUICK
  ? { parseScale: 1, parseRuns: 3, renderRuns: 5, pdfRuns: 2, rebuildScale: 0.1, rebuildYears: 2, rebuildRuns: 1, startupRuns: 5, memoryScale: 5, memoryRuns: 1 }
  : { parseScale: 10, parseRuns: 5, renderRuns: 10, pdfRuns: 5, rebuildScale: 1, rebuildYears: 5, rebuildRuns: 3, startupRuns: 15, memoryScale: 100, memoryRuns: 3 };

const TARGETS = {
  parseRatio: 1.5,
  renderMs: 300,
  pdfRatio: 1.15,
  startupMs: 200,
  memoryBytes: 1e9,
};

const rows = [];
const notes = [];
const results = { mode: QUICK ? 'quick' : 'full', plan: PLAN, measures: {} };

/** Add a row: status is met | missed | info | not measured. */
function row(measure, value, target, status, indent = false) {
  rows.push({ measure: (indent ? '  ' : '') + measure, value: value ?? '', target: target ?? '', status });
}
const notMeasured = (measure, target, reason) => row(measure, '', target, `not measured: ${reason}`);
const judge = (ok) => (ok ? 'met' : 'missed');
/** "missed (+63%)" for a value above its ceiling. */
const over = (value, limit) => (value <= limit ? 'met' : `missed (+${Math.round((value / limit - 1) * 100)}%)`);
const note = (text) => {
  notes.push(text);
  return `[${notes.length}]`;
};

// ---- environment ------------------------------------------------------------------------------------

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: REPO_ROOT });
  return r.status === 0 ? r.stdout.trim() : null;
}

function machine() {
  const cpus = os.cpus();
  const chromium = browserPath();
  const chromiumVersion = chromium ? spawnSync(chromium, ['--version'], { encoding: 'utf8' }).stdout?.trim() : null;
  const commit = sh('git', ['rev-parse', '--short', 'HEAD']);
  const dirty = sh('git', ['status', '--porcelain', '--untracked-files=no']);
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown CPU',
    cores: cpus.length,
    ramGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    chromium: chromiumVersion || 'not found',
    browserPath: chromium,
    commit: commit ? `${commit}${dirty ? ' + uncommitted changes' : ''}` : 'unknown',
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadAverage: os.loadavg().map((l) => l.toFixed(1)).join(', '),
  };
}

let cachedBrowser;
function browserPath() {
  if (cachedBrowser !== undefined) return cachedBrowser;
  const candidates = [process.env.CHROME_PATH, process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  cachedBrowser = candidates.find((p) => p && existsSync(p)) ?? null;
  return cachedBrowser;
}

/** Newest modification time (ms) of the files under `dir` whose names end with `ext`. */
function newestMtime(dir, ext, oldest = false) {
  let best = oldest ? Infinity : 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(ext)) best = oldest ? Math.min(best, statSync(p).mtimeMs) : Math.max(best, statSync(p).mtimeMs);
    }
  };
  try {
    walk(dir);
  } catch {
    return oldest ? 0 : Infinity;
  }
  return best;
}

function buildDist() {
  if (opts['no-build']) return 'dist/ not rebuilt (--no-build)';
  const srcNewest = newestMtime(path.join(REPO_ROOT, 'src'), '.ts');
  const distOldest = newestMtime(path.join(REPO_ROOT, 'dist'), '.js', true);
  const distCount = existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'run.js'));
  if (distCount && distOldest > srcNewest) return 'dist/ up to date with src/ (not rebuilt)';
  const t = now();
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: REPO_ROOT, encoding: 'utf8' });
  const ms = now() - t;
  if (r.status === 0) return `tsc ok in ${fmtMs(ms)}`;
  const errors = (r.stdout.match(/error TS/g) ?? []).length;
  return `tsc reported ${errors} type error(s); measuring the JavaScript it emitted anyway`;
}

/** The generated board set for these options, made if missing or stale. */
async function boards(scale, years, count = 1) {
  const dir = path.join(DATA, `boards-s${scale}-b${count}-y${years}`);
  try {
    const m = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
    if (m.version === GENERATOR_VERSION) return { dir, manifest: m, generated: false };
  } catch {
    // not there yet
  }
  const t = now();
  process.stderr.write(`generating ${count} board(s) x ${years} year(s) at scale ${scale} in ${path.relative(REPO_ROOT, dir)} ...\n`);
  const manifest = await makeBoards({ scale, boards: count, years, out: dir, force: true });
  process.stderr.write(`  done in ${fmtMs(now() - t)}\n`);
  return { dir, manifest, generated: true };
}

const rowsIn = (manifest, board = 0, year) => {
  const y = year ?? manifest.years[manifest.years.length - 1];
  return Object.values(manifest.boards[board].rows[y]).reduce((a, n) => a + n, 0);
};
const progress = (text) => process.stderr.write(`- ${text}\n`);

// ---- 1. validate + indicators against csv-parse alone ----------------------------------------------------

async function measureParse() {
  const label = `validate + indicators / csv-parse alone`;
  const target = `<= ${TARGETS.parseRatio}x`;
  progress(`parse: scale ${PLAN.parseScale}`);
  const set = await boards(PLAN.parseScale, 1);
  const board = path.join(set.dir, 'board-01');
  const year = set.manifest.years[0];
  const r = await runChild(path.join(LIB, 'measure-pipeline.mjs'), ['--mode', 'ratio', '--board', board, '--year', year, '--runs', String(PLAN.parseRuns)], { nodeArgs: ['--expose-gc'] });
  if (!r.ok) return notMeasured(label, target, r.error);
  const m = r.result;
  results.measures.parse = m;
  const ref = note(
    `Scale-${PLAN.parseScale} board, one year (${m.rows.toLocaleString('en-GB')} CSV rows, ${fmtBytes(m.bytes)} in ${m.files} files), in-process, ` +
      `median of ${m.runs} alternating runs after a warm-up. csv-parse alone = readFile + csv-parse/sync to arrays. ` +
      `The tool = loadBoard + validateYear (read, schema, every check) + loadAllYears + buildIndicatorReport, as \`build\` runs them. ` +
      (m.errors ? `WARNING: the tool found ${m.errors} validation error(s) in the generated board (${m.firstError}).` : 'The generated board validates with 0 errors.'),
  );
  if (m.indicatorsMs === null) {
    row(`validate / csv-parse alone ${ref}`, fmtRatio(m.validateMs / m.bareMs), target, over(m.validateMs / m.bareMs, TARGETS.parseRatio));
    notMeasured('  indicators', target, m.indicatorsReason);
  } else {
    row(`${label} ${ref}`, fmtRatio(m.totalMs / m.bareMs), target, over(m.totalMs / m.bareMs, TARGETS.parseRatio));
  }
  row('csv-parse alone', fmtMs(m.bareMs), '', 'info', true);
  row("csv-parse with the loader's options (info, skip empty)", `${fmtMs(m.loaderParseMs)} (${fmtRatio(m.loaderParseMs / m.bareMs)})`, '', 'info', true);
  row('load + validate (incl. parse)', `${fmtMs(m.validateMs)} (${fmtRatio(m.validateMs / m.bareMs)})`, '', 'info', true);
  if (m.indicatorsMs !== null) {
    row('loadAllYears (loads the year again)', `${fmtMs(m.loadAllYearsMs)} (${fmtRatio(m.loadAllYearsMs / m.bareMs)})`, '', 'info', true);
    row('buildIndicatorReport', `${fmtMs(m.computeMs)} (${fmtRatio(m.computeMs / m.bareMs)})`, '', 'info', true);
  }
}

// ---- 2. HTML rendering of the sample board ---------------------------------------------------------------

let reportHtmlFile = null;
let reportMetaFile = null;
let reportHtmlIsStandIn = false;

async function measureRender(tmp) {
  const label = 'HTML render of the sample board (after loading)';
  const target = `< ${TARGETS.renderMs} ms`;
  progress('render: sample board');
  const htmlOut = path.join(tmp, 'sample-report.html');
  const metaOut = path.join(tmp, 'sample-report-meta.json');
  const r = await runChild(path.join(LIB, 'measure-render.mjs'), ['--board', SAMPLE, '--year', SAMPLE_YEAR, '--runs', String(PLAN.renderRuns), '--out-html', htmlOut, '--out-meta', metaOut], { nodeArgs: ['--expose-gc'] });
  if (!r.ok) {
    notMeasured(label, target, r.error);
  } else {
    const m = r.result;
    results.measures.render = m;
    reportHtmlFile = htmlOut;
    if (existsSync(metaOut)) reportMetaFile = metaOut;
    const ref = note(
      `data-samples/calderdale ${SAMPLE_YEAR}; load, validate and indicators done once beforehand and not timed; timed: ${m.stages}; ` +
        `median of ${m.runs} runs after a warm-up; HTML ${fmtBytes(m.htmlBytes)}.`,
    );
    row(`${label} ${ref}`, fmtMs(m.renderMs), target, over(m.renderMs, TARGETS.renderMs));
    if (m.renderCpuMs !== undefined) row('CPU time of that render (all threads; less sensitive to a busy machine)', fmtMs(m.renderCpuMs), '', 'info', true);
    if (m.firstRenderMs !== undefined) row('first render in a fresh process (cold)', fmtMs(m.firstRenderMs), '', 'info', true);
  }
  if (!reportHtmlFile) {
    reportHtmlFile = path.join(tmp, 'stand-in.html');
    reportHtmlIsStandIn = true;
    await writeFile(reportHtmlFile, standInReportHtml());
  }
}

// ---- 3. PDF printing against a bare puppeteer-core script ------------------------------------------------

async function measurePdf() {
  const label = 'PDF print: tool / bare puppeteer-core, same HTML';
  const target = `<= ${TARGETS.pdfRatio}x`;
  const browser = browserPath();
  if (!browser) return notMeasured(label, target, 'no Chromium found (set CHROME_PATH)');
  progress('pdf: tool session vs bare puppeteer-core');
  const html = await readFile(reportHtmlFile, 'utf8');
  const fill = html.includes('toc-page');
  const r = await runChild(path.join(LIB, 'measure-pdf.mjs'), ['--html', reportHtmlFile, '--browser', browser, '--runs', String(PLAN.pdfRuns), ...(fill ? ['--fill-contents'] : []), ...(reportMetaFile ? ['--meta', reportMetaFile] : [])]);
  if (!r.ok) return notMeasured(label, target, r.error);
  const m = r.result;
  results.measures.pdf = m;
  const ref = note(
    `${reportHtmlIsStandIn ? 'STAND-IN HTML (the renderer is not built yet): ' : 'The sample board report HTML from the render row: '}` +
      `${m.pages} A4 pages. Tool = BrowserSession.print (fresh locked-down page, JavaScript off, requests intercepted, ` +
      `${fill ? 'contents page numbers filled in' : 'no contents placeholders'}: ${m.passes} browser pass(es), then pdf-lib load + metadata + save). ` +
      `Bare = newPage, setContent, page.pdf({format A4, printBackground, preferCSSPageSize, tagged, outline}), close. Same Chromium and flags, ` +
      `browsers launched once, median of ${m.runs} alternating runs after a warm-up.`,
  );
  const ratio = m.toolMs / m.bareMs;
  row(`${label} ${ref}`, fmtRatio(ratio), target, over(ratio, TARGETS.pdfRatio));
  row('tool print', `${fmtMs(m.toolMs)} (${m.passes} pass${m.passes === 1 ? '' : 'es'})`, '', 'info', true);
  row('bare puppeteer-core print', fmtMs(m.bareMs), '', 'info', true);
  if (m.lockedMs) row('bare + lock-down (JS off, requests intercepted, fonts.ready)', `${fmtMs(m.lockedMs)} (${fmtRatio(m.lockedMs / m.bareMs)})`, '', 'info', true);
  if (m.onePassMs) row('tool print, contents not filled (1 pass)', `${fmtMs(m.onePassMs)} (${fmtRatio(m.onePassMs / m.bareMs)})`, '', 'info', true);
  if (m.metadataMs) row('pdf-lib load + metadata + save (once per print; load once per pass)', fmtMs(m.metadataMs), '', 'info', true);
  row('browser launch: tool / bare', `${fmtMs(m.toolLaunchMs)} / ${fmtMs(m.bareLaunchMs)}`, '', 'info', true);
}

// ---- 4. rebuilding many reports in one run ---------------------------------------------------------

/** A browser wrapper that logs each launch, so the harness can count them. */
async function launchCountingBrowser(tmp, browser) {
  const wrapper = path.join(tmp, 'counting-browser.sh');
  await writeFile(wrapper, `#!/bin/sh\necho launch >> "$LSCB_BENCH_LAUNCH_LOG"\nexec "${browser}" "$@"\n`);
  await chmod(wrapper, 0o755);
  return wrapper;
}

function cliSupports(args, pattern) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: REPO_ROOT });
  return pattern.test(`${r.stdout}\n${r.stderr}`);
}

async function timedCli(args, env) {
  const t = now();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: REPO_ROOT, env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  return { ms: now() - t, status: r.status, stderr: r.stderr, stdout: r.stdout };
}

async function countLaunches(log) {
  try {
    return (await readFile(log, 'utf8')).split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
}

async function measureRebuild(tmp) {
  const n = PLAN.rebuildYears;
  const label = `build --all (${n} years, html+pdf) / ${n} separate builds`;
  const target = 'one launch + N prints';
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'commands', 'build.js')) || !cliSupports(['build', '--help'], /--out\b/)) {
    return notMeasured('build --all vs N separate builds', target, 'the build command does not exist yet');
  }
  const hasAll = cliSupports(['build', '--help'], /--all\b/);
  const browser = browserPath();
  if (!browser) return notMeasured(label, target, 'no Chromium found (set CHROME_PATH)');
  progress(`rebuild: ${n} years at scale ${PLAN.rebuildScale}${hasAll ? '' : ' (separate builds only: build has no --all yet)'}`);
  const set = await boards(PLAN.rebuildScale, n);
  const board = path.join(set.dir, 'board-01');
  const wrapper = await launchCountingBrowser(tmp, browser);
  const allMs = [];
  const sepMs = [];
  let allLaunches = 0;
  let sepLaunches = 0;
  let failure = null;
  for (let run = 0; run < PLAN.rebuildRuns && !failure; run++) {
    if (hasAll) {
      const log1 = path.join(tmp, `launch-all-${run}.log`);
      const out1 = path.join(tmp, `out-all-${run}`);
      const a = await timedCli(['build', '--all', '--data', board, '--out', out1, '--format', 'html,pdf'], { CHROME_PATH: wrapper, LSCB_BENCH_LAUNCH_LOG: log1 });
      if (a.status !== 0) failure = `build --all exited ${a.status}: ${lastLine(a.stderr)}`;
      allMs.push(a.ms);
      allLaunches = await countLaunches(log1);
      await rm(out1, { recursive: true, force: true });
    }
    const log2 = path.join(tmp, `launch-sep-${run}.log`);
    const out2 = path.join(tmp, `out-sep-${run}`);
    let sep = 0;
    for (const year of set.manifest.years) {
      const s = await timedCli(['build', year, '--data', board, '--out', out2, '--format', 'html,pdf'], { CHROME_PATH: wrapper, LSCB_BENCH_LAUNCH_LOG: log2 });
      if (s.status !== 0 && !failure) failure = `build ${year} exited ${s.status}: ${lastLine(s.stderr)}`;
      sep += s.ms;
    }
    sepMs.push(sep);
    sepLaunches = await countLaunches(log2);
    await rm(out2, { recursive: true, force: true });
  }
  if (failure) return notMeasured(label, target, failure);
  const separate = median(sepMs);
  const ref = note(
    `Synthetic board, ${n} years at scale ${PLAN.rebuildScale}; child processes of bin/lscb-report.js build; the browser is a wrapper script ` +
      `(CHROME_PATH) that logs each launch and execs ${browser}; median of ${PLAN.rebuildRuns} run(s). Met when build --all launches the browser ` +
      `once for all ${n} reports.`,
  );
  results.measures.rebuild = { separateMs: separate, separateLaunches: sepLaunches, years: n };
  if (!hasAll) {
    notMeasured(`build --all vs N separate builds ${ref}`, target, 'build has no --all option yet');
    row(`${n} separate builds (html+pdf)`, `${fmtMs(separate)}, ${sepLaunches} browser launches`, '', 'info', true);
    return;
  }
  const all = median(allMs);
  Object.assign(results.measures.rebuild, { allMs: all, allLaunches });
  row(`${label} ${ref}`, `${fmtMs(all)} / ${fmtMs(separate)} (${fmtRatio(all / separate)})`, target, judge(allLaunches === 1));
  row('browser launches: build --all / separate', `${allLaunches} / ${sepLaunches}`, '1 / N', judge(allLaunches === 1), true);
  row('time saved per extra report', fmtMs((separate - all) / Math.max(1, n - 1)), '', 'info', true);
}

function lastLine(text) {
  return (text ?? '').trim().split('\n').filter(Boolean).pop()?.slice(0, 200) ?? '';
}

// ---- 5. start-up ---------------------------------------------------------------------------------

function timeSpawn(args, runs, nodeArgs = []) {
  const times = [];
  let status = null;
  for (let i = 0; i < runs + 1; i++) {
    const t = now();
    const r = spawnSync(process.execPath, [...nodeArgs, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const ms = now() - t;
    status = r.status;
    if (i > 0) times.push(ms); // the first run warms the OS file cache
  }
  return { ms: median(times), status };
}

/** Median CPU time (user + system, ms) of `runs` child processes, reported by the report-cpu.mjs hook. */
async function cpuOfSpawn(args, runs, tmp, name) {
  const out = path.join(tmp, `cpu-${name}.txt`);
  for (let i = 0; i < runs; i++) {
    spawnSync(process.execPath, ['--import', path.join(LIB, 'report-cpu.mjs'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, LSCB_BENCH_CPU: out, NO_COLOR: '1' },
      encoding: 'utf8',
    });
  }
  try {
    return median((await readFile(out, 'utf8')).split('\n').filter(Boolean).map(Number));
  } catch {
    return null;
  }
}

async function tracedModules(args, tmp, name) {
  const out = path.join(tmp, `trace-${name}.json`);
  spawnSync(process.execPath, ['--import', path.join(LIB, 'trace-modules.mjs'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LSCB_BENCH_TRACE: out, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  try {
    return JSON.parse(await readFile(out, 'utf8'));
  } catch {
    return null;
  }
}

const HEAVY = ['puppeteer-core', 'puppeteer', 'chromium-bidi', 'handlebars', 'vega', 'vega-lite', 'pdf-lib', 'marked'];
const packagesIn = (modules) =>
  [...new Set(modules.filter((m) => m.includes('node_modules')).map((m) => {
    const rest = m.split(/node_modules[\\/]/).pop();
    const parts = rest.split(/[\\/]/);
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }))].sort();

async function measureStartup(tmp) {
  progress('start-up: --help and validate');
  const target = `< ${TARGETS.startupMs} ms`;
  const baseline = timeSpawn(['-e', '0'], PLAN.startupRuns);
  const help = timeSpawn([BIN, '--help'], PLAN.startupRuns);
  const validateArgs = [BIN, 'validate', SAMPLE_YEAR, '--data', SAMPLE];
  const validate = timeSpawn(validateArgs, PLAN.startupRuns);
  results.measures.startup = { nodeBaselineMs: baseline.ms, helpMs: help.ms, validateMs: validate.ms, validateExit: validate.status };
  const ref = note(
    `Wall time of a child process (node bin/lscb-report.js …), median of ${PLAN.startupRuns} runs after one warm-up run; ` +
      `validate runs on data-samples/calderdale ${SAMPLE_YEAR} (exit code ${validate.status}). node -e 0 alone takes ${fmtMs(baseline.ms)} here.`,
  );
  row(`start-up: lscb-report --help ${ref}`, fmtMs(help.ms), target, over(help.ms, TARGETS.startupMs));
  row('start-up: lscb-report validate (sample board)', fmtMs(validate.ms), target, over(validate.ms, TARGETS.startupMs));
  row('above node -e 0: --help / validate', `+${fmtMs(help.ms - baseline.ms)} / +${fmtMs(validate.ms - baseline.ms)}`, '', 'info', true);
  const cpu = {
    node: await cpuOfSpawn(['-e', '0'], PLAN.startupRuns, tmp, 'node'),
    help: await cpuOfSpawn([BIN, '--help'], PLAN.startupRuns, tmp, 'help'),
    validate: await cpuOfSpawn(validateArgs, PLAN.startupRuns, tmp, 'validate'),
  };
  results.measures.startup.cpuMs = cpu;
  if (cpu.help !== null && cpu.validate !== null) {
    row('CPU time: node -e 0 / --help / validate (less sensitive to a busy machine)', `${fmtMs(cpu.node)} / ${fmtMs(cpu.help)} / ${fmtMs(cpu.validate)}`, '', 'info', true);
  }

  // Which packages did each command load? A control run that does import puppeteer-core proves the tracer sees it.
  const control = await tracedModules(['--input-type=module', '-e', "await import('puppeteer-core')"], tmp, 'control');
  const controlSees = control && packagesIn(control).includes('puppeteer-core');
  const traces = { help: await tracedModules([BIN, '--help'], tmp, 'help'), validate: await tracedModules(validateArgs, tmp, 'validate') };
  const loaded = Object.fromEntries(Object.entries(traces).map(([k, mods]) => [k, mods ? packagesIn(mods) : null]));
  results.measures.startup.packages = loaded;
  const heavy = Object.entries(loaded).flatMap(([k, pkgs]) => (pkgs ?? []).filter((p) => HEAVY.includes(p)).map((p) => `${k}: ${p}`));
  const ref2 = note(
    `Every module resolved was recorded by a loader hook (node --import scripts/bench/lib/trace-modules.mjs: ES modules via module.register, ` +
      `CommonJS via Module._resolveFilename). A control process importing puppeteer-core ${controlSees ? 'is' : 'is NOT'} detected by it. ` +
      `Packages loaded: --help: ${loaded.help?.join(', ') || 'none'}; validate: ${loaded.validate?.join(', ') || 'none'}.`,
  );
  if (!traces.help || !traces.validate || !controlSees) {
    notMeasured(`Puppeteer not loaded by --help / validate ${ref2}`, 'not loaded', 'the module tracer did not work on this Node');
  } else {
    row(`Puppeteer not loaded by --help / validate ${ref2}`, heavy.length ? heavy.join('; ') : 'not loaded', 'not loaded', judge(heavy.length === 0));
  }
}

// ---- 6. peak memory --------------------------------------------------------------------------------

async function measureMemory() {
  const scale = PLAN.memoryScale;
  const label = `peak RSS, validate + indicators, scale-${scale} board`;
  const target = QUICK ? '(target is for scale 100)' : '< 1 GB';
  progress(`memory: scale ${scale} (generating the board the first time takes a while)`);
  const set = await boards(scale, 1);
  const board = path.join(set.dir, 'board-01');
  const year = set.manifest.years[0];
  const args = (what) => ['--mode', 'memory', '--board', board, '--year', year, '--what', what];
  const toolRuns = [];
  for (let i = 0; i < PLAN.memoryRuns; i++) toolRuns.push(await runChild(path.join(LIB, 'measure-pipeline.mjs'), args('tool')));
  const tool = toolRuns.find((r) => !r.ok) ?? toolRuns[0];
  const validateOnly = await runChild(path.join(LIB, 'measure-pipeline.mjs'), args('validate'), { nodeArgs: ['--expose-gc'] });
  const sync = await runChild(path.join(LIB, 'measure-pipeline.mjs'), args('bare-sync'));
  const stream = await runChild(path.join(LIB, 'measure-pipeline.mjs'), args('bare-stream'));
  const rowsTotal = rowsIn(set.manifest);
  const bytes = await dirBytes(path.join(board, year));
  const rss = toolRuns.filter((r) => r.ok).map((r) => r.result.maxRssBytes);
  results.measures.memory = {
    scale, rows: rowsTotal, bytes,
    tool: toolRuns.map((r) => r.result ?? { error: r.error }),
    validate: validateOnly.result ?? { error: validateOnly.error },
    sync: sync.result, stream: stream.result,
  };
  const heapLimit = tool.result?.heapLimitBytes;
  const ref = note(
    `Scale-${scale} board, one year: ${rowsTotal.toLocaleString('en-GB')} CSV rows, ${fmtBytes(bytes)}. Max RSS (process.resourceUsage().maxRSS) ` +
      `of a fresh node process (default heap limit${heapLimit ? ` ${fmtBytes(heapLimit)}` : ''}) running loadBoard + validateYear + loadAllYears + buildIndicatorReport; ` +
      `median of ${PLAN.memoryRuns} run(s)${rss.length > 1 ? ` (range ${fmtBytes(Math.min(...rss))} to ${fmtBytes(Math.max(...rss))})` : ''}. ` +
      `"validate alone" stops before loadAllYears; "held after GC" is the heap still used by the loaded year once garbage is collected.` +
      (tool.ok && tool.result.errors ? ` WARNING: ${tool.result.errors} validation error(s): ${tool.result.firstError}.` : '') +
      (tool.ok && tool.result.indicatorsReason ? ` Indicators not run: ${tool.result.indicatorsReason}.` : ''),
  );
  if (!tool.ok) {
    row(`${label} ${ref}`, `failed: ${tool.error}`, target, QUICK ? 'info' : 'missed');
  } else {
    const peak = median(rss);
    row(`${label} ${ref}`, fmtBytes(peak), target, QUICK ? 'info' : over(peak, TARGETS.memoryBytes));
    row('time for that run', fmtMs(median(toolRuns.map((r) => r.result.ms))), '', 'info', true);
  }
  if (validateOnly.ok) {
    row('validate alone (no second load): peak RSS / held after GC', `${fmtBytes(validateOnly.result.maxRssBytes)} / ${fmtBytes(validateOnly.result.retainedHeapBytes)}`, '', 'info', true);
  }
  if (sync.ok) row('csv-parse/sync alone, same files (peak RSS)', fmtBytes(sync.result.maxRssBytes), '', 'info', true);
  if (stream.ok) row('csv-parse stream, rows not kept (peak RSS)', fmtBytes(stream.result.maxRssBytes), '', 'info', true);
}

async function dirBytes(dir) {
  const { readdir, stat } = await import('node:fs/promises');
  let total = 0;
  for (const name of await readdir(dir)) {
    const s = await stat(path.join(dir, name));
    if (s.isFile()) total += s.size;
  }
  return total;
}

// ---- the table ------------------------------------------------------------------------------------

function printTable(info, build) {
  const header = ['Measure', 'Value', 'Target', 'Result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(Object.values(r)[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
  const out = [];
  out.push(`lscb-report benchmark (${QUICK ? 'quick: small scale' : 'full'}), ${info.date}`);
  out.push(`Machine: ${info.cpu}, ${info.cores} cores, ${info.ramGB} GB RAM; ${info.os}; Node ${info.node}; ${info.chromium}`);
  out.push(`Code: commit ${info.commit}; ${build}`);
  out.push(`Load average when the run started (1, 5, 15 min): ${info.loadAverage}${Number(info.loadAverage.split(',')[0]) > info.cores ? ' (busy machine: timings are inflated and noisy)' : ''}`);
  out.push('');
  out.push(line(header));
  out.push(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) out.push(line([r.measure, r.value, r.target, r.status]));
  out.push('');
  notes.forEach((n, i) => out.push(`[${i + 1}] ${n}`));
  console.log(out.join('\n'));
  if (opts.markdown) {
    const esc = (s) => String(s).replace(/\|/g, '\\|');
    const md = ['', '| Measure | Value | Target | Result |', '|---|---|---|---|'];
    for (const r of rows) md.push(`| ${esc(r.measure.replace(/^ {2}/, '&nbsp;&nbsp;'))} | ${esc(r.value)} | ${esc(r.target)} | ${esc(r.status)} |`);
    md.push('');
    notes.forEach((n, i) => md.push(`${i + 1}. ${n}`));
    console.log(md.join('\n'));
  }
}

async function main() {
  const started = now();
  const build = buildDist();
  const info = machine();
  results.machine = info;
  await mkdir(DATA, { recursive: true });
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'lscb-bench-'));
  try {
    for (const step of [measureParse, measureRender, measurePdf, measureRebuild, measureStartup, measureMemory]) {
      try {
        await step(tmp);
      } catch (error) {
        notMeasured(step.name.replace(/^measure/, '').toLowerCase(), '', `harness error: ${String(error?.message ?? error).split('\n')[0]}`);
      }
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  results.seconds = Math.round((now() - started) / 100) / 10;
  printTable(info, `${build}; whole run ${results.seconds} s`);
  results.rows = rows;
  results.notes = notes;
  await writeFile(path.join(DATA, `last-run-${results.mode}.json`), JSON.stringify(results, null, 2) + '\n');
}

await main();
