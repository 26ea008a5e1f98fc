/**
 * Charts as static inline SVG, rendered in Node with no browser: a Vega-Lite spec is compiled to Vega and
 * drawn by a headless `vega.View`. The printed PDF runs no JavaScript, so the SVG must be complete on its own.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** One category of a bar chart; `value: null` means "not available" (no bar is drawn). */
export interface BarDatum {
  label: string;
  value: number | null;
  /** Label printed instead of "n/a" over a category with no bar, e.g. "[c]" for a suppressed figure. */
  text?: string;
}

/** What a bar chart shows. Categories keep the order given and are always nominal, never dates. */
export interface BarChartSpec {
  /** Stable id: `[A-Za-z][A-Za-z0-9_-]*`. The figure gets `id="fig-{id}"`; SVG ids are prefixed with it. */
  id: string;
  /** Shown as the figure caption. */
  title: string;
  /** Text alternative for the whole chart, put on the figure's `aria-label`. */
  description: string;
  data: BarDatum[];
  valueTitle: string;
  categoryTitle: string;
  /** `vertical` (default) draws columns; `horizontal` draws bars, better for long category names. */
  orientation?: 'vertical' | 'horizontal';
  /** d3-format specifier for value labels and the value axis; default `,` (thousands separators). */
  valueFormat?: string;
  /** Width of the plot area in px (the SVG is wider by its axes); default 480 vertical, 400 horizontal. */
  width?: number;
  /** Height of the plot area in px; default 240 for vertical, 26 px per category for horizontal. */
  height?: number;
}

/** One line of a line chart: its name (in the legend) and a value per category (null: no point). */
export interface LineSeries {
  name: string;
  values: (number | null)[];
}

/** What a line chart shows: one line per series over the categories (years), in the order given. */
export interface LineChartSpec {
  kind: 'line';
  id: string;
  title: string;
  description: string;
  categories: string[];
  series: LineSeries[];
  valueTitle: string;
  categoryTitle: string;
  valueFormat?: string;
  width?: number;
  height?: number;
}

/** Any chart the report draws. A spec without `kind` is a bar chart. */
export type ChartSpec = (BarChartSpec & { kind?: 'bar' }) | LineChartSpec;

/** The category labels of a chart (its bars, or the points along its lines). */
export function chartCategories(spec: ChartSpec): string[] {
  return spec.kind === 'line' ? spec.categories : spec.data.map((d) => d.label);
}

/** Render any chart: a bar chart, or a line chart. */
export async function renderChart(spec: ChartSpec): Promise<ChartOutput> {
  return spec.kind === 'line' ? renderLineChart(spec) : renderBarChart(spec);
}

/** A rendered chart: the bare SVG and the same SVG wrapped in an accessible `<figure>`. */
export interface ChartOutput {
  /** Standalone SVG, hidden from assistive technology, scaling to its container's width. */
  svg: string;
  /** `<figure class="chart" id="fig-{id}" aria-label="…"> (implicit role figure: axe refuses role="img" on a figure){svg}<figcaption>…</figcaption></figure>` */
  figureHtml: string;
}

// Dark blue, contrast about 8.9:1 on white, and distinct in greyscale print.
const BAR_COLOUR = '#1d4e89';
// Written into every SVG text element, so no stylesheet is needed to render the chart.
const FONT_FAMILY = '"Liberation Sans", Arial, Helvetica, sans-serif';

// 13 px is 9.75 pt when the chart prints at its own width (it is never drawn wider than the A4 text column).
const FONT_SIZE = 13;
const NOT_AVAILABLE_LABEL = 'n/a';
const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Renders a bar chart to static SVG and an accessible figure; the same input gives byte-identical output. */
export async function renderBarChart(spec: BarChartSpec): Promise<ChartOutput> {
  checkSpec(spec);
  return renderFigure(barChartVegaLite(spec), spec);
}

/** Renders a Vega-Lite spec to static SVG (no browser) and wraps it in the accessible figure every chart uses. */
async function renderFigure(vl: TopLevelSpec, spec: { id: string; title: string; description: string }): Promise<ChartOutput> {
  const view = new vega.View(vega.parse(compile(vl).spec), { renderer: 'none', logLevel: vega.Error });
  let rawSvg: string;
  try {
    rawSvg = await view.toSVG();
  } finally {
    view.finalize();
  }
  const svg = cleanSvg(rawSvg, spec.id);
  const figureHtml =
    `<figure class="chart" id="fig-${escapeHtml(spec.id)}" aria-label="${escapeHtml(spec.description)}">` +
    `${svg}<figcaption>${escapeHtml(spec.title)}</figcaption></figure>`;
  return { svg, figureHtml };
}

