/**
 * Templates and narrative are untrusted. What test/report already proves is not repeated here:
 * - test/report/render-html.test.ts: hostile section 11 agency names and board member names/roles/agencies
 *   stay inert; narrative `<script>`, `<img onerror>` and `javascript:` links are neutralised; the report
 *   has no script and loads nothing; `template:` outside the board folder ('../elsewhere', '/etc') and a
 *   partial or the templates folder linked outside it are refused.
 * - test/report/narrative.test.ts: live figures allow only value/previous/change (no lookup, partials,
 *   blocks, `{{__proto__}}`), raw HTML shows as text, links only http(s)/mailto/#, images become text.
 * - test/build/build.test.ts: a board whose `template:` escapes its folder stops the build (exit 1).
 * - test/pdf/browser-session.test.ts: printing makes no network request and runs no script.
 *
 * Added here: every other kind of data value escaped (board.yaml, recommendations, finance, training,
 * e-learning, section titles), including in the title, meta tags, the running header's CSS and the chart
 * SVG; a website that is not a web address is not linked; a board's own partial cannot reach prototypes,
 * include files, call helpers that touch files, the network or the terminal; a linked stylesheet or a
 * linked custom template folder is refused; the layout (with its Content-Security-Policy) cannot be
 * replaced; and, in a real browser, a board partial's script does not run and its external image is
 * never requested.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { assembleReport } from '../../src/report/build-report.js';
import { TEMPLATE_HELPERS } from '../../src/report/render-html.js';
import { loadTemplate } from '../../src/report/templates.js';
import { runCli } from '../cli/helpers.js';
import { describeWithBrowser, testBrowserPath } from '../pdf/support.js';
import { loadSample } from '../report/sample.js';
import { editFile, outputNames, scratchSpace } from './support.js';

const space = scratchSpace();
afterAll(() => space.cleanup());

const SCRIPT = '<script>alert(1)</script>';
const BREAKOUT = '"><img src=x onerror=alert(1)>';
const STYLE_BREAK = '</style><script>alert(2)</script>';

/** A CSV cell holding any text (quoted, quotes doubled). */
const cell = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** A YAML double-quoted scalar holding any text. */
const yamlString = (s: string) => JSON.stringify(s);

/** Markup a report must never contain, whatever its data: elements that run or load things, handlers. */
function activeMarkup(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<(script|img|iframe|object|embed|link|meta http-equiv="refresh")\b[^>]*>/gi)) found.push(m[0]);
  for (const m of html.matchAll(/<[a-z][^>]*\son[a-z]+\s*=[^>]*>/gi)) found.push(m[0]);
  for (const m of html.matchAll(/\bhref\s*=\s*"(?!https?:|mailto:|#)[^"]*"/gi)) found.push(m[0]);
  return found;
}

/** Write a partial into a board copy's templates folder. */
function boardPartial(board: string, name: string, source: string): void {
  mkdirSync(path.join(board, 'templates', 'partials'), { recursive: true });
  writeFileSync(path.join(board, 'templates', 'partials', `${name}.hbs`), source);
}

