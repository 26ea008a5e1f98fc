/**
 * The year at a glance: the headline figures of a year on one printable A4 page, each with last year's
 * value, the change in words and a verdict shown by a word and a symbol. Renders as a self-contained HTML
 * fragment (its own CSS, every class prefixed `glance-`) for the front of the annual report, or as a
 * standalone HTML document for a presentation. Templates live in `templates/glance/`; every value is
 * escaped by Handlebars, and the only unescaped markup is the stylesheet and the constant symbols.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { IndicatorReport } from '../indicators/types.js';
import { longDate } from '../report/model.js';
import { parseYear } from '../returns/year.js';
import { DEFAULT_GLANCE_IDS, headlineFigures, numberReasons, VERDICT_MEANINGS, VERDICT_WORDS, type Verdict } from './headline.js';
import { verdictSymbol } from './symbols.js';

/** The template folder shipped with the package: glance.hbs, glance.css, page.hbs. */
export const GLANCE_TEMPLATE_DIR = fileURLToPath(new URL('../../templates/glance/', import.meta.url));

/** How to render the glance. */
export interface GlanceOptions {
  /** The board's name, shown above the title (omitted when not given). */
  boardName?: string;
  /** Indicator ids to show, in order (default: DEFAULT_GLANCE_IDS). Unknown ids throw UnknownHeadlineIndicatorError. */
  ids?: readonly string[];
  /** Level of the glance's heading: 2 inside the report (default), 1 on its own page. Cards use the next level. */
  headingLevel?: 1 | 2 | 3 | 4 | 5;
  /** Prefix for element ids, so two glances (or a glance and the report) never share an id (default `glance`). */
  idPrefix?: string;
  /** Put the glance stylesheet in a `<style>` inside the fragment (default true). Pass false and add `glanceCss()` to the page's head instead, to keep `<style>` out of `<body>`. */
  includeStyle?: boolean;
  /** The heading (default "<year> at a glance"). */
  title?: string;
}

/** A figure as the template shows it. */
export interface GlanceCard {
  id: string;
  title: string;
  value: string;
  valueNote: number | null;
  previous: string;
  previousNote: number | null;
  change: string;
  changeNote: number | null;
  /** False when there is no change to give (the verdict "No comparison" already says so). */
  showChange: boolean;
  verdict: Verdict;
  verdictWord: string;
  symbol: string;
}

/** The glance as data: everything formatted, nothing computed in the template. */
export interface GlanceModel {
  idPrefix: string;
  headingLevel: number;
  cardHeadingLevel: number;
  boardName: string;
  title: string;
  year: string;
  previousYear: string;
  /** "1 April 2012 to 31 March 2013". */
  period: string;
  /** Three columns when there are more than ten figures, so the page still fits on one sheet. */
  columns: 2 | 3;
  cards: GlanceCard[];
  /** The verdicts used on the page, with their symbol and meaning. */
  key: { verdict: Verdict; word: string; meaning: string; symbol: string }[];
  notes: { number: number; text: string }[];
}

const ID_PREFIX = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Build the glance model from a year's indicator report. */
export function buildGlanceModel(report: IndicatorReport, options: GlanceOptions = {}): GlanceModel {
  const idPrefix = options.idPrefix ?? 'glance';
  if (!ID_PREFIX.test(idPrefix)) throw new Error(`idPrefix must be a letter followed by letters, digits, - or _: ${idPrefix}`);
  const headingLevel = options.headingLevel ?? 2;
  const headline = headlineFigures(report, options.ids ?? DEFAULT_GLANCE_IDS);
  const { notes, refs } = numberReasons(headline.figures);
  const cards = headline.figures.map((f, i) => ({
    id: f.id,
    title: f.title,
    value: f.value,
    valueNote: refs[i]!.value,
    previous: f.previous,
    previousNote: refs[i]!.previous,
    change: f.change,
    changeNote: refs[i]!.change,
    showChange: f.verdict !== 'no-comparison' || refs[i]!.change !== null,
    verdict: f.verdict,
    verdictWord: f.verdictWord,
    symbol: verdictSymbol(f.verdict),
  }));
  const order: Verdict[] = ['improved', 'worsened', 'unchanged', 'not-rated', 'no-comparison'];
  const used = new Set(cards.map((c) => c.verdict));
  const fy = parseYear(report.year);
  return {
    idPrefix,
    headingLevel,
    cardHeadingLevel: Math.min(6, headingLevel + 1),
    boardName: options.boardName ?? '',
    title: options.title ?? `${report.year} at a glance`,
    year: report.year,
    previousYear: headline.previousYear,
    period: fy ? `${longDate(fy.start)} to ${longDate(fy.end)}` : report.year,
    columns: cards.length > 10 ? 3 : 2,
    cards,
    key: order.filter((v) => used.has(v)).map((v) => ({ verdict: v, word: VERDICT_WORDS[v], meaning: VERDICT_MEANINGS[v], symbol: verdictSymbol(v) })),
    notes,
  };
}

/** The glance stylesheet (every selector scoped under `.glance`). */
export function glanceCss(templateDir = GLANCE_TEMPLATE_DIR): string {
  return readFileSync(path.join(templateDir, 'glance.css'), 'utf8');
}

/** Keep a stylesheet from closing its `<style>` element early. */
function safeCss(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

function compile(templateDir: string, name: string): Handlebars.TemplateDelegate {
  const hb = Handlebars.create();
  return hb.compile(readFileSync(path.join(templateDir, name), 'utf8'), { strict: true, preventIndent: true });
}

const RUNTIME = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false } as const;

/**
 * The glance as a self-contained HTML fragment (a `<section class="glance">` with its own `<style>`
 * unless `includeStyle: false`), for the front of the annual report.
 */
export function renderGlanceFragment(report: IndicatorReport, options: GlanceOptions = {}, templateDir = GLANCE_TEMPLATE_DIR): string {
  const model = buildGlanceModel(report, options);
  const css = options.includeStyle === false ? '' : safeCss(glanceCss(templateDir));
  return compile(templateDir, 'glance.hbs')({ ...model, css }, RUNTIME);
}

/** The glance as a complete, self-contained HTML document of one A4 page. */
export function renderGlanceHtml(report: IndicatorReport, options: GlanceOptions & { lang?: string } = {}, templateDir = GLANCE_TEMPLATE_DIR): string {
  const fragment = renderGlanceFragment(report, { headingLevel: 1, ...options, includeStyle: false }, templateDir);
  return compile(templateDir, 'page.hbs')(
    {
      lang: options.lang ?? 'en-GB',
      documentTitle: glanceDocumentTitle(report.year, options.boardName, options.title),
      description: `Headline safeguarding figures for ${report.year}, with the change from the year before`,
      boardName: options.boardName ?? '',
      css: safeCss(glanceCss(templateDir)),
      fragment,
    },
    RUNTIME,
  );
}

/** The standalone page's title (HTML `<title>` and PDF title): "Calderdale Safeguarding Children Board: 2012-13 at a glance". */
export function glanceDocumentTitle(year: string, boardName?: string, title?: string): string {
  const heading = title ?? `${year} at a glance`;
  return boardName ? `${boardName}: ${heading}` : heading;
}
