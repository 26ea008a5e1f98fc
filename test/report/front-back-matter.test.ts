/**
 * Front and back matter from board.yaml: a logo embedded on the cover (never fetched), an inside cover from
 * a Markdown file, a back page with the contact details; and the located findings for a logo or inside
 * cover file that is missing, not an image, or too large.
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assembleReport } from '../../src/report/build-report.js';
import { runCli } from '../cli/helpers.js';
import { copySample, loadSample } from './sample.js';

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n';

const SETTINGS = `
logo:
  file: images/logo.png
  alt: Calderdale Safeguarding Children Board
insideCover: inside-cover.md
backPage:
  address: |
    Calderdale Safeguarding Children Board
    Westgate House
    Halifax HX1 1PS
  telephone: 01422 000000
  email: cscb@example.org
  website: https://www.example.org/cscb
  text: This report is available in large print and other languages on request.
`;

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function sample(settings = SETTINGS, files: Record<string, string | Buffer> = { 'images/logo.png': PNG, 'inside-cover.md': 'Published by Calderdale Safeguarding Children Board, August 2013.\n\nApproved by the board on 18 July 2013.\n' }): string {
  const c = copySample();
  cleanups.push(c.remove);
  appendFileSync(path.join(c.dir, 'board.yaml'), settings);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(c.dir, rel)), { recursive: true });
    writeFileSync(path.join(c.dir, rel), content);
  }
  return c.dir;
}

/** board.yaml's line holding `text` (1-based). */
function lineOf(dir: string, text: string): number {
  return readFileSync(path.join(dir, 'board.yaml'), 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
}

async function findingsFor(dir: string): Promise<{ code: number; findings: Record<string, unknown>[] }> {
  const r = await runCli(['validate', '2012-13', '--data', dir, '--format', 'json']);
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: Record<string, unknown>[] }).findings };
}

describe('logo, inside cover and back page', () => {
  it('embed the logo as a data URI with its alternative text, and print the inside cover and back page', async () => {
    const dir = sample();
    const s = await loadSample(dir);
    expect(s.board.findings).toEqual([]);
    const { model, html } = await assembleReport(s.board, s.data, s.indicators);
    expect(model.matter.logo).toEqual({ src: `data:image/png;base64,${PNG.toString('base64')}`, alt: 'Calderdale Safeguarding Children Board' });
    // Handlebars writes "=" as "&#x3D;" in an attribute, which a browser reads back as "=".
    expect(html.replace(/&#x3D;/g, '=')).toContain(`<p class="cover-logo"><img src="data:image/png;base64,${PNG.toString('base64')}" alt="Calderdale Safeguarding Children Board"></p>`);
    // The inside cover comes straight after the cover, before the contents.
    const inside = html.indexOf('<section class="inside-cover"');
    expect(inside).toBeGreaterThan(html.indexOf('<header class="cover-page">'));
    expect(inside).toBeLessThan(html.indexOf('<nav class="contents-page"'));
    expect(html).toContain('<p>Approved by the board on 18 July 2013.</p>');
    // The back page comes after the last section.
    const back = html.indexOf('<footer class="back-page"');
    expect(back).toBeGreaterThan(html.indexOf('</main>'));
    expect(html.slice(back)).toContain('Calderdale Safeguarding Children Board<br>Westgate House<br>Halifax HX1 1PS');
    expect(html.slice(back)).toContain('<a href="mailto:cscb@example.org">cscb@example.org</a>');
    expect(html.slice(back)).toContain('<a href="https://www.example.org/cscb">https://www.example.org/cscb</a>');
    expect(html.slice(back)).toContain('available in large print and other languages on request');
    // Nothing is fetched: the only image source is the data URI.
    for (const m of html.matchAll(/\ssrc="([^"]+)"/g)) expect(m[1]).toMatch(/^data:image\//);
  });

  it('an SVG logo is embedded as SVG', async () => {
    const dir = sample(SETTINGS.replace('images/logo.png', 'logo.svg'), { 'logo.svg': SVG, 'inside-cover.md': 'x' });
    const s = await loadSample(dir);
    expect(s.board.findings).toEqual([]);
    const { model } = await assembleReport(s.board, s.data, s.indicators);
    expect(model.matter.logo?.src.startsWith('data:image/svg+xml;base64,')).toBe(true);
  });

  it('without the settings there is no logo, inside cover or back page', async () => {
    const s = await loadSample();
    const { model, html } = await assembleReport(s.board, s.data, s.indicators);
    expect(model.matter).toEqual({ logo: null, insideCoverHtml: '', backPage: null });
    expect(html).not.toContain('class="inside-cover"');
    expect(html).not.toContain('class="back-page"');
  });
});

describe('validate on the front and back matter', () => {
  it('a missing logo or inside cover file is an error at its line in board.yaml', async () => {
    const dir = sample(SETTINGS, {});
    const { code, findings } = await findingsFor(dir);
    expect(code).toBe(1);
    expect(findings.filter((f) => f.file === 'board.yaml').map((f) => [f.code, f.row, f.column, f.value])).toEqual([
      ['matter-file-missing', lineOf(dir, 'file: images/logo.png'), 'logo.file', 'images/logo.png'],
      ['matter-file-missing', lineOf(dir, 'insideCover:'), 'insideCover', 'inside-cover.md'],
    ]);
  });

  it('a logo that is not an image, or too large, is an error at its line', async () => {
    const notImage = sample(SETTINGS, { 'images/logo.png': 'this is not a picture', 'inside-cover.md': 'x' });
    const a = await findingsFor(notImage);
    expect(a.findings.filter((f) => f.file === 'board.yaml').map((f) => [f.code, f.row])).toEqual([['logo-not-image', lineOf(notImage, 'file: images/logo.png')]]);

    const big = sample(SETTINGS, { 'images/logo.png': Buffer.concat([PNG, Buffer.alloc(600 * 1024)]), 'inside-cover.md': 'x' });
    const b = await findingsFor(big);
    expect(b.findings.filter((f) => f.file === 'board.yaml').map((f) => [f.code, f.row])).toEqual([['logo-too-large', lineOf(big, 'file: images/logo.png')]]);
    expect(String(b.findings.find((f) => f.code === 'logo-too-large')!.message)).toMatch(/is 60\d KB; a logo may be at most 512 KB/);
  });

  it('a logo without alternative text is refused at its line', async () => {
    const dir = sample(SETTINGS.replace('  alt: Calderdale Safeguarding Children Board\n', ''), { 'images/logo.png': PNG, 'inside-cover.md': 'x' });
    const { code, findings } = await findingsFor(dir);
    expect(code).toBe(1);
    expect(findings.filter((f) => f.file === 'board.yaml').map((f) => [f.code, f.column])).toEqual([['config-invalid', 'logo.alt']]);
  });

  it('a logo outside the board folder is never read', async () => {
    const dir = sample(SETTINGS.replace('images/logo.png', '../../etc/passwd'), { 'inside-cover.md': 'x' });
    const { findings } = await findingsFor(dir);
    expect(findings.filter((f) => f.file === 'board.yaml').map((f) => f.code)).toEqual(['file-outside-board']);
  });
});
