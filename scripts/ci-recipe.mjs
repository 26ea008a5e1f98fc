#!/usr/bin/env node
/**
 * Proves the CI recipe in docs/ci.md: takes the GitHub Actions workflow from the page's YAML block, exactly
 * as written, and runs its `run:` steps in a fresh copy of the repository's tracked files, the way GitHub
 * Actions runs `shell: bash`. The `uses:` steps are mapped to what they do here (see MAPPED_ACTIONS).
 *
 *   node scripts/ci-recipe.mjs [--doc docs/ci.md] [--keep]
 *
 * Exit code 0 when every step passed; 1 when a step failed (named on stderr); 2 when the page has no
 * workflow this script can run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** A problem with the recipe itself or with a step, reported without a stack trace. */
class RecipeError extends Error {
  constructor(message, exitCode) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** The workflow in the page: the fenced ```yaml block that has `jobs:`. */
export function workflowFromMarkdown(markdown) {
  const blocks = [...markdown.matchAll(/^```ya?ml\r?\n([\s\S]*?)^```\s*$/gm)].map((m) => m[1]);
  const block = blocks.find((b) => /^jobs:/m.test(b));
  if (!block) throw new RecipeError('the page has no ```yaml block with a `jobs:` key', 2);
  const workflow = parse(block);
  const jobs = Object.entries(workflow?.jobs ?? {});
  if (jobs.length !== 1) throw new RecipeError(`the workflow must have one job; it has ${jobs.length}`, 2);
  const [name, job] = jobs[0];
  if (!Array.isArray(job.steps) || job.steps.length === 0) throw new RecipeError(`job "${name}" has no steps`, 2);
  return { name, job };
}

/** Files matching a pattern relative to `root`: a literal path, or `*` within the last part (`out/*.pdf`). */
function matchFiles(root, pattern) {
  const dir = path.posix.dirname(pattern);
  const base = path.posix.basename(pattern);
  const folder = path.join(root, dir);
  if (!base.includes('*')) return existsSync(path.join(root, pattern)) ? [pattern] : [];
  if (dir.includes('*')) throw new RecipeError(`upload-artifact path "${pattern}": only * in the last part is mapped here`, 2);
  if (!existsSync(folder)) return [];
  const re = new RegExp(`^${base.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
  return readdirSync(folder)
    .filter((f) => re.test(f) && statSync(path.join(folder, f)).isFile())
    .map((f) => path.posix.join(dir, f));
}

/** What each `uses:` action does, done here. */
const MAPPED_ACTIONS = {
  // The workspace already is a copy of the repository's tracked files.
  'actions/checkout': (_step, ctx) => `the workspace ${ctx.workspace} is a copy of the repository's tracked files`,
  'actions/setup-node': (step) => {
    const wanted = String(step.with?.['node-version'] ?? '');
    const major = Number(process.versions.node.split('.')[0]);
    if (wanted && major < Number.parseInt(wanted, 10)) throw new RecipeError(`Node.js ${wanted} wanted, this machine has ${process.versions.node}`, 1);
    return `Node.js ${process.versions.node} on this machine`;
  },
  'actions/upload-artifact': (step, ctx) => {
    const patterns = String(step.with?.path ?? '')
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean);
    if (patterns.length === 0) throw new RecipeError('upload-artifact has no path', 2);
    const into = path.join(ctx.root, 'artifact', String(step.with?.name ?? 'artifact'));
    const files = [];
    for (const pattern of patterns) {
      const found = matchFiles(ctx.workspace, pattern);
      if (found.length === 0) throw new RecipeError(`upload-artifact: no file matches "${pattern}"`, 1);
      files.push(...found);
    }
    for (const file of files) cpSync(path.join(ctx.workspace, file), path.join(into, file));
    return `artifact "${step.with?.name ?? 'artifact'}": ${files.join(', ')} (copied to ${into})`;
  },
};

