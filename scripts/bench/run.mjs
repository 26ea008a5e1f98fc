#!/usr/bin/env node
/**
 * `npm run bench` / `npm run bench -- --quick`: time the paths users run, each paired in this run with the
 * floor it cannot go below, and print every target of issue 16 with "met" or "not met".
 *
 *   user path                                   floor (same files, same run, alternating)
 *   lscb-report validate / indicators /         a bare csv-parse process: readFile + csv-parse/sync
 *     build --format html                         parse(buffer, { bom: true }) of every CSV the year reads
 *   BrowserSession.print (contents filled)      a bare puppeteer-core print of the same HTML
 *   lscb-report validate on the sample          node -e 0
 *   build --all (N years)                       the same N years built one by one
 *   build --boards (a region)                   the same reports built one by one
 *
 * Every user path is a whole `node bin/lscb-report.js …` process, as a user runs it. Pairs alternate
 * (A B A B …) so a busy moment hits both sides; each side reports its min and median, and the ratio is of
 * the medians. The machine's load average is recorded before and after. Nothing here is a test.
 *
 * Options:
 *   --quick            small sizes, the same rows (aims at under a minute on a quiet 2-core machine)
 *   --no-build         do not run tsc first (dist/ must be current)
 *   --markdown FILE    write the results between the bench markers of FILE (BENCHMARKS.md)
 *   --data DIR         where generated boards are cached (default .bench/, which git ignores)
 *   --only PARTS       run only some parts: startup, parse, pdf, all, region (comma-separated)
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

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    markdown: { type: 'string' },
    data: { type: 'string' },
    only: { type: 'string' },
  },
});
/** `--only pdf,region`: run only these parts (startup, parse, pdf, all, region); all by default. */
const ONLY = opts.only ? new Set(opts.only.split(',').map((s) => s.trim())) : null;
const wanted = (part) => ONLY === null || ONLY.has(part);

const QUICK = opts.quick;
const LIB = path.join(REPO_ROOT, 'scripts', 'bench', 'lib');
const BIN = path.join(REPO_ROOT, 'bin', 'lscb-report.js');
const SAMPLE = path.join(REPO_ROOT, 'data-samples', 'calderdale');
const SAMPLE_YEAR = '2012-13';
const DATA = path.resolve(opts.data ?? path.join(REPO_ROOT, '.bench'));

/** Sizes and repetitions: the full run, and --quick. */
const PLAN = QUICK
  ? { startupRuns: 5, parseScales: [1], parseRuns: 3, bigScale: null, pdfRuns: 3, allYears: 2, allScale: 0.05, region: { boards: 2, years: 1, scale: 0.05 }, groupRuns: 1 }
  : { startupRuns: 15, parseScales: [10, 100], parseRuns: 5, bigScale: 100, pdfRuns: 5, allYears: 5, allScale: 1, region: { boards: 20, years: 5, scale: 0.05 }, groupRuns: 1 };
/** Repetitions on the 100× board, whose runs take minutes each. */
const BIG_RUNS = 3;

const results = { mode: QUICK ? 'quick' : 'full', plan: PLAN, measures: {}, targets: [] };
const info = [];
const notes = [];
const progress = (text) => process.stderr.write(`- ${text}\n`);
const note = (text) => {
  notes.push(text);
  return `[${notes.length}]`;
};

/** A target row: what, the figure, the target, and met / not met (or why it was not measured). */
function target(measure, value, goal, met, ref = '') {
  results.targets.push({ measure: `${measure}${ref ? ` ${ref}` : ''}`, value, target: goal, result: met === null ? 'not measured' : met ? 'met' : 'not met' });
}
function notMeasured(measure, goal, reason) {
  results.targets.push({ measure, value: `not measured: ${reason}`, target: goal, result: 'not measured' });
}
/** A figure behind a target: min and median of each side. */
const infoRow = (measure, value) => info.push({ measure, value });
const minMed = (list) => `${fmtMs(Math.min(...list))} / ${fmtMs(median(list))}`;

// ---- machine and setup -----------------------------------------------------------------------------

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: REPO_ROOT });
  return r.status === 0 ? r.stdout.trim() : null;
}

