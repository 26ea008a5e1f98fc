import { appendFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleReport } from '../../src/report/build-report.js';
import { TemplateError, loadTemplate } from '../../src/report/templates.js';
import { copySample, loadSample, type Loaded } from './sample.js';

let sample: Loaded;
let html: string;

beforeAll(async () => {
  sample = await loadSample();
  html = (await assembleReport(sample.board, sample.data, sample.indicators)).html;
});

/** Every URL the document would load: src, href on link/script, url() in CSS, srcset. */
function loadedResources(doc: string): string[] {
  const found: string[] = [];
  for (const m of doc.matchAll(/\s(?:src|srcset|data|poster|background)\s*=\s*["']?([^"'\s>]+)/gi)) found.push(m[1]!);
  for (const m of doc.matchAll(/<link\b[^>]*href\s*=\s*["']?([^"'\s>]+)/gi)) found.push(m[1]!);
  for (const m of doc.matchAll(/url\(\s*["']?([^"')]+)/gi)) if (!m[1]!.startsWith('#') && !m[1]!.startsWith('data:')) found.push(m[1]!);
  for (const m of doc.matchAll(/@import/gi)) found.push(m[0]);
  return found;
}

describe('report HTML', () => {
  it('is one self-contained document: language, inline CSS, inline SVG, no script, nothing loaded', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('<style>');
    expect(html).toMatch(/<svg[^>]*aria-hidden="true"/);
    expect(html).not.toMatch(/<script/i);
    expect(loadedResources(html)).toEqual([]);
    // Links to outside (mailto, the web) may appear in narrative, but nothing is fetched.
    for (const m of html.matchAll(/href="([^"]+)"/g)) expect(m[1]).toMatch(/^(#|mailto:|https?:)/);
  });

  it('has a contents entry with a page placeholder for every section, pointing at its heading', () => {
    for (const s of sample.board.sections) {
      expect(html).toContain(`<a class="toc-title" href="#section-${s.id}">`);
      expect(html).toContain(`<span class="toc-page" data-toc-target="section-${s.id}">00</span>`);
      expect(html).toMatch(new RegExp(`<h2 id="section-${s.id}" class="section-title">`));
    }
  });

  it('has tables with captions, scoped headers, right-aligned numbers and totals in tfoot', () => {
    const lado = /<table id="table-lado-source">[\s\S]*?<\/table>/.exec(html)![0];
    expect(lado).toContain('<caption id="table-lado-source-caption">Source of referrals to the LADO, 2012-13</caption>');
    expect(lado).toContain('<th scope="col"');
    expect(lado).toMatch(/<th scope="row">Police<\/th>\s*<td class="num">25<\/td>/);
    expect(lado).toMatch(/<tfoot>\s*<tr><th scope="row">Total<\/th>\s*<td class="num">144<\/td>\s*<\/tr>/);
    expect(html).toMatch(/<div class="table-wrap" role="region" aria-labelledby="table-lado-source-caption" tabindex="0">/);
  });

  it('puts each chart in a figure with a text alternative', () => {
    expect(html).toMatch(/<figure class="chart" id="fig-chart-lado-by-year" aria-label="[^"]*2012-13 144[^"]*">\s*<figcaption>[^<]+<\/figcaption>\s*<div class="chart-image"[^>]*><svg[^>]*aria-hidden="true"/);
    expect(html).toMatch(/<figure class="chart" id="fig-chart-training-agency" aria-label="Bar chart of participants/);
  });

  it('shows the date from board.yaml, never the clock, and is the same every time', async () => {
    expect(html).toContain('Published 29 August 2013');
    const again = (await assembleReport(sample.board, sample.data, sample.indicators)).html;
    expect(again).toBe(html);
  });

  it('keeps a hostile agency name and narrative inert', async () => {
    const copy = copySample();
    try {
      const year = path.join(copy.dir, '2012-13');
      appendFileSync(path.join(year, 'section-11-audit.csv'), '"<script>alert(1)</script><img src=x onerror=alert(2)>",x,,,,\n');
      appendFileSync(path.join(year, 'board-members.csv'), '"Eve <b onmouseover=alert(3)>",Chair"><script>x</script>,"Agency </style><script>y</script>",,\n');
      appendFileSync(path.join(year, 'narrative', 'foreword.md'), '\n\n<script>alert(4)</script>\n\nText <img src=x onerror="alert(5)"> and [click](javascript:alert(6)).\n');
      const s = await loadSample(copy.dir);
      const out = (await assembleReport(s.board, s.data, s.indicators)).html;
      expect(out).not.toMatch(/<script/i);
      expect(out).not.toMatch(/<img/i);
      expect(out).not.toMatch(/<[^>]*\son(error|mouseover)=/i);
      expect(out).not.toContain('javascript:');
      expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(out).toContain('&lt;script&gt;alert(4)&lt;/script&gt;');
      expect(out.match(/<\/style>/g)).toHaveLength(3); // report, print, glance
    } finally {
      copy.remove();
    }
  });
});

describe('board template overrides', () => {
  it('uses the board’s own partial and stylesheet', async () => {
    const copy = copySample();
    try {
      mkdirSync(path.join(copy.dir, 'templates', 'partials'), { recursive: true });
      writeFileSync(
        path.join(copy.dir, 'templates', 'partials', 'foreword.hbs'),
        '{{#> section-frame}}<p class="board-own">Our own foreword partial for {{@root.board.name}}</p>{{/section-frame}}\n',
      );
      writeFileSync(path.join(copy.dir, 'templates', 'report.css'), 'body { color: #123456; }\n');
      const s = await loadSample(copy.dir);
      const r = await assembleReport(s.board, s.data, s.indicators);
      expect(r.overridden.sort()).toEqual(['foreword', 'report.css']);
      expect(r.html).toContain('<p class="board-own">Our own foreword partial for Calderdale Safeguarding Children Board</p>');
      expect(r.html).toContain('body { color: #123456; }');
      expect(r.html).not.toContain('--accent-dark');
    } finally {
      copy.remove();
    }
  });

  it('refuses a template folder outside the board folder', async () => {
    const copy = copySample();
    try {
      await expect(loadTemplate(copy.dir, '../elsewhere')).rejects.toMatchObject({ code: 'template-path-escape' });
      await expect(loadTemplate(copy.dir, '/etc')).rejects.toBeInstanceOf(TemplateError);
    } finally {
      copy.remove();
    }
  });

  it('refuses a partial or stylesheet that links outside the board folder', async () => {
    const copy = copySample();
    try {
      const outside = path.join(path.dirname(copy.dir), 'secret.hbs');
      writeFileSync(outside, 'SECRET CONTENT');
      mkdirSync(path.join(copy.dir, 'templates', 'partials'), { recursive: true });
      symlinkSync(outside, path.join(copy.dir, 'templates', 'partials', 'foreword.hbs'));
      await expect(loadTemplate(copy.dir)).rejects.toMatchObject({ code: 'template-path-escape' });

      const copy2 = copySample();
      try {
        symlinkSync(path.dirname(copy.dir), path.join(copy2.dir, 'templates'));
        await expect(loadTemplate(copy2.dir)).rejects.toMatchObject({ code: 'template-path-escape' });
      } finally {
        copy2.remove();
      }
    } finally {
      copy.remove();
    }
  });

  it('the shipped default template has a partial for every known section', async () => {
    const { KNOWN_SECTIONS } = await import('../../src/config/sections.js');
    const t = await loadTemplate(path.resolve('data-samples/calderdale'));
    for (const s of KNOWN_SECTIONS) expect(t.partials.has(s.id), s.id).toBe(true);
    for (const p of ['cover', 'contents', 'section-frame', 'data-table', 'chart', 'generic-section']) expect(t.partials.has(p), p).toBe(true);
    expect(readFileSync(path.resolve('templates/default/report.css'), 'utf8')).toContain('counter(pages)');
  });
});
