/**
 * `doctor` with the real browser: it must start, print one page and embed fonts. Runs whenever a browser
 * is found; with CI=true it runs even without one, and then fails rather than skips.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPdfFonts } from '../../src/doctor/pdf-fonts.js';
import { TEST_PAGE_HTML } from '../../src/doctor/check-browser.js';
import { BrowserSession } from '../../src/pdf/browser-session.js';
import { findBrowser } from '../../src/pdf/find-browser.js';
import { runCli } from '../cli/helpers.js';

const browser = findBrowser();
const mustRun = process.env.CI === 'true' || browser !== null;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'lscb-doctor-browser-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe.skipIf(!mustRun)('lscb-report doctor with the real browser', () => {
  it('passes every check and exits 0 on this machine', async () => {
    const out = path.join(work, 'out');
    const r = await runCli(['doctor', '--out', out, '--data', 'data-samples/calderdale'], { env: process.env });
    expect(r.stdout).toContain('Ready: this machine can build a report.');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => /^[✓✗-] /.test(l));
    expect(lines.map((l) => l.slice(0, 1))).toEqual(['✓', '✓', '✓', '✓', '✓', '✓']);
    expect(r.stdout).toContain('✓ Browser prints: started the browser and printed a one-page test PDF');
    expect(r.stdout).toMatch(/✓ Fonts: text renders/);
    // The output folder it created to test is gone again.
    expect(await readdir(work)).toEqual([]);
  });

  it('exits 6 when only the output folder is unwritable', async () => {
    await writeFile(path.join(work, 'file'), 'x');
    const r = await runCli(['doctor', '--out', path.join(work, 'file', 'out'), '--format', 'json'], { env: process.env });
    expect(r.code).toBe(6);
    const json = JSON.parse(r.stdout) as { checks: { id: string; status: string }[] };
    expect(json.checks.filter((c) => c.status !== 'pass').map((c) => c.id)).toEqual(['output']);
    await rm(path.join(work, 'file'));
  });

  it('reads back the fonts the browser embedded in the test page', async () => {
    const session = await BrowserSession.launch(browser!.path);
    try {
      const pdf = await session.printPdf(TEST_PAGE_HTML, { title: 't', author: 'a', date: new Date(Date.UTC(2000, 0, 1)) });
      const fonts = await listPdfFonts(pdf);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((f) => f.embedded)).toBe(true);
    } finally {
      await session.close();
    }
  });
});