function browserPath() {
  const candidates = [process.env.CHROME_PATH, process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

function machine() {
  const cpus = os.cpus();
  const chromium = browserPath();
  const commit = sh('git', ['rev-parse', '--short', 'HEAD']);
  const dirty = sh('git', ['status', '--porcelain', '--untracked-files=no']);
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown CPU',
    cores: cpus.length,
    ramGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    chromium: chromium ? spawnSync(chromium, ['--version'], { encoding: 'utf8' }).stdout?.trim() || chromium : 'not found',
    commit: commit ? `${commit}${dirty ? ' + uncommitted changes' : ''}` : 'unknown',
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ');

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
  if (existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'run.js')) && newestMtime(path.join(REPO_ROOT, 'dist'), '.js', true) > newestMtime(path.join(REPO_ROOT, 'src'), '.ts')) {
    return 'dist/ up to date with src/';
  }
  const t = now();
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return r.status === 0 ? `tsc ok in ${fmtMs(now() - t)}` : `tsc reported type errors; measuring the JavaScript it emitted anyway`;
}

/** A set of generated boards, made once and cached until the generator changes. */
async function boards(scale, years, count = 1) {
  const dir = path.join(DATA, `boards-s${scale}-b${count}-y${years}`);
  try {
    const m = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
    if (m.version === GENERATOR_VERSION) return { dir, manifest: m };
  } catch {
    // not made yet
  }
  progress(`generating ${count} board(s) × ${years} year(s) at scale ${scale} (once; cached in ${path.relative(REPO_ROOT, dir)})`);
  return { dir, manifest: await makeBoards({ scale, boards: count, years, out: dir, force: true }) };
}

const rowsIn = (manifest, year) => Object.values(manifest.boards[0].rows[year]).reduce((a, n) => a + n, 0);

// ---- running processes ---------------------------------------------------------------------------

/**
 * Run `node [args]` to the end; wall time, exit status, and (with `rss`) the peak resident memory of the
 * Node process, reported at exit by lib/peak-rss.mjs. Output goes nowhere but stderr is kept for errors.
 */
