/**
 * Render stage: the report model through the Handlebars template into one self-contained HTML file
 * (inline CSS, inline SVG charts, no script, no external requests). A fresh Handlebars instance is used
 * for every render, in strict mode (a template that names a missing field fails instead of printing
 * nothing) and with prototype access off. The output depends only on the model and the template.
 */
import Handlebars from 'handlebars';
import { renderChart } from './charts.js';
import { cssString } from './escape.js';
import { decodeHtmlEntities } from '../pdf/html-entities.js';
import type { ChartModel, ReportModel, SectionModel } from './model.js';
import type { LoadedTemplate } from './templates.js';

/** The helpers a report template may use (plus Handlebars' internal `helperMissing`/`blockHelperMissing`). */
export const TEMPLATE_HELPERS: ReadonlySet<string> = new Set(['if', 'unless', 'each', 'with', 'lookup', 'helperMissing', 'blockHelperMissing']);

/** A chart with its drawn SVG (hidden from assistive technology; the template's figure describes it). */
export type RenderedChart = ChartModel & { svg: string };

/** What the templates see: the model, charts drawn, plus the stylesheet. */
export interface ReportView extends Omit<ReportModel, 'sections'> {
  sections: (Omit<SectionModel, 'charts' | 'placed'> & {
    charts: Record<string, RenderedChart>;
    placed: Record<string, { kind: 'table' | 'chart'; table: SectionModel['placed'][string]['table']; chart: RenderedChart | null }>;
  })[];
  css: string;
  pageCss: string;
  /** Styles of the internal edition's banner; empty for the published edition. */
  editionCss: string;
  subject: string;
  /** The year-at-a-glance page (already escaped HTML), or empty when the board turns it off. */
  glanceHtml: string;
  glanceCss: string;
}

/** Render a template error (a mistake in a board's partial) with the partial's name. */
export class TemplateRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateRenderError';
  }
}

/** The report's subject line (HTML description and PDF subject). */
export function reportSubject(model: ReportModel): string {
  const area = model.board.area ? ` in ${model.board.area}` : '';
  return `Annual report on the effectiveness of arrangements to safeguard and promote the welfare of children${area}, ${model.period}`;
}

/** Keep a stylesheet from closing its `<style>` element early. */
function safeCss(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

/**
 * The running header and footer for the printed page, built here because they carry the board's name, and
 * kept out of report.css so that a board's own stylesheet cannot drop the internal edition's marking.
 */
function pageCss(model: ReportModel): string {
  const header = `@page { @top-left { content: ${cssString(model.runningHeader)}; } }`;
  // The inside cover and back page (the "matter" pages) carry no header, unless every page must be marked.
  if (!model.edition.marked) return `${header}\n@page matter { @top-left { content: none; } @bottom-center { content: none; } }`;
  const marking = cssString(`${model.edition.marking} · Page `);
  return `${header}\n@page { @bottom-center { content: ${marking} counter(page) " of " counter(pages); font-weight: bold; color: #8b0000; } @top-left { font-weight: bold; color: #8b0000; } }`;
}

/** The internal edition's banner: on top of the screen while scrolling, at the top of the printed cover. */
function editionCss(model: ReportModel): string {
  if (!model.edition.marked) return '';
  return [
    '.edition-banner { position: sticky; top: 0; z-index: 10; padding: 0.5em 1em; background: #8b0000; color: #fff; text-align: center; line-height: 1.35; -webkit-print-color-adjust: exact; print-color-adjust: exact; }',
    '.edition-banner p { margin: 0; font-size: 10.5pt; }',
    '.edition-banner strong { display: block; font-size: 13pt; letter-spacing: 0.04em; }',
    '@media (max-width: 40em) { .edition-banner-detail { display: none; } }',
    // Links into the report (contents, paragraph references) must not land under the banner (WCAG 2.4.11).
    '@media screen { html { scroll-padding-top: 5.5rem; } }',
    '@media print { .edition-banner { position: absolute; top: 12mm; left: 18mm; right: 18mm; padding: 4mm; } .edition-banner strong { font-size: 18pt; } .edition-banner-detail { display: inline; } }',
  ].join('\n');
}

async function drawCharts(charts: Record<string, ChartModel>): Promise<Record<string, RenderedChart>> {
  const out: Record<string, RenderedChart> = {};
  for (const [key, chart] of Object.entries(charts)) {
    out[key] = { ...chart, svg: chart.available ? (await renderChart(chart.spec)).svg : '' };
  }
  return out;
}

/** Render the report model to a complete HTML document. */
export async function renderReportHtml(
  model: ReportModel,
  template: LoadedTemplate,
  front: { glanceHtml: string; glanceCss: string } = { glanceHtml: '', glanceCss: '' },
): Promise<string> {
  const sections = [];
  for (const s of model.sections) {
    const placed: Record<string, { kind: 'table' | 'chart'; table: ReportModel['sections'][number]['placed'][string]['table']; chart: RenderedChart | null }> = {};
    for (const [key, p] of Object.entries(s.placed)) {
      placed[key] = { kind: p.kind, table: p.table, chart: p.chart ? (await drawCharts({ c: p.chart })).c! : null };
    }
    sections.push({ ...s, charts: await drawCharts(s.charts), placed });
  }
  const view: ReportView = {
    ...model,
    sections,
    css: safeCss(template.css),
    pageCss: pageCss(model),
    editionCss: editionCss(model),
    subject: reportSubject(model),
    glanceHtml: front.glanceHtml,
    glanceCss: safeCss(front.glanceCss),
  };

  const hb = Handlebars.create();
  // Only the block helpers a layout needs. Handlebars' `log` would let a board's partial write to the
  // terminal; no helper that reads files or the network is ever registered.
  for (const name of Object.keys(hb.helpers)) if (!TEMPLATE_HELPERS.has(name)) hb.unregisterHelper(name);
  // `log` is known to the compiler by default; unknown to it, `{{log}}` is a missing field like any other.
  const compileOptions = { strict: true, preventIndent: true, knownHelpers: { log: false } } as const;
  for (const [name, source] of template.partials) hb.registerPartial(name, hb.compile(source, compileOptions));
  const layout = hb.compile(template.layout, compileOptions);
  // Figures placed in the narrative are drawn with the same partials as everywhere else, where they are placed.
  const tablePartial = hb.compile('{{> data-table}}', compileOptions);
  const chartPartial = hb.compile('{{> chart}}', compileOptions);
  const runtime = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
  try {
    for (const s of sections) {
      const place = (html: string) =>
        html.replace(/<div class="placed-figure" data-place="((?:table|chart):[^"]+)"><\/div>/g, (whole, key: string) => {
          const p = s.placed[decodeHtmlEntities(key)];
          if (!p) return whole;
          return p.table ? tablePartial(p.table, runtime) : p.chart ? chartPartial(p.chart, runtime) : whole;
        });
      s.narrative = { ...s.narrative, html: place(s.narrative.html), after: place(s.narrative.after) };
    }
  } catch (error) {
    throw new TemplateRenderError(`The report template could not be rendered: ${(error as Error).message.split('\n')[0]}`);
  }
  try {
    return layout(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (error) {
    throw new TemplateRenderError(`The report template could not be rendered: ${(error as Error).message.split('\n')[0]}`);
  }
}
