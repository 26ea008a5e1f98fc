/**
 * The CI recipe in docs/ci.md (issue 14): its workflow has the steps a board needs, and
 * scripts/ci-recipe.mjs runs them here exactly as written: Chromium, `npm ci`, `validate --strict`, a
 * build, a second build whose bytes must match, and the PDF as the artifact. Doctored recipes show the
 * runner and the reproducibility check fail when they should.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, with no type declarations
import { workflowFromMarkdown } from '../../scripts/ci-recipe.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPT = path.join(REPO, 'scripts/ci-recipe.mjs');
const DOC = path.join(REPO, 'docs/ci.md');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  container?: string;
  env?: Record<string, string>;
  steps: Step[];
}

const { job } = workflowFromMarkdown(readFileSync(DOC, 'utf8')) as { name: string; job: Job };
const runs = job.steps.filter((s) => s.run).map((s) => s.run!);
const stepRunning = (pattern: RegExp) => job.steps.find((s) => s.run && pattern.test(s.run));

const scratch = mkdtempSync(path.join(tmpdir(), 'lscb-ci-recipe-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Run the recipe script on a page holding `job` as its workflow. */
function runRecipeOf(jobToRun: Job) {
  const doc = path.join(scratch, `ci-${Math.random().toString(36).slice(2)}.md`);
  writeFileSync(doc, `# A doctored recipe\n\n\`\`\`yaml\n${stringify({ name: 'doctored', on: { push: null }, jobs: { report: jobToRun } })}\`\`\`\n`);
  return spawnSync(process.execPath, [SCRIPT, '--doc', doc], { cwd: REPO, encoding: 'utf8' });
}

describe('the workflow in docs/ci.md', () => {
  it('has the steps a board needs, in order', () => {
    const uses = job.steps.map((s) => s.uses?.split('@')[0]).filter(Boolean);
    expect(uses).toEqual(['actions/checkout', 'actions/upload-artifact']);
    expect(job.steps[0]!.uses).toMatch(/^actions\/checkout@/);
    const order = [/apt-get install .*chromium/, /^npm ci\b/, /lscb-report validate .*--strict/, /lscb-report build /, /sha256sum --check/];
    const at = order.map((p) => runs.findIndex((r) => p.test(r)));
    expect(at.every((i) => i >= 0), `steps found at ${at.join(', ')}`).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(stepRunning(/^npm ci\b/)!.env).toEqual({ PUPPETEER_SKIP_DOWNLOAD: '1' });
    const upload = job.steps.at(-1)!;
    expect(upload.uses).toMatch(/^actions\/upload-artifact@/);
    expect(upload.with!.path).toMatch(/^out\/\*\.pdf$/m);
    expect(upload.with!['if-no-files-found']).toBe('error');
  });

  it('builds the sample board, which has no findings, so validate --strict passes on it', () => {
    expect(job.env).toMatchObject({ BOARD: 'data-samples/calderdale', YEAR: '2012-13' });
  });
});

describe('scripts/ci-recipe.mjs fails when a step fails', () => {
  it('a failing run: step stops the recipe and is named', () => {
    const result = runRecipeOf({ steps: [{ uses: 'actions/checkout@v4' }, { name: 'Broken', run: 'echo before\nexit 3\necho never' }, { name: 'Later', run: 'echo later' }] });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('step "Broken" failed with exit code 3');
    expect(result.stdout).toContain('before');
    expect(result.stdout).not.toContain('never');
    expect(result.stdout).not.toContain('later');
  });

  it('a pipeline that fails early fails the step (bash -o pipefail, as GitHub Actions runs it)', () => {
    const result = runRecipeOf({ steps: [{ name: 'Pipe', run: 'false | cat' }] });
    expect(result.status).toBe(1);
  });

  it("the recipe's reproducibility check fails when a rebuilt file differs", () => {
    const check = stepRunning(/sha256sum --check/)!;
    const lines = check.run!.split('\n').filter((l) => !/lscb-report build/.test(l));
    const result = runRecipeOf({
      steps: [{ name: 'Two builds that differ', run: 'mkdir out rebuilt\necho 1 > out/report.pdf\necho 2 > rebuilt/report.pdf' }, { name: check.name, run: lines.join('\n') }],
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('report.pdf: FAILED');
    expect(result.stderr).toContain(`step "${check.name}" failed`);
  });

  it('an artifact path that matches nothing fails; an action with no local mapping is refused', () => {
    const upload = job.steps.at(-1)!;
    expect(runRecipeOf({ steps: [upload] }).stderr).toMatch(/upload-artifact: no file matches "out\/\*\.pdf"/);
    const unknown = runRecipeOf({ steps: [{ uses: 'someone/deploy@v1' }] });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('has no local mapping');
  });
});

describe('the recipe, run here exactly as written', () => {
  it(
    'installs, validates, builds twice with the same bytes, and uploads the PDF',
    () => {
      const result = spawnSync(process.execPath, [SCRIPT], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
      expect(result.stdout).toContain(`all ${job.steps.length} steps passed`);
      expect(result.stdout).toContain('2012-13: 0 errors, 0 warnings: valid.');
      // Every file of the second build has the first build's SHA-256: the HTML, the PDF, the JSON and the CSV.
      const checked = result.stdout.split('\n').filter((l) => /: OK$/.test(l));
      expect(checked.map((l) => path.extname(l.replace(/: OK$/, ''))).sort()).toEqual(['.csv', '.html', '.json', '.pdf']);
      expect(result.stdout).toMatch(/artifact "annual-report": out\/[^,\n]+\.pdf, report\.sha256/);
    },
    1_800_000,
  );
});