async function timed(args, { env = {}, rss = false, tmp } = {}) {
  const rssFile = rss ? path.join(tmp, `rss-${Math.random().toString(36).slice(2)}.txt`) : null;
  const nodeArgs = rss ? ['--import', path.join(LIB, 'peak-rss.mjs')] : [];
  const t = now();
  const r = spawnSync(process.execPath, [...nodeArgs, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', ...(rssFile ? { LSCB_BENCH_RSS: rssFile } : {}), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  const ms = now() - t;
  let peak = null;
  if (rssFile) {
    peak = Number((await readFile(rssFile, 'utf8').catch(() => '')).trim()) || null;
    await rm(rssFile, { force: true });
  }
  return { ms, status: r.status, stderr: r.stderr ?? '', peak };
}

/** The line of a failed process's stderr that says what went wrong (an error line, else the last one). */
const lastLine = (text) => {
  const lines = (text ?? '').trim().split('\n').filter(Boolean);
  return (lines.find((l) => /error/i.test(l) && !/^\s+at /.test(l)) ?? lines.pop() ?? '').slice(0, 300);
};

/** Alternate A and B `runs` times after one warm-up of each; returns each side's times (and A's peaks). */
async function pair(a, b, runs) {
  await a();
  await b();
  const as = [];
  const bs = [];
  const peaks = [];
  for (let i = 0; i < runs; i++) {
    const ra = await a();
    if (ra.status !== 0) throw new Error(`exit code ${ra.status}: ${lastLine(ra.stderr)}`);
    as.push(ra.ms);
    if (ra.peak) peaks.push(ra.peak);
    const rb = await b();
    if (rb.status !== 0) throw new Error(`floor exit code ${rb.status}: ${lastLine(rb.stderr)}`);
    bs.push(rb.ms);
  }
  return { a: as, b: bs, peaks, ratio: median(as) / median(bs) };
}

// ---- 1. start-up -------------------------------------------------------------------------------------

async function measureStartup() {
  progress('start-up: validate on the sample ÷ node -e 0');
  const goal = '≤ 2×';
  const label = '`validate` on the sample ÷ `node -e 0`';
  try {
    const r = await pair(
      () => timed([BIN, 'validate', SAMPLE_YEAR, '--data', SAMPLE]),
      () => timed(['-e', '0']),
      PLAN.startupRuns,
    );
    results.measures.startup = r;
    const ref = note(`Whole processes, ${PLAN.startupRuns} alternating pairs after a warm-up: \`node bin/lscb-report.js validate ${SAMPLE_YEAR} --data data-samples/calderdale\` against \`node -e 0\`.`);
    target(label, `${fmtRatio(r.ratio)} (${fmtMs(median(r.a))} vs ${fmtMs(median(r.b))})`, goal, r.ratio <= 2, ref);
    infoRow('validate on the sample, min / median', minMed(r.a));
    infoRow('node -e 0, min / median', minMed(r.b));
  } catch (error) {
    notMeasured(label, goal, error.message);
  }
  // Which packages validate loads (a loader hook records every module resolved).
  const trace = path.join(os.tmpdir(), `lscb-bench-trace-${process.pid}.json`);
  spawnSync(process.execPath, ['--import', path.join(LIB, 'trace-modules.mjs'), BIN, 'validate', SAMPLE_YEAR, '--data', SAMPLE], { cwd: REPO_ROOT, env: { ...process.env, LSCB_BENCH_TRACE: trace }, stdio: 'ignore' });
  const modules = JSON.parse(await readFile(trace, 'utf8').catch(() => '[]'));
  await rm(trace, { force: true });
  const packageOf = (file) => {
    const parts = file.split(/node_modules[\\/]/).pop().split(/[\\/]/);
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  };
  const packages = [...new Set(modules.filter((f) => f.includes('node_modules')).map(packageOf))].sort();
  const heavy = ['puppeteer-core', 'pdf-lib', 'vega', 'vega-lite', 'handlebars', 'marked', 'date-holidays'].filter((p) => packages.includes(p));
  results.measures.validatePackages = packages;
  infoRow('packages validate loads', `${packages.length} (${packages.join(', ')}); of the browser, chart, template and Markdown code: ${heavy.length ? heavy.join(', ') : 'none'}`);
  infoRow('dist/ modules validate loads', String(modules.filter((f) => f.includes(`${path.sep}dist${path.sep}`)).length));
}

// ---- 2. validate, indicators, build --format html against a bare csv-parse --------------------------------

async function measureParse(tmp) {
  const floor = (board, year) => () => timed([path.join(LIB, 'bare-parse.mjs'), board, year]);
  const cli = (args) => () => timed([BIN, ...args], { rss: true, tmp });
  const sets = [{ label: 'the sample board', board: SAMPLE, year: SAMPLE_YEAR, scale: 'sample' }];
  for (const scale of PLAN.parseScales) {
    const set = await boards(scale, 1);
    const year = set.manifest.years[0];
    sets.push({ label: `the ${scale}× board`, board: path.join(set.dir, 'board-01'), year, scale, rows: rowsIn(set.manifest, year) });
  }
  const perRow = {};
  let ref = note(
    'Bare csv-parse is a process of its own (scripts/bench/lib/bare-parse.mjs): readFile and csv-parse/sync `parse(buffer, { bom: true })` of every CSV the year reads (its returns and aggregates/), no other option. Both sides are whole processes and pay Node\'s start-up; each command\'s peak memory is the Node process\'s maxRSS, reported at exit by lib/peak-rss.mjs.',
  );
  for (const s of sets) {
    const runs = s.scale === PLAN.bigScale ? BIG_RUNS : PLAN.parseRuns;
    const commands = [['validate', ['validate', s.year, '--data', s.board]]];
    // indicators and build --format html on the largest board of the plan (and the 100× one).
    if (s.scale !== 'sample' && (s.scale === PLAN.parseScales[0] || s.scale === PLAN.bigScale)) {
      commands.push(['indicators', ['indicators', s.year, '--data', s.board, '--format', 'json']]);
      commands.push(['build --format html', ['build', s.year, '--data', s.board, '--format', 'html', '--out', path.join(tmp, 'parse-out')]]);
    }
    for (const [name, args] of commands) {
      progress(`${name} ÷ bare csv-parse on ${s.label}`);
      const goal = name === 'validate' ? '≤ 1.5×' : '≤ 1.7×';
      const label = `\`${name}\` ÷ bare csv-parse, ${s.label}`;
      try {
        const r = await pair(cli(args), floor(s.board, s.year), runs);
        results.measures[`${name} ${s.scale}`] = r;
        target(label, `${fmtRatio(r.ratio)} (${fmtMs(median(r.a))} vs ${fmtMs(median(r.b))})`, goal, r.ratio <= (name === 'validate' ? 1.5 : 1.7), ref);
        ref = '';
        infoRow(`${name}, ${s.label}: min / median; bare csv-parse min / median`, `${minMed(r.a)}; ${minMed(r.b)}`);
        if (r.peaks.length > 0) {
          const peak = Math.max(...r.peaks);
          results.measures[`peak ${name} ${s.scale}`] = peak;
          if (s.scale === PLAN.bigScale) target(`peak memory of \`${name}\`, 100× board`, fmtBytes(peak), '< 1 GB', peak < 1e9);
          else infoRow(`peak memory of ${name}, ${s.label} (Node process)`, fmtBytes(peak));
        }
        if (name === 'validate' && s.rows) perRow[s.scale] = median(r.a) / s.rows;
      } catch (error) {
        notMeasured(label, goal, error.message);
      }
    }
  }
  if (PLAN.bigScale === null) {
    notMeasured('peak memory, 100× board, every command', '< 1 GB', 'full run only (--quick shows the 1× board\'s peaks below)');
    notMeasured('`validate` time per row, 100× ÷ 10× board', '≤ 1.2×', 'full run only');
  } else if (perRow[100] && perRow[10]) {
    const r = perRow[100] / perRow[10];
    target('`validate` time per row, 100× ÷ 10× board', fmtRatio(r), '≤ 1.2×', r <= 1.2);
  }
}

// ---- 3. the PDF against a bare puppeteer print -----------------------------------------------------------

async function measurePdf(tmp) {
  const goal = '≤ 1.3×, contents exact';
  const label = 'PDF print ÷ bare Puppeteer print of the same HTML';
  const browser = browserPath();
  if (!browser) return notMeasured(label, goal, 'no Chromium found (set CHROME_PATH)');
  progress('pdf: the tool\'s print ÷ a bare puppeteer-core print, same HTML, one process');
  const r = await runChild(path.join(LIB, 'measure-pdf.mjs'), ['--board', SAMPLE, '--year', SAMPLE_YEAR, '--browser', browser, '--runs', String(PLAN.pdfRuns)]);
  if (!r.ok) return notMeasured(label, goal, r.error);
  const m = r.result;
  results.measures.pdf = m;
  const ref = note(
    `The sample board's report (${m.pages} A4 pages), its HTML and print options made as \`build\` makes them, printed in one process with one browser per side, ${m.runs} alternating rounds after a warm-up. Tool = BrowserSession.print with the options \`build\` passes (locked-down page, then pdf-lib: contents numbers, outline, running heads, metadata, save). Bare = newPage, setContent, page.pdf (A4, backgrounds, tagged, outline), close. "Two prints" is the same tool print forced to print the contents numbers from the HTML (contentsMethod: reprint), as every print did before.`,
  );
  const exact = m.contents === 'patched' && m.sameText === true;
  target(label, `${fmtRatio(m.toolMs / m.bareMs)} (${fmtMs(m.toolMs)} vs ${fmtMs(m.bareMs)}); contents ${m.contents}${m.sameText ? ', text identical to two prints' : ''}`, goal, m.toolMs / m.bareMs <= 1.3 && exact, ref);
  infoRow('tool print (one print) min / median', minMed(m.toolRuns));
  infoRow('bare puppeteer print min / median', minMed(m.bareRuns));
  infoRow('two prints (before) min / median, and ÷ bare', `${minMed(m.reprintRuns)}; ${fmtRatio(m.reprintMs / m.bareMs)}`);
  infoRow('one print ÷ two prints', fmtRatio(m.toolMs / m.reprintMs));
}

// ---- 4. build --all and a region, against the same reports built one by one -----------------------------

async function countingBrowser(tmp, browser) {
  const wrapper = path.join(tmp, 'counting-browser.sh');
  await writeFile(wrapper, `#!/bin/sh\necho launch >> "$LSCB_BENCH_LAUNCH_LOG"\nexec "${browser}" "$@"\n`);
  await chmod(wrapper, 0o755);
  return wrapper;
}

const launches = async (log) => (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;

async function oneByOne(reports, tmp, wrapper, log) {
  let ms = 0;
  for (const { board, year, out } of reports) {
    const r = await timed([BIN, 'build', year, '--data', board, '--out', out], { env: { CHROME_PATH: wrapper, LSCB_BENCH_LAUNCH_LOG: log } });
    if (r.status !== 0) throw new Error(`build ${year} --data ${path.basename(board)} exited ${r.status}: ${lastLine(r.stderr)}`);
    ms += r.ms;
  }
  return ms;
}

async function measureGroups(tmp) {
  if (!wanted('all') && !wanted('region')) return;
  const browser = browserPath();
  if (!browser) {
    notMeasured('`build --all`', 'one launch', 'no Chromium found');
    return notMeasured('a region in one run ÷ one by one', '≤ 0.6×', 'no Chromium found');
  }
  const wrapper = await countingBrowser(tmp, browser);

  // build --all: one board, N years.
  if (wanted('all')) {
    const n = PLAN.allYears;
    const label = `\`build --all\` (${n} years, HTML + PDF) ÷ the ${n} years built one by one`;
    progress(label.replaceAll('`', ''));
    try {
      const set = await boards(PLAN.allScale, n);
      const board = path.join(set.dir, 'board-01');
      const all = [];
      const sep = [];
      let allLaunches = 0;
      for (let i = 0; i < PLAN.groupRuns; i++) {
        const log = path.join(tmp, `all-${i}.log`);
        const r = await timed([BIN, 'build', '--all', '--data', board, '--out', path.join(tmp, `all-${i}`)], { env: { CHROME_PATH: wrapper, LSCB_BENCH_LAUNCH_LOG: log } });
        if (r.status !== 0) throw new Error(`build --all exited ${r.status}: ${lastLine(r.stderr)}`);
        all.push(r.ms);
        allLaunches = await launches(log);
        sep.push(await oneByOne(set.manifest.years.map((year) => ({ board, year, out: path.join(tmp, `sep-${i}`) })), tmp, wrapper, path.join(tmp, `sep-${i}.log`)));
      }
      const ratio = median(all) / median(sep);
      results.measures.buildAll = { all, sep, allLaunches };
      target(label, `${fmtRatio(ratio)} (${fmtMs(median(all))} vs ${fmtMs(median(sep))}), ${allLaunches} launch${allLaunches === 1 ? '' : 'es'}`, 'one browser launch', allLaunches === 1, note(`Synthetic board at scale ${PLAN.allScale}; the browser is a wrapper that logs each launch.`));
    } catch (error) {
      notMeasured(label, 'one browser launch', error.message);
    }
  }

  // A region: B boards × Y years with --boards, against the same reports one by one.
  if (wanted('region')) {
    const { boards: b, years: y, scale } = PLAN.region;
    const label = `a region of ${b} boards × ${y} years in one run ÷ one by one`;
    progress(label);
    try {
      const set = await boards(scale, y, b);
      const dirs = set.manifest.boards.map((_, i) => path.join(set.dir, `board-${String(i + 1).padStart(2, '0')}`));
      const region = [];
      const sep = [];
      let regionLaunches = 0;
      for (let i = 0; i < PLAN.groupRuns; i++) {
        const log = path.join(tmp, `region-${i}.log`);
        const r = await timed([BIN, 'build', '--boards', ...dirs, '--out', path.join(tmp, `region-${i}`)], { env: { CHROME_PATH: wrapper, LSCB_BENCH_LAUNCH_LOG: log } });
        if (r.status !== 0) throw new Error(`build --boards exited ${r.status}: ${lastLine(r.stderr)}`);
        region.push(r.ms);
        regionLaunches = await launches(log);
        const reports = dirs.flatMap((board) => set.manifest.years.map((year) => ({ board, year, out: path.join(tmp, `region-sep-${i}`, path.basename(board)) })));
        sep.push(await oneByOne(reports, tmp, wrapper, path.join(tmp, `region-sep-${i}.log`)));
      }
      const ratio = median(region) / median(sep);
      results.measures.region = { region, sep, regionLaunches };
      const size = b === 20 && y === 5 ? '' : ` (the target is for 20 × 5; this is the --quick size)`;
      target(label, `${fmtRatio(ratio)} (${fmtMs(median(region))} vs ${fmtMs(median(sep))}), ${regionLaunches} launch${regionLaunches === 1 ? '' : 'es'}${size}`, '≤ 0.6×', ratio <= 0.6, note(`Synthetic boards at scale ${scale}, HTML and PDF; \`build --boards\` (2 reports at a time) against \`build YEAR --data BOARD\` for each report in turn.`));
    } catch (error) {
      notMeasured(label, '≤ 0.6×', error.message);
    }
  }
}

// ---- output -----------------------------------------------------------------------------------------------

function table(rows, columns) {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => r[c])))].join('\n');
}