/**
 * Renders a line chart to static SVG and an accessible figure. Each line has its own dash pattern and
 * point shape as well as its shade, so lines can be told apart in black and white; the legend names them.
 */
export async function renderLineChart(spec: LineChartSpec): Promise<ChartOutput> {
  if (!ID_PATTERN.test(spec.id)) throw new RangeError(`Chart id ${JSON.stringify(spec.id)} must match ${ID_PATTERN}`);
  const format = spec.valueFormat ?? ',';
  const names = spec.series.map((s) => s.name);
  if (new Set(names).size !== names.length) throw new RangeError(`Chart ${spec.id}: two lines have the same name`);
  const values = spec.series.flatMap((s) =>
    s.values.map((v, i) => ({ category: spec.categories[i]!, series: s.name, value: v !== null && Number.isFinite(v) ? v : null })),
  );
  const shades = ['#1d4e89', '#000000', '#5f6b7a', '#8b4513', '#2e6b30', '#6a1b9a'];
  const dashes = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [1, 3]];
  const shapes = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down'];
  const legendScale = <T>(range: T[]) => ({ domain: names, range: names.map((_, i) => range[i % range.length]!) });
  const many = names.length > 1;
  const vl: TopLevelSpec = {
    width: spec.width ?? 480,
    height: spec.height ?? 240,
    background: 'white',
    data: { values },
    transform: [{ filter: 'datum.value != null' }],
    encoding: {
      x: {
        field: 'category',
        type: 'ordinal',
        sort: null,
        scale: { domain: spec.categories },
        title: spec.categoryTitle,
        axis: { labelAngle: 0, labelLimit: 240 },
      },
      y: { field: 'value', type: 'quantitative', title: spec.valueTitle, axis: { format: axisFormat(format), tickCount: 5 } },
      color: { field: 'series', type: 'nominal', scale: legendScale(shades), legend: many ? { title: null, orient: 'bottom', direction: 'vertical' } : null },
    },
    layer: [
      {
        mark: { type: 'line', strokeWidth: 2.5 },
        encoding: { strokeDash: { field: 'series', type: 'nominal', scale: legendScale(dashes), legend: many ? { title: null, orient: 'bottom', direction: 'vertical' } : null } },
      },
      {
        mark: { type: 'point', filled: true, size: 70 },
        encoding: { shape: { field: 'series', type: 'nominal', scale: legendScale(shapes), legend: many ? { title: null, orient: 'bottom', direction: 'vertical' } : null } },
      },
    ],
    config: {
      aria: false,
      font: FONT_FAMILY,
      view: { stroke: null },
      axis: { labelFontSize: FONT_SIZE, titleFontSize: FONT_SIZE, labelColor: '#000', titleColor: '#000', domainColor: '#555', tickColor: '#555', gridColor: '#ddd' },
      legend: { labelFontSize: FONT_SIZE, labelColor: '#000', labelLimit: 2000, symbolStrokeWidth: 2.5 },
    },
  } as TopLevelSpec;
  return renderFigure(vl, spec);
}

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function checkSpec(spec: BarChartSpec): void {
  if (!ID_PATTERN.test(spec.id)) {
    throw new RangeError(`Chart id ${JSON.stringify(spec.id)} must match ${ID_PATTERN}`);
  }
  const seen = new Set<string>();
  for (const { label, value } of spec.data) {
    // Two bars with one label would silently merge into one band.
    if (seen.has(label)) throw new RangeError(`Chart ${spec.id}: duplicate category ${JSON.stringify(label)}`);
    seen.add(label);
    if (value !== null && !Number.isFinite(value)) {
      throw new RangeError(`Chart ${spec.id}: value for ${JSON.stringify(label)} is not a finite number`);
    }
  }
}

