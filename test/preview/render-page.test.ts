/** One preview render: the built report exactly, or a findings page saying why not. */
import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPreviewPage } from '../../src/preview/render-page.js';
import { runCli } from '../cli/helpers.js';
import { copySample } from '../report/sample.js';
import { rewordTypedSmallCounts } from '../trust/support.js';

describe('renderPreviewPage', () => {
  let board: ReturnType<typeof copySample>;
  beforeAll(() => {
    board = copySample();
    // With suppression on, the published edition refuses the small counts the sample's narrative types.
    rewordTypedSmallCounts(board.dir);
  });
  afterAll(() => board?.remove());

  for (const suppress of [false, true]) {
    it(`gives byte for byte the HTML that build writes (published edition, suppression ${suppress ? 'on' : 'off'})`, async () => {
      const out = mkdtempSync(path.join(tmpdir(), 'lscb-preview-build-'));
      const config = path.join(board.dir, 'board.yaml');
      const original = readFileSync(config, 'utf8');
      writeFileSync(config, original.replace(/suppress: false/, `suppress: ${suppress}`));
      try {
        const built = await runCli(['build', '2012-13', '--data', board.dir, '--out', out, '--format', 'html']);
        expect(built.code).toBe(0);
        const page = await renderPreviewPage(board.dir, '2012-13');
        expect(page.kind).toBe('report');
        expect(page.findings).toEqual([]);
        expect(page.boardName).toBe('Calderdale Safeguarding Children Board');
        expect(page.html.includes('[c]')).toBe(suppress);
        expect(page.html).toBe(readFileSync(path.join(out, 'calderdale-safeguarding-children-board-annual-report-2012-13.html'), 'utf8'));
      } finally {
        writeFileSync(config, original);
        rmSync(out, { recursive: true, force: true });
      }
    });
  }

  it('uses the board’s stylesheet override', async () => {
    mkdirSync(path.join(board.dir, 'templates'), { recursive: true });
    const css = readFileSync(path.join('templates', 'default', 'report.css'), 'utf8');
    writeFileSync(path.join(board.dir, 'templates', 'report.css'), `${css}\n/* board override marker */\n`);
    const page = await renderPreviewPage(board.dir, '2012-13');
    expect(page.kind).toBe('report');
    expect(page.html).toContain('/* board override marker */');
    rmSync(path.join(board.dir, 'templates'), { recursive: true, force: true });
  });

  it('lists a narrative figure that does not exist, with its file and line', async () => {
    const file = path.join(board.dir, '2012-13', 'narrative', 'training.md');
    const original = readFileSync(file, 'utf8');
    appendFileSync(file, '\nWe trained {{value "training.no_such_figure"}} people.\n');
    try {
      const page = await renderPreviewPage(board.dir, '2012-13');
      expect(page.kind).toBe('findings');
      const errors = page.findings.filter((f) => f.severity === 'error');
      expect(errors.map((f) => [f.file, f.value ?? null])).toEqual([['2012-13/narrative/training.md', 'training.no_such_figure']]);
      expect(page.html).toContain('training.no_such_figure');
    } finally {
      writeFileSync(file, original);
    }
  });

  it('refuses to show a report that would print a case reference, without repeating it', async () => {
    const file = path.join(board.dir, '2012-13', 'narrative', 'allegations.md');
    const original = readFileSync(file, 'utf8');
    appendFileSync(file, '\nThe referral L-0004 was the longest.\n');
    try {
      const page = await renderPreviewPage(board.dir, '2012-13');
      expect(page.kind).toBe('findings');
      expect(page.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.file, f.value])).toEqual([
        ['case-reference-in-output', '2012-13/narrative/allegations.md', '(withheld)'],
      ]);
      expect(page.html).not.toContain('L-0004');
    } finally {
      writeFileSync(file, original);
    }
  });

  it('says so when the year folder has gone', async () => {
    renameSync(path.join(board.dir, '2012-13'), path.join(board.dir, 'moved'));
    try {
      const page = await renderPreviewPage(board.dir, '2012-13');
      expect(page.kind).toBe('findings');
      expect(page.findings.map((f) => f.code)).toContain('year-folder-missing');
      expect(page.html).toContain('There is no folder for 2012-13 in the board folder.');
    } finally {
      renameSync(path.join(board.dir, 'moved'), path.join(board.dir, '2012-13'));
    }
  });
});
