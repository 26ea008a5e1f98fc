import { describe, expect, it } from 'vitest';
import { NarrativeError, renderNarrative, resolveLiveFigures, type LiveFigures } from '../../src/report/narrative.js';

const figures: LiveFigures = {
  value: (id) => {
    if (id === 'cp.plans_open_at_year_end') return '217';
    if (id === 'context.suppressed') return '[c]';
    throw Object.assign(new Error('unknown'), {});
  },
  previous: () => '237',
  change: () => 'down 20 (8.4%)',
};

const known: LiveFigures = { value: () => '217', previous: () => '237', change: () => 'down 20 (8.4%)' };
const FILE = '2012-13/narrative/foreword.md';

function resolveError(source: string, f: LiveFigures = known): NarrativeError {
  try {
    resolveLiveFigures(source, f, FILE);
  } catch (error) {
    if (error instanceof NarrativeError) return error;
    throw error;
  }
  throw new Error('expected a NarrativeError');
}

describe('live figures', () => {
  it('replaces value, previous and change', () => {
    const out = resolveLiveFigures('{{value "cp.plans_open_at_year_end"}} against {{previous "cp.plans_open_at_year_end"}}, {{change "x.y"}}.', known, FILE);
    expect(out).toBe('217 against 237, down 20 (8.4%).');
  });

  it('escapes what a figure inserts, so [c] stays text', () => {
    const md = resolveLiveFigures('Count: {{value "context.suppressed"}}.', figures, FILE);
    expect(renderNarrative(md, { sectionNumber: 1 }).html).toContain('Count: [c].');
  });

  it('makes an unknown indicator id a typed error naming the file, the id and the line', async () => {
    const { liveFiguresFrom } = await import('../../src/report/narrative.js');
    const live = liveFiguresFrom({ year: '2012-13', rows: [], series: new Map(), findings: [] });
    const error = resolveError('First line.\n\nThe {{value "cp.no_such_thing"}} rose.', live);
    expect(error.code).toBe('narrative-unknown-figure');
    expect(error.figureId).toBe('cp.no_such_thing');
    expect(error.file).toBe(FILE);
    expect(error.line).toBe(3);
  });

  it('allows only the three helpers: anything else is an error, never silently empty', () => {
    for (const source of [
      '{{lookup this "constructor"}}',
      '{{#each items}}x{{/each}}',
      '{{> partial}}',
      '{{constructor.name}}',
      '{{__proto__}}',
      '{{value}}',
      '{{value 12}}',
      '{{value "a" "b"}}',
      '{{log "x"}}',
      '{{#if true}}x{{/if}}',
      '{{value "a"',
    ]) {
      expect(resolveError(source).code, source).toBe('narrative-template-invalid');
    }
  });

  it('leaves escaped braces as text', () => {
    expect(resolveLiveFigures('Write \\{{value "id"}} to cite a figure.', known, FILE)).toBe('Write {{value "id"}} to cite a figure.');
  });
});

describe('narrative Markdown', () => {
  it('numbers top-level paragraphs N.M; lists attach to the paragraph before; headings are not numbered', () => {
    const md = '### Context\n\nFirst.\n\nSecond, with a list:\n\n- one\n- two\n\nThird.\n\n> A quotation.\n';
    const r = renderNarrative(md, { sectionNumber: 7 });
    expect(r.paragraphs).toEqual(['7.1', '7.2', '7.3']);
    expect(r.html).toContain('<h3>Context</h3>');
    expect(r.html).toContain('<p class="para" id="para-7-2"><span class="para-number">7.2</span> Second, with a list:</p>');
    expect(r.html).toMatch(/7\.2<\/span> Second, with a list:<\/p>\s*<ul>\s*<li>one<\/li>/);
    expect(r.html).not.toContain('7.4');
  });

  it('does not number appendix paragraphs', () => {
    const r = renderNarrative('One.\n\nTwo.', { sectionNumber: null });
    expect(r.paragraphs).toEqual([]);
    expect(r.html).toBe('<p>One.</p>\n<p>Two.</p>\n');
  });

  it('shows raw HTML as inert text: no script element, no event handler attribute', () => {
    const md = 'Hello <script>alert(1)</script> and <img src=x onerror="alert(2)">.\n\n<div onclick="x()">block</div>\n\n<script>alert(3)</script>\n';
    const { html } = renderNarrative(md, { sectionNumber: 2 });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<div/i);
    expect(html).not.toMatch(/<[^>]*\sonerror=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('onerror=&quot;alert(2)&quot;');
  });

  it('links only to http(s), mailto and places in the report; images become their text', () => {
    const md =
      '[ok](https://example.org/a?b=1&c=2) [mail](mailto:board@example.org) [js](javascript:alert(1)) ' +
      '[data](data:text/html,hi) [para](#para-3-4) ![a chart](https://example.org/x.png) [rel](../etc/passwd)';
    const { html } = renderNarrative(md, { sectionNumber: 1 });
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2">ok</a>');
    expect(html).toContain('<a href="mailto:board@example.org">mail</a>');
    expect(html).toContain('<a href="#para-3-4">para</a>');
    expect(html).not.toMatch(/javascript:|data:text|<img|passwd"/);
    expect(html).toContain('a chart');
  });

  it('puts the figures at the marker, or before the closing "Key achievements" part', () => {
    const marked = renderNarrative('Intro.\n\n<!-- figures -->\n\nAfter.', { sectionNumber: 4 });
    expect(marked.html).toContain('Intro.');
    expect(marked.after).toContain('4.2</span> After.');
    const closing = renderNarrative('Intro.\n\n### Key achievements\n\n- one\n\n### Challenges\n\n- two\n', { sectionNumber: 4 });
    expect(closing.html).not.toContain('Key achievements');
    expect(closing.after).toMatch(/^<h3>Key achievements<\/h3>/);
    expect(renderNarrative('Intro.\n\n### Next\n\nMore.', { sectionNumber: 4 }).after).toBe('');
  });
});

describe('a live figure at the start of a line', () => {
  it('stays text when followed by a full stop, instead of becoming a numbered list', () => {
    const md = resolveLiveFigures('{{value "cp.plans_open_at_year_end"}}. children had a plan.', known, FILE);
    const html = renderNarrative(md, { sectionNumber: 1 }).html;
    expect(html).toContain('217. children had a plan.');
    expect(html).not.toContain('<ol');
  });
});
