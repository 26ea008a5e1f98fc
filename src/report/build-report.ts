/**
 * The report half of the pipeline as plain functions: template + model → HTML, the PDF's metadata, and the
 * names of the files a build writes. The `build` command strings these together with load, validate,
 * compute and print.
 */
import type { PdfMetadata } from '../pdf/metadata.js';
import type { LeftHeader, RunningHead } from '../pdf/running-head.js';
import type { IndicatorReport } from '../indicators/types.js';
import type { BoardData, YearData } from '../load/load-board.js';
import { parseYear } from '../returns/year.js';
import { BACK_PAGE_ANCHOR, buildReportModel, type ReportModel } from './model.js';
import { renderReportHtml, reportSubject } from './render-html.js';
import { loadTemplate } from './templates.js';
import { glanceCss, renderGlanceFragment } from '../glance/render-glance.js';

/** The report as data and as HTML. */
export interface AssembledReport {
  model: ReportModel;
  html: string;
  /** Partials and stylesheet the board replaced. */
  overridden: string[];
}

/** Parse SOURCE_DATE_EPOCH (whole seconds since 1970); null when unset or not a number. */
export function parseSourceDateEpoch(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,12}$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** Build the model and render it through the board's template. */
export async function assembleReport(
  board: BoardData,
  data: YearData,
  indicators: IndicatorReport,
  options: { sourceDateEpoch?: number | null; draft?: boolean } = {},
): Promise<AssembledReport> {
  const template = await loadTemplate(board.dir, board.config?.template ?? 'default');
  const model = buildReportModel(board, data, indicators, {
    sourceDateEpoch: options.sourceDateEpoch ?? null,
    partials: new Set(template.partials.keys()),
    draft: options.draft === true,
  });
  const glance = board.config?.glance ?? { enabled: true };
  const glanceHtml = glance.enabled
    ? renderGlanceFragment(indicators, { boardName: model.board.name, headingLevel: 2, idPrefix: 'glance', includeStyle: false, ids: glance.indicators })
    : '';
  const html = await renderReportHtml(model, template, { glanceHtml, glanceCss: glance.enabled ? glanceCss() : '' });
  return { model, html, overridden: template.overridden };
}

/**
 * The PDF's metadata. Its date is SOURCE_DATE_EPOCH, else the publication date, else the presentation
 * date, else the last day of the year: never the clock, so a rebuild gives the same bytes.
 */
export function reportPdfMetadata(model: ReportModel, board: BoardData, sourceDateEpoch: number | null): PdfMetadata & { runningHeads: RunningHead[]; runningHeader: LeftHeader } {
  const pub = board.config?.publication.years[model.year];
  const iso = pub?.publishedDate ?? pub?.presentedDate ?? parseYear(model.year)!.end;
  const date = sourceDateEpoch !== null ? new Date(sourceDateEpoch * 1000) : new Date(`${iso}T00:00:00Z`);
  const keywords = ['safeguarding children', 'annual report', 'LSCB', model.board.name, model.board.area, model.year].filter((k) => k !== '');
  return {
    title: model.title,
    author: model.board.chair || model.board.name,
    subject: reportSubject(model),
    keywords,
    language: model.lang,
    date,
    runningHeads: [
      ...model.sections.map((s) => ({ anchor: s.anchor, text: s.label ? `${s.label}${s.isAppendix ? ':' : ''} ${s.title}` : s.title })),
      // The back page is a page of its own: no section's title runs over it.
      ...(model.matter.backPage ? [{ anchor: BACK_PAGE_ANCHOR, text: '' }] : []),
    ],
    // As render-html.ts prints it at the top left: bold for a marked (internal) edition.
    runningHeader: { text: model.runningHeader, bold: model.edition.marked },
  };
}

/** A file-name-safe slug: "Calderdale Safeguarding Children Board" → "calderdale-safeguarding-children-board". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'board';
}

/** The names of the files a build writes for a board and year. */
export function reportFileNames(boardName: string, year: string): { html: string; pdf: string; json: string; csv: string } {
  const base = slugify(boardName);
  return {
    html: `${base}-annual-report-${year}.html`,
    pdf: `${base}-annual-report-${year}.pdf`,
    json: `${base}-indicators-${year}.json`,
    csv: `${base}-indicators-${year}.csv`,
  };
}
