import { describe, expect, it } from 'vitest';
import { renderBarChart, type BarChartSpec } from '../../src/report/charts.js';

const YEARS = ['2007-08', '2008-09', '2009-10', '2010-11', '2011-12', '2012-13'];

function yearsChart(overrides: Partial<BarChartSpec> = {}): BarChartSpec {
  return {
    id: 'cp-plans',
    title: 'Children with a child protection plan at 31 March',
    description: 'Bar chart of children with a plan, 2007-08 to 2012-13; 2009-10 not available.',
    data: [
      { label: '2007-08', value: 1234 },
      { label: '2008-09', value: 15020 },
      { label: '2009-10', value: null },
      { label: '2010-11', value: 9870 },
      { label: '2011-12', value: 21010 },
      { label: '2012-13', value: 23100 },
    ],
    valueTitle: 'Children',
    categoryTitle: 'Year',
    ...overrides,
  };
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The inner markup of the first `<g>` whose class list contains `className` (mark groups hold no `<g>`). */
function group(svg: string, className: string): string {
  const match = new RegExp(`<g class="[^"]*\\b${className}\\b[^"]*"[^>]*>(.*?)</g>`).exec(svg);
  if (!match) throw new Error(`no group ${className}`);
  return match[1]!;
}

function texts(markup: string): string[] {
  return [...markup.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]!));
}

function barPaths(svg: string): string[] {
  return [...group(svg, 'bars_marks').matchAll(/<path [^>]*\/>/g)].map((m) => m[0]);
}

/** Bar length from Vega's rect path `M{x},{y}h{w}v{h}h-{w}Z`. */
function barLength(path: string, axis: 'h' | 'v'): number {
  const match = new RegExp(`${axis}(-?[\\d.]+)`).exec(path);
  if (!match) throw new Error(`not a rect path: ${path}`);
  return Number(match[1]);
}

function categoryLabels(svg: string, expected: string): string[] {
  const groups = [...svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/g)].map((m) => texts(m[1]!));
  const found = groups.find((labels) => labels.includes(expected));
  if (!found) throw new Error(`no axis with label ${expected}`);
  return found;
}

function rootTag(svg: string): string {
  return /^<svg[^>]*>/.exec(svg)![0];
}

describe('renderBarChart: vertical', () => {
  it('draws one bar per non-null value, heights ordered like the values', async () => {
    const { svg } = await renderBarChart(yearsChart());
    const bars = barPaths(svg);
    expect(bars).toHaveLength(5);
    for (const bar of bars) expect(bar).toContain('fill="#1d4e89"');

    const heights = bars.map((b) => barLength(b, 'v'));
    const values = [1234, 15020, 9870, 21010, 23100];
    const byHeight = [...heights.keys()].sort((a, b) => heights[a]! - heights[b]!);
    const byValue = [...values.keys()].sort((a, b) => values[a]! - values[b]!);
    expect(byHeight).toEqual(byValue);
    // Heights are proportional to the values (a linear scale from zero).
    expect(heights[4]! / heights[0]!).toBeCloseTo(23100 / 1234, 1);
  });

  it('labels every bar with its value in thousands format, and a missing one as n/a', async () => {
    const { svg } = await renderBarChart(yearsChart());
    expect(texts(group(svg, 'values_marks'))).toEqual(['1,234', '15,020', 'n/a', '9,870', '21,010', '23,100']);
  });

  it('treats financial years as ordinal categories in the given order, keeping the missing year', async () => {
    const { svg } = await renderBarChart(yearsChart());
    expect(categoryLabels(svg, '2007-08')).toEqual(YEARS);
    // Not parsed as dates: no month or year-only tick labels appear anywhere.
    expect(svg).not.toMatch(/>(January|2008|2010)</);
  });

  it('keeps the given order even when it is not sorted', async () => {
    const data = [...yearsChart().data].reverse();
    const { svg } = await renderBarChart(yearsChart({ data }));
    expect(categoryLabels(svg, '2007-08')).toEqual([...YEARS].reverse());
    expect(texts(group(svg, 'values_marks'))[0]).toBe('23,100');
  });

  it('formats the value axis with thousands separators, not exponents', async () => {
    const { svg } = await renderBarChart(yearsChart());
    const axis = categoryLabels(svg, '0');
    expect(axis).toContain('20,000');
    expect(axis.join(' ')).not.toMatch(/e\+/);
  });

  it('applies a custom value format', async () => {
    const { svg } = await renderBarChart(
      yearsChart({ data: [{ label: 'A', value: 1234.56 }, { label: 'B', value: 0.5 }], valueFormat: ',.1f' }),
    );
    expect(texts(group(svg, 'values_marks'))).toEqual(['1,234.6', '0.5']);
  });

  it('uses the print font stack and 13px text (at least 9 pt in print)', async () => {
    const { svg } = await renderBarChart(yearsChart());
    const textTags = [...svg.matchAll(/<text[^>]*>/g)].map((m) => m[0]);
    expect(textTags.length).toBeGreaterThan(12);
    for (const tag of textTags) {
      expect(tag).toContain('font-family="&quot;Liberation Sans&quot;, Arial, Helvetica, sans-serif"');
      expect(tag).toContain('font-size="13px"');
      expect(tag).toMatch(/fill="(#000|black)"/);
    }
  });
});

