/**
 * Render stage: the report model through the Handlebars template into one self-contained HTML file
 * (inline CSS, inline SVG charts, no script, no external requests). A fresh Handlebars instance is used
 * for every render, in strict mode (a template that names a missing field fails instead of printing
 * nothing) and with prototype access off. The output depends only on the model and the template.
 */
import Handlebars from 'handlebars';
import { renderBarChart } from './charts.js';
import { cssString } from './escape.js';
import type { ChartModel, ReportModel, SectionModel } from './model.js';
import type { LoadedTemplate } from './templates.js';

/** A chart with its drawn SVG (hidden from assistive technology; the template's figure describes it). */
export type RenderedChart = ChartModel & { svg: string };

/** What the templates see: the model, charts drawn, plus the stylesheet. */
export interface ReportView extends Omit<ReportModel, 'sections'> {
  sections: (Omit<SectionModel, 'charts'> & { charts: Record<string, RenderedChart> })[];
  css: string;
  pageCss: string;
  subject: string;
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

/** The running header and footer for the printed page, built here because they carry the board's name. */
function pageCss(model: ReportModel): string {
  return `@page { @top-center { content: ${cssString(model.runningHeader)}; } }`;
}

async function drawCharts(charts: Record<string, ChartModel>): Promise<Record<string, RenderedChart>> {
  const out: Record<string, RenderedChart> = {};
  for (const [key, chart] of Object.entries(charts)) {
    out[key] = { ...chart, svg: chart.available ? (await renderBarChart(chart.spec)).svg : '' };
  }
  return out;
}

/** Render the report model to a complete HTML document. */
export async function renderReportHtml(model: ReportModel, template: LoadedTemplate): Promise<string> {
  const sections = [];
  for (const s of model.sections) sections.push({ ...s, charts: await drawCharts(s.charts) });
  const view: ReportView = { ...model, sections, css: safeCss(template.css), pageCss: pageCss(model), subject: reportSubject(model) };

  const hb = Handlebars.create();
  const compileOptions = { strict: true, preventIndent: true } as const;
  for (const [name, source] of template.partials) hb.registerPartial(name, hb.compile(source, compileOptions));
  const layout = hb.compile(template.layout, compileOptions);
  try {
    return layout(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (error) {
    throw new TemplateRenderError(`The report template could not be rendered: ${(error as Error).message.split('\n')[0]}`);
  }
}