function barChartVegaLite(spec: BarChartSpec): TopLevelSpec {
  const horizontal = spec.orientation === 'horizontal';
  const format = spec.valueFormat ?? ',';
  const labels = spec.data.map((d) => d.label);
  const width = spec.width ?? (horizontal ? 400 : 480);
  const height = spec.height ?? (horizontal ? Math.max(60, 26 * labels.length) : 240);

  // Estimated label width at 11px (about 0.6em a character) decides whether column labels need tilting.
  const longestLabel = labels.reduce((max, l) => Math.max(max, l.length), 0);
  const tiltLabels = !horizontal && longestLabel * FONT_SIZE * 0.6 > (width / Math.max(1, labels.length)) * 0.9;

  const category = {
    field: 'label',
    // Nominal, with the domain given explicitly: keeps input order, keeps a slot for "n/a" categories, and
    // stops labels like "2012-13" from ever being parsed as dates.
    type: 'nominal' as const,
    sort: null,
    scale: { domain: labels },
    title: spec.categoryTitle,
    // Without a canvas Vega estimates text at 0.8em a character, so the limit is generous for real text.
    axis: horizontal ? { labelLimit: 320 } : { labelAngle: tiltLabels ? -45 : 0, labelLimit: 240 },
  };
  const value = {
    field: 'position',
    type: 'quantitative' as const,
    title: spec.valueTitle,
    axis: { format: axisFormat(format), tickCount: 5 },
  };

  return {
    width,
    height,
    background: 'white',
    data: { values: spec.data.map((d) => ({ label: d.label, value: d.value, text: d.value == null ? (d.text ?? NOT_AVAILABLE_LABEL) : null })) },
    transform: [
      { calculate: 'datum.value == null ? 0 : datum.value', as: 'position' },
      {
        calculate: `datum.value == null ? datum.text : format(datum.value, ${JSON.stringify(format)})`,
        as: 'valueText',
      },
    ],
    encoding: horizontal ? { y: category, x: value } : { x: category, y: value },
    layer: [
      {
        name: 'bars',
        transform: [{ filter: 'datum.value != null' }],
        // Clipped to the plot area; the clip path's id is one of those made deterministic in cleanSvg.
        mark: { type: 'bar', fill: BAR_COLOUR, clip: true },
      },
      {
        name: 'values',
        mark: horizontal
          ? { type: 'text', align: 'left', baseline: 'middle', dx: 3 }
          : { type: 'text', align: 'center', baseline: 'bottom', dy: -3 },
        encoding: { text: { field: 'valueText', type: 'nominal' } },
      },
    ],
    config: {
      aria: false,
      font: FONT_FAMILY,
      view: { stroke: null },
      axis: {
        labelFontSize: FONT_SIZE,
        titleFontSize: FONT_SIZE,
        labelColor: '#000',
        titleColor: '#000',
        domainColor: '#555',
        tickColor: '#555',
        gridColor: '#ddd',
      },
      text: { fontSize: FONT_SIZE, fill: '#000' },
    },
  };
}

/**
 * Vega gives axis formats a precision to suit the tick step; a specifier with no type (such as `,`) would
 * then print 2,000 as "2e+3", so such a specifier gets the fixed-point type with zeros trimmed.
 */
function axisFormat(format: string): string {
  return /[bcdeEfgGnoprsxX%]$/.test(format) ? format : `${format}~f`;
}

/**
 * Post-processes Vega's SVG: hides it from assistive technology (the figure carries the text alternative),
 * makes it scale to its container, and replaces Vega's global-counter ids with ids derived from the chart
 * id. Only tags are touched: Vega escapes `<`, `>` in text and attributes, so a tag ends at the first `>`,
 * and hostile label text that looks like an attribute is never rewritten.
 */
function cleanSvg(rawSvg: string, chartId: string): string {
  const idMap = new Map<string, string>();
  for (const match of rawSvg.matchAll(/<[A-Za-z][^>]*>/g)) {
    const id = /\sid="([^"]+)"/.exec(match[0])?.[1];
    if (id !== undefined && !idMap.has(id)) {
      const kind = id.replace(/\d+$/, '') || 'id';
      idMap.set(id, `${chartId}-${kind}-${idMap.size + 1}`);
    }
  }
  const scoped = (id: string): string => idMap.get(id) ?? id;

  let isRoot = true;
  return rawSvg.replace(/<[A-Za-z][^>]*>/g, (tag) => {
    let out = tag
      .replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, '')
      .replace(/(\sid=")([^"]+)(")/g, (_, a: string, id: string, b: string) => a + scoped(id) + b)
      .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${scoped(id)})`)
      .replace(/(\s(?:xlink:)?href="#)([^"]+)(")/g, (_, a: string, id: string, b: string) => a + scoped(id) + b);
    if (isRoot) {
      isRoot = false;
      const width = /\swidth="([\d.]+)"/.exec(out)?.[1];
      out = out
        .replace(/\s(?:width|height|style)="[^"]*"/g, '')
        .replace(
          /^<svg/,
          `<svg width="100%" style="max-width:${width ?? '100%'}${width ? 'px' : ''};height:auto;display:block"` +
            ` aria-hidden="true" focusable="false"`,
        );
    }
    return out;
  });
}
