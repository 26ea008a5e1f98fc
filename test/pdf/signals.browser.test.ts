/**
 * SIGTERM or SIGINT while the PDF is printing ends the run as an abort: exit code 143 or 130 (not 4, "the
 * browser crashed"), the browser closed and its profile folder removed, no PDF written, and `build --all`
 * stops instead of going on to the next year. Runs the built CLI with a real browser (skipped locally
 * without one, failing in CI).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserPids, requireFreshDist, startCli } from '../hostile/support/cli-process.js';
import { SAMPLE_DIR } from '../report/sample.js';
import { describeWithBrowser, testBrowserPath } from './support.js';

const work = mkdtempSync(path.join(tmpdir(), 'lscb-signals-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describeWithBrowser('signals during printing', () => {
  let board: string;
  beforeAll(() => {
    requireFreshDist();
    board = path.join(work, 'board');
    cpSync(SAMPLE_DIR, board, { recursive: true });
    // A second year after the first, so `build --all` would have more to do.
    cpSync(path.join(board, '2012-13'), path.join(board, '2013-14'), { recursive: true });
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s ends build --all with exit %i, closes the browser, removes its profile, writes no PDF', async (signal, code) => {
    const out = path.join(work, `out-${signal}`);
    const run = startCli(['build', '--all', '--data', board, '--out', out, '--browser', testBrowserPath()], { deadlineMs: 120_000 });
    await run.waitForStderr(/Printing the PDF/);
    // Signal once the browser is running, so the abort has a browser and a profile to clean up.
    for (let i = 0; i < 200 && browserPids(run.child.pid!).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(browserPids(run.child.pid!).length, 'the browser started').toBeGreaterThan(0);
    run.child.kill(signal);
    const ended = await run.exited;
    expect(ended.code, run.stderr).toBe(code);
    expect(run.stderr).toContain(`stopped by ${signal}`);
    expect(run.stderr).not.toMatch(/crashed|could not be printed/);
    expect(run.stderr).not.toContain('== 2013-14 ==');
    const profiles = readdirSync(tmpdir()).filter((n) => n.startsWith(`lscb-report-browser-${run.child.pid}-`));
    expect(profiles).toEqual([]);
    const written = existsSync(out) ? readdirSync(out, { recursive: true }).map(String) : [];
    expect(written.filter((f) => f.endsWith('.pdf'))).toEqual([]);
  }, 150_000);
});
