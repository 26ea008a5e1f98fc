/**
 * Reproducible builds: the same inputs give byte-identical HTML, PDF, JSON and CSV, built into different
 * folders at different times; the PDF's CreationDate and ModDate are SOURCE_DATE_EPOCH when it is set,
 * else the publication date in board.yaml; and nothing in src/ reads the clock or a random source except
 * where this file says why that cannot reach an output.
 *
 * The PDF half needs a browser: skipped locally without one, failing in CI (see test/pdf/support.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../cli/helpers.js';
import { describeWithBrowser, pdfInfo, testBrowserPath } from '../pdf/support.js';
import { SAMPLE_DIR } from '../report/sample.js';
import { enableSuppression, outputNames, scratchSpace } from './support.js';

const space = scratchSpace();
afterAll(() => space.cleanup());

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** sha256 of each file a build wrote, by kind. */
function hashes(dir: string, edition: 'published' | 'internal' = 'published'): Record<string, string> {
  const names = outputNames(edition);
  const out: Record<string, string> = {};
  for (const [kind, name] of Object.entries(names)) {
    const file = path.join(dir, name);
    try {
      if (statSync(file).isFile()) out[kind] = sha256(file);
    } catch {
      // not written (e.g. --format html has no PDF)
    }
  }
  return out;
}

async function build(data: string, extra: string[], env: Record<string, string | undefined> = {}): Promise<string> {
  const out = space.dir('lscb-repro-');
  const r = await runCli(['build', '2012-13', '--data', data, '--out', out, ...extra], { env: { PATH: process.env.PATH, ...env } });
  if (r.code !== 0) throw new Error(`build failed (${r.code}): ${r.stderr}`);
  return out;
}

/** 29 August 2013, the sample's publication date, as SOURCE_DATE_EPOCH. */
const PUBLICATION_EPOCH = String(Date.UTC(2013, 7, 29) / 1000);
/** Another moment: 13 May 2014 16:53:20 UTC. */
const OTHER_EPOCH = '1400000000';

describe('HTML, JSON and CSV (no browser)', () => {
  it('are byte-identical when built twice into different folders, and do not depend on SOURCE_DATE_EPOCH when board.yaml dates the report', async () => {
    const a = hashes(await build(SAMPLE_DIR, ['--format', 'html']));
    const b = hashes(await build(SAMPLE_DIR, ['--format', 'html']));
    const c = hashes(await build(SAMPLE_DIR, ['--format', 'html'], { SOURCE_DATE_EPOCH: OTHER_EPOCH }));
    expect(Object.keys(a).sort()).toEqual(['csv', 'html', 'json']);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('are the same whatever the clock says', async () => {
    const atTime = async (iso: string) => {
      vi.useFakeTimers({ now: new Date(iso), toFake: ['Date'] });
      try {
        return hashes(await build(SAMPLE_DIR, ['--format', 'html']));
      } finally {
        vi.useRealTimers();
      }
    };
    const early = await atTime('2013-09-01T09:00:00Z');
    const late = await atTime('2031-12-31T23:59:59Z');
    expect(late).toEqual(early);
  });

  it('the published edition with suppression, and the internal edition, are reproducible too', async () => {
    const board = space.board();
    enableSuppression(board);
    expect(hashes(await build(board, ['--format', 'html']))).toEqual(hashes(await build(board, ['--format', 'html'])));
    const internal = ['--format', 'html', '--edition', 'internal'];
    expect(hashes(await build(board, internal), 'internal')).toEqual(hashes(await build(board, internal), 'internal'));
  });
});

describeWithBrowser('the PDF (real browser)', () => {
  let plain: [string, string];
  let withEpoch: [string, string];
  let atPublication: string;

  beforeAll(async () => {
    const browser = ['--browser', testBrowserPath()];
    plain = [await build(SAMPLE_DIR, browser), await build(SAMPLE_DIR, browser)];
    withEpoch = [await build(SAMPLE_DIR, browser, { SOURCE_DATE_EPOCH: OTHER_EPOCH }), await build(SAMPLE_DIR, browser, { SOURCE_DATE_EPOCH: OTHER_EPOCH })];
    atPublication = await build(SAMPLE_DIR, browser, { SOURCE_DATE_EPOCH: PUBLICATION_EPOCH });
  }, 900_000);

  it('is byte-identical when built twice, with or without SOURCE_DATE_EPOCH, as are the other files', () => {
    expect(Object.keys(hashes(plain[0])).sort()).toEqual(['csv', 'html', 'json', 'pdf']);
    expect(hashes(plain[1])).toEqual(hashes(plain[0]));
    expect(hashes(withEpoch[1])).toEqual(hashes(withEpoch[0]));
  });

  it('takes its dates from board.yaml without SOURCE_DATE_EPOCH, and from SOURCE_DATE_EPOCH when set', () => {
    const pdf = (dir: string) => path.join(dir, outputNames().pdf);
    const plainInfo = pdfInfo(pdf(plain[0]));
    expect(plainInfo.CreationDate).toBe('2013-08-29T00:00:00Z');
    expect(plainInfo.ModDate).toBe('2013-08-29T00:00:00Z');
    const epochInfo = pdfInfo(pdf(withEpoch[0]));
    expect(epochInfo.CreationDate).toBe('2014-05-13T16:53:20Z');
    expect(epochInfo.ModDate).toBe('2014-05-13T16:53:20Z');
    // Only the dates (and the /ID derived from the bytes) differ: at the publication date the bytes are the same.
    expect(hashes(withEpoch[0]).pdf).not.toBe(hashes(plain[0]).pdf);
    expect(hashes(atPublication)).toEqual(hashes(plain[0]));
  });
});

/**
 * Every read of the clock or of a random source in src/, and why it cannot make two builds differ. A new
 * one fails this test until it is justified here (or removed).
 */
const CLOCK_ALLOWED: Record<string, string> = {
  'src/cli/commands/init.ts': '`init` picks the default year of a new board folder from today; it writes no report.',
  'src/cli/commands/preview.ts': 'the preview server stamps its terminal log lines with the time; it writes no file.',
  'src/preview/preview-session.ts': 'the preview measures how long a render took, for its terminal log.',
  'src/io/atomic-write.ts': 'temporary file names (renamed over the target), never part of a file’s content.',
  'src/doctor/check-output.ts': '`doctor` names a probe file it deletes at once.',
};

const CLOCK = /\bnew Date\(\s*\)|(?<![\w.])Date\(\s*\)|\bDate\.now\(|\bperformance\.now\(|\bMath\.random\(|\bprocess\.hrtime|\brandomUUID\(|\brandomBytes\(|\bgetRandomValues\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('no clock in the build', () => {
  it('reads the clock or a random source only where it cannot reach an output', () => {
    const files = sourceFiles('src');
    expect(files.length).toBeGreaterThan(50);
    const found = new Set<string>();
    for (const file of files) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line) => {
        if (/^\s*(\/\/|\*)/.test(line)) return;
        if (CLOCK.test(line)) found.add(`${file.split(path.sep).join('/')}`);
      });
    }
    const unexplained = [...found].filter((f) => !(f in CLOCK_ALLOWED));
    expect(unexplained, 'clock or randomness in these files: justify in CLOCK_ALLOWED or remove').toEqual([]);
    // The scan does find what it looks for.
    expect(found.has('src/io/atomic-write.ts')).toBe(true);
    expect(CLOCK.test('const d = new Date();')).toBe(true);
    expect(CLOCK.test('const d = new Date(`${iso}T00:00:00Z`);')).toBe(false);
  });
});