describe('data values are escaped wherever they land', () => {
  it('board.yaml, recommendations, finance, training, e-learning and section titles: no element, handler or link comes alive', async () => {
    const board = space.board();
    editFile(path.join(board, 'board.yaml'), (t) =>
      t
        .replace('name: Calderdale Safeguarding Children Board', `name: ${yamlString(`Calderdale ${BREAKOUT} ${STYLE_BREAK}`)}`)
        .replace('chair: Jane Booth', `chair: ${yamlString(`Jane ${SCRIPT}`)}`)
        .replace('area: Calderdale', `area: ${yamlString(`Calder${BREAKOUT}`)}`)
        .replace('  - foreword\n', `  - id: foreword\n    title: ${yamlString(`Foreword ${SCRIPT} {{constructor.constructor}}`)}\n`)
        .replace('    - name: Executive Committee\n', `    - name: ${yamlString(`Exec ${SCRIPT}`)}\n`)
        .replace(/^ {2}businessManager: .*$/m, `  businessManager: ${yamlString(`BM ${BREAKOUT}`)}\n  website: "https://example.org/?q=<script>alert(3)</script>"`),
    );
    editFile(path.join(board, '2012-13', 'recommendations.yaml'), (t) =>
      t.replace(/^( {6}- text: ).*$/m, `$1${yamlString(`Recommendation ${SCRIPT} ${BREAKOUT}`)}`).replace(/^( {4}title: ).*$/m, `$1${yamlString(`Objective ${STYLE_BREAK}`)}`),
    );
    editFile(path.join(board, '2012-13', 'finance.csv'), (t) => t.replace('expenditure,Salary costs,', `expenditure,${cell(`Salary ${SCRIPT}`)},`));
    editFile(path.join(board, '2012-13', 'training-attendance.csv'), (t) => t.replace(/^T-001,Children's social care,/m, `T-001,${cell(`Care ${SCRIPT}${BREAKOUT}`)},`));
    editFile(path.join(board, '2012-13', 'elearning-completions.csv'), (t) => t.replace('2012 Refresher Courses,', `${cell(`Course ${BREAKOUT}`)},`));

    const s = await loadSample(board);
    const html = (await assembleReport(s.board, s.data, s.indicators)).html;
    expect(activeMarkup(html)).toEqual([]);
    // Each payload is there, as text.
    expect(html).toContain('Recommendation &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Salary &lt;script&gt;');
    expect(html).toContain('Course &quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).toContain('Foreword &lt;script&gt;alert(1)&lt;/script&gt; {{constructor.constructor}}');
    expect(html).toContain('<title>Calderdale &quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; &lt;/style&gt;&lt;script&gt;');
    expect(html).toMatch(/<meta name="description" content="[^"]*Calder&quot;&gt;&lt;img/);
    // In the chart the agency name is SVG text, escaped by the renderer.
    expect(html).toMatch(/<text[^>]*>Care &lt;script&gt;/);
    // The running header carries the board name inside CSS: it cannot close the string or the element.
    expect(html.match(/<\/style>/g)).toHaveLength(3); // report, print, glance
    const pageCss = /<style media="print">([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(pageCss).toMatch(/^\s*@page \{ @top-left \{ content: "[^"]*"; \} \}\n@page matter \{ @top-left \{ content: none; \} @bottom-center \{ content: none; \} \}\s*$/);
    // The website is not a web address, so it is not linked (board.yaml's URL check accepts javascript:).
    expect(html).not.toContain('javascript:');
  });
});

describe("a board's own partial", () => {
  /** Build HTML with `source` as the foreword partial; the outcome and what was written. */
  async function buildWithPartial(source: string) {
    const board = space.board();
    boardPartial(board, 'foreword', `{{#> section-frame}}<p class="probe">${source}</p>{{/section-frame}}`);
    const out = space.dir();
    const r = await runCli(['build', '2012-13', '--data', board, '--out', out, '--format', 'html']);
    const html = r.code === 0 ? readFileSync(path.join(out, outputNames().html), 'utf8') : '';
    return { code: r.code, stderr: r.stderr, probe: /<p class="probe">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? null };
  }

  it.each([
    '{{constructor.constructor}}',
    '{{__proto__}}',
    '{{lookup this "constructor"}}',
    '{{#with (lookup this "constructor")}}{{name}}{{prototype}}{{/with}}',
    '{{lookup (lookup this "constructor") "prototype"}}',
    '{{lookup @root "__proto__"}}',
    '{{@root.constructor.name}}',
    '{{#with @root.board}}{{__defineGetter__}}{{constructor}}{{/with}}',
    '{{#each (lookup @root "constructor")}}{{@key}}{{/each}}',
  ])('cannot reach object prototypes: %s', async (source) => {
    const { code, stderr, probe } = await buildWithPartial(source);
    if (code === 0) {
      // Rendered: with prototype access off, each lookup is empty.
      expect(probe).toBe('');
    } else {
      expect(code).toBe(1);
      expect(stderr).toContain('The report template could not be rendered');
    }
    expect(`${probe ?? ''}${stderr}`).not.toMatch(/function|native code|\[object/i);
  });

  it.each(['{{> ../../etc/passwd}}', '{{> /etc/passwd}}', '{{> "../../../../../../etc/hostname"}}', '{{> (lookup @root "title")}}'])(
    'cannot include a file by naming it as a partial: %s',
    async (source) => {
      const { code, stderr, probe } = await buildWithPartial(source);
      expect(code).toBe(1);
      expect(stderr).toMatch(/could not be rendered: (The partial .* could not be found|Parse error)/);
      expect(probe).toBeNull();
      expect(stderr).not.toContain('root:x:0');
    },
  );

  it.each(['{{readFile "/etc/passwd"}}', '{{fetch "http://127.0.0.1/"}}', '{{require "fs"}}', '{{import "node:fs"}}', '{{log "to the terminal"}}'])(
    'has no helper that reads files, the network or writes to the terminal: %s',
    async (source) => {
      const log = vi.spyOn(console, 'log');
      const info = vi.spyOn(console, 'info');
      try {
        const { code, stderr } = await buildWithPartial(source);
        expect(code).toBe(1);
        expect(stderr).toMatch(/not defined|missing helper/i);
        expect(log).not.toHaveBeenCalled();
        expect(info).not.toHaveBeenCalled();
      } finally {
        log.mockRestore();
        info.mockRestore();
      }
    },
  );

  it('sees only the block helpers a layout needs', () => {
    expect([...TEMPLATE_HELPERS].sort()).toEqual(['blockHelperMissing', 'each', 'helperMissing', 'if', 'lookup', 'unless', 'with']);
  });

  it('cannot replace the layout, so the Content-Security-Policy always comes first in <head>', async () => {
    const board = space.board();
    mkdirSync(path.join(board, 'templates'), { recursive: true });
    writeFileSync(path.join(board, 'templates', 'layout.hbs'), '<html><head><script>alert(1)</script></head><body>own layout</body></html>');
    const s = await loadSample(board);
    const html = (await assembleReport(s.board, s.data, s.indicators)).html;
    expect(html).not.toContain('own layout');
    const head = /<head>([\s\S]*?)<\/head>/.exec(html)![1]!;
    expect(head.trim().split('\n').slice(0, 3).join('\n')).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`,
    );
    expect(head).not.toMatch(/script-src/);
  });
});

describe('template paths stay inside the board folder', () => {
  it('refuses a stylesheet linked to a file outside', async () => {
    const board = space.board();
    const outside = path.join(space.dir(), 'outside.css');
    writeFileSync(outside, 'body { background: url(https://example.org/x.png); }');
    mkdirSync(path.join(board, 'templates'), { recursive: true });
    symlinkSync(outside, path.join(board, 'templates', 'report.css'));
    await expect(loadTemplate(board)).rejects.toMatchObject({ code: 'template-path-escape' });
  });

  it('refuses a partials folder linked outside, and a custom template folder linked outside', async () => {
    const board = space.board();
    const outside = space.dir();
    writeFileSync(path.join(outside, 'foreword.hbs'), 'OUTSIDE');
    mkdirSync(path.join(board, 'templates'), { recursive: true });
    symlinkSync(outside, path.join(board, 'templates', 'partials'));
    await expect(loadTemplate(board)).rejects.toMatchObject({ code: 'template-path-escape' });

    const board2 = space.board();
    symlinkSync(outside, path.join(board2, 'theme'));
    await expect(loadTemplate(board2, 'theme')).rejects.toMatchObject({ code: 'template-path-escape' });
    await expect(loadTemplate(board2, 'templates/../../x')).rejects.toMatchObject({ code: 'template-path-escape' });
  });

  it('accepts a path that only looks odd but stays inside', async () => {
    const board = space.board();
    boardPartial(board, 'foreword', '{{#> section-frame}}inside{{/section-frame}}');
    const t = await loadTemplate(board, 'templates/../templates');
    expect(t.partials.get('foreword')).toContain('inside');
  });
});

describeWithBrowser("a board partial's own markup in a real browser", () => {
  let server: Server | undefined;
  afterAll(() => server?.close());

  it('runs no script and requests nothing, because the layout’s Content-Security-Policy forbids it', async () => {
    const requests: string[] = [];
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const board = space.board();
    boardPartial(
      board,
      'foreword',
      `{{#> section-frame}}<p id="probe">static</p><script>document.getElementById('probe').textContent = 'script ran';</script>` +
        `<img src="${base}/img.png" alt=""><link rel="stylesheet" href="${base}/style.css"><iframe src="${base}/frame"></iframe>{{/section-frame}}`,
    );
    const s = await loadSample(board);
    const html = (await assembleReport(s.board, s.data, s.indicators)).html;
    const browser = await puppeteer.launch({ executablePath: testBrowserPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      // A reader's browser: JavaScript on, network on. Only the policy in the document stops anything.
      await page.setContent(html, { waitUntil: 'load' });
      await new Promise((r) => setTimeout(r, 300));
      expect(await page.$eval('#probe', (el) => el.textContent)).toBe('static');
      expect(requests).toEqual([]);
      // The same page without the policy would run and fetch: the test can see a failure.
      const unprotected = await browser.newPage();
      await unprotected.setContent(html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''), { waitUntil: 'load' });
      expect(await unprotected.$eval('#probe', (el) => el.textContent)).toBe('script ran');
    } finally {
      await browser.close();
    }
    // The unprotected copy did fetch: the server would have seen the protected page's requests too.
    expect(requests.length).toBeGreaterThan(0);
  });
});