/** The repository's tracked files, copied into `dest` (what a fresh clone holds). */
function copyTrackedFiles(dest) {
  const listed = spawnSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8' });
  if (listed.status !== 0) throw new RecipeError(`git ls-files failed: ${listed.stderr}`, 2);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    // A tracked file deleted in the working tree is not copied (as in a commit of the working tree).
    if (!existsSync(path.join(REPO, file))) continue;
    mkdirSync(path.dirname(path.join(dest, file)), { recursive: true });
    cpSync(path.join(REPO, file), path.join(dest, file));
  }
}

const stringEnv = (env) => Object.fromEntries(Object.entries(env ?? {}).map(([k, v]) => [k, String(v)]));

/** Run the workflow of `docPath`; returns the exit code. */
export function runRecipe({ docPath = path.join(REPO, 'docs/ci.md'), keep = false, log = (t) => process.stdout.write(t) } = {}) {
  const { name, job } = workflowFromMarkdown(readFileSync(docPath, 'utf8'));
  const shell = job.defaults?.run?.shell ?? 'bash';
  if (shell !== 'bash') throw new RecipeError(`the job's shell is "${shell}"; only bash is mapped here`, 2);
  if (job.container) {
    const image = typeof job.container === 'string' ? job.container : job.container.image;
    if (!existsSync('/etc/debian_version')) throw new RecipeError(`the job runs in ${image}; this machine, standing in for it, is not Debian`, 2);
    log(`container ${image}: this machine stands in for it (Debian ${readFileSync('/etc/debian_version', 'utf8').trim()}, Node.js ${process.versions.node})\n`);
  }
  const root = mkdtempSync(path.join(tmpdir(), 'lscb-ci-recipe-'));
  const workspace = path.join(root, 'workspace');
  try {
    copyTrackedFiles(workspace);
    const jobEnv = stringEnv(job.env);
    for (const [index, step] of job.steps.entries()) {
      const label = step.name ?? step.uses ?? step.run?.split('\n')[0] ?? `step ${index + 1}`;
      log(`\n=== ${index + 1}. ${label}\n`);
      if (step.if !== undefined) throw new RecipeError(`step "${label}": "if:" is not mapped here`, 2);
      if (step.uses) {
        const action = String(step.uses).split('@')[0];
        const mapped = MAPPED_ACTIONS[action];
        if (!mapped) throw new RecipeError(`step "${label}": ${step.uses} has no local mapping`, 2);
        log(`${step.uses}: ${mapped(step, { root, workspace })}\n`);
        continue;
      }
      if (typeof step.run !== 'string') throw new RecipeError(`step "${label}" has neither run: nor uses:`, 2);
      const script = path.join(root, `step-${index + 1}.sh`);
      writeFileSync(script, step.run);
      const cwd = step['working-directory'] ? path.join(workspace, step['working-directory']) : workspace;
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
        cwd,
        env: { ...process.env, CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, ...jobEnv, ...stringEnv(step.env) },
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      log(result.stdout);
      if (result.stderr) log(result.stderr);
      if (result.error) throw new RecipeError(`step "${label}" could not start: ${result.error.message}`, 1);
      if (result.status !== 0) throw new RecipeError(`step "${label}" failed with exit code ${result.status ?? result.signal}`, 1);
    }
    log(`\nCI recipe of ${path.relative(REPO, docPath) || docPath} (job "${name}"): all ${job.steps.length} steps passed.\n`);
    return 0;
  } finally {
    if (keep) log(`Kept ${root}\n`);
    else rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const docIndex = args.indexOf('--doc');
  try {
    process.exitCode = runRecipe({ docPath: docIndex >= 0 ? path.resolve(args[docIndex + 1]) : undefined, keep: args.includes('--keep') });
  } catch (error) {
    if (!(error instanceof RecipeError)) throw error;
    process.stderr.write(`ci-recipe: ${error.message}\n`);
    process.exitCode = error.exitCode;
  }
}
