import { beforeAll, describe, expect, it } from 'vitest';
import { buildGlanceModel, glanceCss, renderGlanceFragment, renderGlanceHtml } from '../../src/glance/render-glance.js';
import type { IndicatorReport } from '../../src/indicators/types.js';
import { loadSample } from '../report/sample.js';

let indicators: IndicatorReport;
beforeAll(async () => {
  ({ indicators } = await loadSample());
});

const classNames = (html: string) => [...html.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/)).filter(Boolean);
const ids = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('renderGlanceFragment', () => {
  it('is one section with its own stylesheet, every class and selector scoped to glance', () => {
    const html = renderGlanceFragment(indicators, { boardName: 'Calderdale Safeguarding Children Board' });
    expect(html.trim()).toMatch(/^<section class="glance[^"]*"[\s\S]*<\/section>$/);
    expect(html).toContain('<style>');
    for (const name of classNames(html)) expect(name).toMatch(/^glance(-|$)/);
    // Every rule in the stylesheet starts at .glance (at-rules aside), so nothing leaks into the page.
    const selectors = glanceCss()
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/@media[^{]*\{/g, '')
      .split('}')
      .map((rule) => rule.split('{')[0]!.trim())
      .filter((s) => s !== '');
    expect(selectors.length).toBeGreaterThan(10);
    for (const group of selectors) for (const sel of group.split(',')) expect(sel.trim()).toMatch(/^\.glance([ .:]|$)/);
  });

  it('shows each figure with last year, the change in words and a verdict word beside its symbol', () => {
    const t = text(renderGlanceFragment(indicators));
    expect(t).toContain('Child protection plans open at 31 March 2012-13: 217 2011-12: 237 Change: down 20 (8.4%) Not judged');
    expect(t).toContain('Plans reviewed on time (%) 2012-13: 100.0% 2011-12: 97.8% Change: up 2.2 percentage points Better');
    expect(t).toContain('LADO referrals concluded within one month (%) 2012-13: 82.6% 2011-12: 89% Change: down 6.4 percentage points Worse');
    expect(t).toMatch(/2011-12: not available note 1/);
    expect(t).toContain('Note 1: there are no returns for 2011-12 and no published figure for it.');
    // The symbols are drawn beside the word and hidden from assistive technology, so the word is read once.
    const html = renderGlanceFragment(indicators);
    const symbols = [...html.matchAll(/<svg[^>]*>/g)].map((m) => m[0]);
    expect(symbols.length).toBeGreaterThanOrEqual(10);
    for (const s of symbols) expect(s).toContain('aria-hidden="true"');
  });

  it('uses a different symbol shape for each verdict', () => {
    const model = buildGlanceModel(indicators);
    const shapes = new Map(model.key.map((k) => [k.verdict, k.symbol]));
    expect([...shapes.keys()].sort()).toEqual(['improved', 'no-comparison', 'not-rated', 'worsened']);
    expect(new Set(shapes.values()).size).toBe(shapes.size);
  });

  it('follows the heading level and id prefix it is given, and can leave the stylesheet to the page', () => {
    const html = renderGlanceFragment(indicators, { headingLevel: 3, idPrefix: 'front-glance', includeStyle: false });
    expect(html).not.toContain('<style>');
    expect(html).toMatch(/<h3 class="glance-title" id="front-glance-heading">2012-13 at a glance<\/h3>/);
    expect(html).toContain('<h4 class="glance-card-title glance-no-bookmark">');
    for (const id of ids(html)) expect(id).toMatch(/^front-glance-/);
    expect(() => renderGlanceFragment(indicators, { idPrefix: '"><script>' })).toThrow();
  });

  it('shows only the figures asked for, in that order', () => {
    const model = buildGlanceModel(indicators, { ids: ['lado.referrals', 'cp.plans_open_at_year_end'] });
    expect(model.cards.map((c) => c.id)).toEqual(['lado.referrals', 'cp.plans_open_at_year_end']);
    expect(model.notes).toEqual([]);
  });

  it('escapes the board name and title', () => {
    const html = renderGlanceHtml(indicators, { boardName: '<script>alert(1)</script>', title: '</style><b>x</b>' });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('renderGlanceHtml', () => {
  it('is a complete, self-contained document that loads nothing', () => {
    const html = renderGlanceHtml(indicators, { boardName: 'Calderdale Safeguarding Children Board' });
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(html).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'");
    expect(html).toContain('<title>Calderdale Safeguarding Children Board: 2012-13 at a glance</title>');
    expect(html).toMatch(/<h1 class="glance-title"/);
    expect(html).not.toMatch(/<script|<link|src="http|url\(/i);
    // The stylesheet is in the head, not inside the section.
    expect(html.indexOf('<style>', html.indexOf('<body>'))).toBe(-1);
  });
});