describe('renderBarChart: horizontal', () => {
  it('draws bars whose widths follow the values and labels them in order', async () => {
    const { svg } = await renderBarChart({
      id: 'categories',
      title: 'Plans by category of abuse',
      description: 'Neglect is the largest category.',
      orientation: 'horizontal',
      data: [
        { label: 'Neglect', value: 1203 },
        { label: 'Emotional abuse', value: 845 },
        { label: 'Sexual abuse', value: null },
        { label: 'Physical abuse', value: 2120 },
      ],
      valueTitle: 'Children',
      categoryTitle: 'Category',
    });
    const widths = barPaths(svg).map((b) => barLength(b, 'h'));
    expect(widths).toHaveLength(3);
    expect(widths[2]!).toBeGreaterThan(widths[0]!);
    expect(widths[0]!).toBeGreaterThan(widths[1]!);
    expect(categoryLabels(svg, 'Neglect')).toEqual(['Neglect', 'Emotional abuse', 'Sexual abuse', 'Physical abuse']);
    expect(texts(group(svg, 'values_marks'))).toEqual(['1,203', '845', 'n/a', '2,120']);
  });
});

describe('renderBarChart: figure and accessibility', () => {
  it('wraps the SVG in one labelled figure and hides the SVG from assistive technology', async () => {
    const spec = yearsChart();
    const { svg, figureHtml } = await renderBarChart(spec);

    expect(figureHtml).toBe(
      `<figure class="chart" id="fig-cp-plans" aria-label="${spec.description}">` +
        `${svg}<figcaption>${spec.title}</figcaption></figure>`,
    );
    const root = rootTag(svg);
    expect(root).toContain('aria-hidden="true"');
    expect(root).toContain('focusable="false"');
    // No role and exactly one aria-label in the whole figure: the one on <figure>.
    expect(figureHtml.match(/\srole=/g)).toBeNull();
    expect(figureHtml.match(/\saria-label=/g)).toHaveLength(1);
    expect(svg.match(/\saria-[a-z]+=/g)).toEqual([' aria-hidden=']);
  });

  it('scales to its container: viewBox, width 100% and a max-width, no fixed height', async () => {
    const { svg } = await renderBarChart(yearsChart());
    const root = rootTag(svg);
    const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(root);
    expect(viewBox).not.toBeNull();
    expect(root).toContain('width="100%"');
    expect(root).toContain(`style="max-width:${viewBox![1]}px;height:auto;display:block"`);
    expect(root).not.toMatch(/\sheight="/);
    expect(root.match(/\swidth="/g)).toHaveLength(1);
  });

  it('escapes hostile labels, titles and descriptions', async () => {
    const { figureHtml } = await renderBarChart({
      id: 'hostile',
      title: 'Totals <img src=x onerror=alert(1)> & more',
      description: 'A "quoted" description\' onmouseover="alert(1)',
      data: [
        { label: '<script>x</script>', value: 10 },
        { label: '"onerror=x y="', value: 20 },
        { label: 'A & B', value: 30 },
      ],
      valueTitle: '<b>Count</b>',
      categoryTitle: 'Category',
    });

    // Only the elements a chart is made of; no script, img or event handler survives.
    const elements = new Set([...figureHtml.matchAll(/<([A-Za-z][\w:-]*)/g)].map((m) => m[1]));
    for (const name of elements) {
      expect(['figure', 'svg', 'g', 'path', 'rect', 'line', 'text', 'defs', 'clipPath', 'figcaption']).toContain(name);
    }
    // Attribute names only: every value is double-quoted and has its own quotes escaped.
    for (const tag of figureHtml.match(/<[A-Za-z][^>]*>/g)!) {
      expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son\w+=/i);
    }

    expect(figureHtml).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(figureHtml).toContain('A &amp; B');
    expect(figureHtml).toContain('&lt;b&gt;Count&lt;/b&gt;');
    expect(figureHtml).toContain(
      'aria-label="A &quot;quoted&quot; description&#39; onmouseover=&quot;alert(1)"',
    );
    expect(figureHtml).toContain('<figcaption>Totals &lt;img src=x onerror=alert(1)&gt; &amp; more</figcaption>');
    expect(categoryLabels(figureHtml, '<script>x</script>')).toEqual([
      '<script>x</script>',
      '"onerror=x y="',
      'A & B',
    ]);
  });

  it('rejects an id that is not safe in HTML and SVG, and duplicate categories', async () => {
    await expect(renderBarChart(yearsChart({ id: 'a" onclick="x' }))).rejects.toThrow(RangeError);
    await expect(
      renderBarChart(yearsChart({ data: [{ label: 'A', value: 1 }, { label: 'A', value: 2 }] })),
    ).rejects.toThrow(/duplicate category "A"/);
    await expect(renderBarChart(yearsChart({ data: [{ label: 'A', value: Number.NaN }] }))).rejects.toThrow(
      /not a finite number/,
    );
  });
});

describe('renderBarChart: determinism', () => {
  it('gives byte-identical output for the same input, even with other charts rendered between', async () => {
    const first = await renderBarChart(yearsChart());
    await renderBarChart(yearsChart({ id: 'other' }));
    const second = await renderBarChart(yearsChart());
    expect(second.svg).toBe(first.svg);
    expect(second.figureHtml).toBe(first.figureHtml);
  });

  it('prefixes every SVG id with the chart id, so two charts on a page never collide', async () => {
    const a = await renderBarChart(yearsChart({ id: 'chart-a' }));
    const b = await renderBarChart(yearsChart({ id: 'chart-b' }));
    const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    const idsA = ids(a.svg);
    const idsB = ids(b.svg);
    expect(idsA.length).toBeGreaterThan(0);
    for (const id of idsA) expect(id.startsWith('chart-a-')).toBe(true);
    for (const id of idsB) expect(id.startsWith('chart-b-')).toBe(true);
    // Every reference points at an id in the same SVG.
    for (const [svg, own] of [[a.svg, idsA], [b.svg, idsB]] as const) {
      const refs = [...svg.matchAll(/url\(#([^)]+)\)|href="#([^"]+)"/g)].map((m) => m[1] ?? m[2]);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) expect(own).toContain(ref);
    }
  });
});