function markdown(m) {
  const md = (rows, columns) => [`| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${columns.map((c) => String(r[c]).replace(/\|/g, '\\|')).join(' | ')} |`)].join('\n');
  return [
    `Run: \`npm run bench${QUICK ? ' -- --quick' : ''}${ONLY ? ` -- --only ${[...ONLY].join(',')}` : ''}\` on ${m.date}, ${fmtMs(m.seconds * 1000)} of wall time. Load average (1 / 5 / 15 min) on the ${m.cores} cores: ${m.loadBefore} at the start, ${m.loadAfter} at the end.`,
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGB} GB, ${m.os}, Node ${m.node}, ${m.chromium}. Code: ${m.commit}. ${m.dist}.`,
    '',
    md(results.targets, ['measure', 'value', 'target', 'result']),
    '',
    md(info, ['measure', 'value']),
    '',
    ...notes.map((n, i) => `${i + 1}. ${n}`),
  ].join('\n');
}

async function main() {
  const started = now();
  const m = machine();
  m.dist = buildDist();
  m.loadBefore = load();
  process.stderr.write(`lscb-report benchmark (${results.mode}), load average ${m.loadBefore} on ${m.cores} cores\n`);
  await mkdir(DATA, { recursive: true });
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'lscb-bench-'));
  try {
    if (wanted('startup')) await measureStartup();
    if (wanted('parse')) await measureParse(tmp);
    if (wanted('pdf')) await measurePdf(tmp);
    await measureGroups(tmp);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  m.loadAfter = load();
  m.seconds = (now() - started) / 1000;
  results.machine = m;
  console.log(`\nlscb-report benchmark (${results.mode}${ONLY ? `, only ${[...ONLY].join(', ')}` : ''}), ${m.date}, ${m.seconds.toFixed(0)} s; load average ${m.loadBefore} → ${m.loadAfter} on ${m.cores} cores\n`);
  console.log(table(results.targets, ['measure', 'value', 'target', 'result']));
  console.log(`\n${table(info, ['measure', 'value'])}\n`);
  notes.forEach((n, i) => console.log(`${i + 1}. ${n}`));
  await writeFile(path.join(DATA, `last-run-${results.mode}${ONLY ? `-${[...ONLY].join('-')}` : ''}.json`), `${JSON.stringify(results, null, 2)}\n`);
  if (opts.markdown) {
    const file = path.resolve(opts.markdown);
    const text = await readFile(file, 'utf8');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const a = text.indexOf(start);
    const b = text.indexOf(end);
    if (a < 0 || b < a) throw new Error(`${file} has no ${start} … ${end} markers`);
    await writeFile(file, `${text.slice(0, a + start.length)}\n${markdown(m)}\n${text.slice(b)}`);
    process.stderr.write(`wrote the results into ${path.relative(process.cwd(), file)}\n`);
  }
}

await main();
