/**
 * Narrative: a section's Markdown, with live figures resolved first (`{{value "id"}}`, `{{previous "id"}}`,
 * `{{change "id"}}`) and then rendered to safe HTML with numbered paragraphs ("3.4") as in a statutory report.
 *
 * Live figures go through a Handlebars instance of their own that knows only those three helpers, runs in
 * strict mode and cannot reach prototypes, so a narrative file can insert figures and nothing else. The
 * Markdown renderer escapes raw HTML (a `<script>` shows as text) and only links to http(s), mailto and
 * places in the report.
 */
import Handlebars from 'handlebars';
import { Marked, type Token, type Tokens } from 'marked';
import { smartypantsu } from 'smartypants';
import { isKnownIndicatorId } from '../indicators/catalogue.js';
import { formatChange, formatIndicatorValue } from '../indicators/format.js';
import type { IndicatorReport, IndicatorRow, IndicatorValue } from '../indicators/types.js';
import { isSuppressed, NOT_PUBLISHED } from '../disclosure/disclose-indicators.js';
import { SUPPRESSED } from '../disclosure/suppress.js';
import { escapeHtml, escapeMarkdown } from './escape.js';

/** A narrative file that cannot be rendered: an unknown figure id or a template mistake. */
export class NarrativeError extends Error {
  constructor(
    /** Stable finding code. */
    readonly code: 'narrative-unknown-figure' | 'narrative-template-invalid' | 'narrative-figure-unknown' | 'narrative-figure-twice' | 'narrative-reference-unknown',
    /** File relative to the board folder, e.g. `2012-13/narrative/training.md`. */
    readonly file: string,
    message: string,
    readonly hint: string,
    /** The figure id, for unknown figures. */
    readonly figureId?: string,
    /** 1-based line in the file, when known. */
    readonly line?: number,
  ) {
    super(message);
    this.name = 'NarrativeError';
  }
}

/** Thrown by a live-figure helper when the id is not an indicator; caught and given the file's name. */
class UnknownFigure extends Error {
  constructor(readonly figureId: string) {
    super(`unknown figure ${figureId}`);
  }
}

/** The text a live figure becomes, for one indicator id. */
export interface LiveFigures {
  value(id: string): string;
  previous(id: string): string;
  change(id: string): string;
}

/**
 * Live figures backed by the year's indicator report (after the disclosure stage, so suppressed figures
 * print as [c]); ids unknown to the catalogue throw.
 */
export function liveFiguresFrom(indicators: IndicatorReport): LiveFigures {
  const rows = new Map<string, IndicatorRow>(indicators.rows.map((r) => [r.def.id, r]));
  const row = (id: string): IndicatorRow | null => {
    const found = rows.get(id);
    if (found) return found;
    if (isKnownIndicatorId(id)) return null;
    throw new UnknownFigure(id);
  };
  // A suppressed figure prints [c]; a change touching one prints "not published" (it would give it away).
  const shown = (r: IndicatorRow, v: IndicatorValue) => (isSuppressed(v) ? SUPPRESSED : formatIndicatorValue(r.def, v));
  return {
    value: (id) => {
      const r = row(id);
      return r ? shown(r, r.current) : 'not available';
    },
    previous: (id) => {
      const r = row(id);
      return r ? shown(r, r.previous) : 'not available';
    },
    change: (id) => {
      const r = row(id);
      if (!r) return 'not available';
      return isSuppressed(r.current) || isSuppressed(r.previous) ? NOT_PUBLISHED : formatChange(r.def, r.change);
    },
  };
}

const FIGURE_HELPERS = ['value', 'previous', 'change'] as const;

/** Replace live figures in narrative Markdown with their formatted values (escaped as Markdown text). */
export function resolveLiveFigures(markdown: string, figures: LiveFigures, file: string): string {
  const hb = Handlebars.create();
  for (const name of Object.keys(hb.helpers)) hb.unregisterHelper(name);
  for (const name of FIGURE_HELPERS) {
    hb.registerHelper(name, (...args: unknown[]) => {
      const params = args.slice(0, -1);
      if (params.length !== 1 || typeof params[0] !== 'string') {
        throw new TemplateMisuse(`{{${name}}} takes one indicator id in quotes, like {{${name} "cp.plans_open_at_year_end"}}.`);
      }
      return new hb.SafeString(escapeMarkdown(figures[name](params[0])));
    });
  }
  const knownHelpers = Object.fromEntries(FIGURE_HELPERS.map((n) => [n, true]));
  let template: Handlebars.TemplateDelegate;
  try {
    checkOnlyLiveFigures(hb.parse(markdown));
    // A figure at the start of a line followed by "." or ")" would turn "61. young people…" into a
    // numbered list once the figure is filled in: escape the punctuation so it stays text.
    const source = markdown.replace(/^(\s{0,3})(\{\{\s*(?:value|previous|change)\b[^}]*\}\})([.)])/gm, '$1$2\\$3');
    template = hb.compile(source, { strict: true, knownHelpersOnly: true, knownHelpers, noEscape: false, preventIndent: true });
    return template({}, { allowProtoMethodsByDefault: false, allowProtoPropertiesByDefault: false, helpers: {}, partials: {}, data: false });
  } catch (error) {
    if (error instanceof UnknownFigure) {
      throw new NarrativeError(
        'narrative-unknown-figure',
        file,
        `The narrative cites the figure "${error.figureId}", which is not an indicator.`,
        'Check the spelling against `lscb-report indicators --list`, or remove the live figure.',
        error.figureId,
        lineOf(markdown, error.figureId),
      );
    }
    const message = (error as Error).message.split('\n')[0] ?? 'unreadable';
    const lineText = /line (\d+)/.exec((error as Error).message)?.[1];
    const line = error instanceof TemplateMisuse ? error.line : lineText ? Number(lineText) : undefined;
    throw new NarrativeError(
      'narrative-template-invalid',
      file,
      `The narrative has a live figure that cannot be read: ${error instanceof TemplateMisuse ? error.message : message}`,
      'Live figures are written {{value "id"}}, {{previous "id"}} or {{change "id"}}; write \\{{ for literal braces.',
      undefined,
      line,
    );
  }
}

class TemplateMisuse extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/**
 * Accept only text, comments and `{{value|previous|change "id"}}`; anything else (blocks, partials, other
 * helpers, plain lookups such as `{{__proto__}}`) is refused before the template runs.
 */
function checkOnlyLiveFigures(program: hbs.AST.Program): void {
  for (const node of program.body) {
    if (node.type === 'ContentStatement' || node.type === 'CommentStatement') continue;
    const line = node.loc?.start.line;
    if (node.type !== 'MustacheStatement') {
      throw new TemplateMisuse(`only {{value "id"}}, {{previous "id"}} and {{change "id"}} may be used (found a ${describeNode(node.type)}).`, line);
    }
    const m = node as hbs.AST.MustacheStatement;
    const name = m.path.type === 'PathExpression' ? (m.path as hbs.AST.PathExpression).original : '';
    if (!(FIGURE_HELPERS as readonly string[]).includes(name)) {
      throw new TemplateMisuse(`{{${name || '…'}}} is not a live figure; use {{value "id"}}, {{previous "id"}} or {{change "id"}}.`, line);
    }
    if (m.params.length !== 1 || m.params[0]!.type !== 'StringLiteral' || (m.hash && m.hash.pairs.length > 0)) {
      throw new TemplateMisuse(`{{${name}}} takes one indicator id in quotes, like {{${name} "cp.plans_open_at_year_end"}}.`, line);
    }
  }
}

function describeNode(type: string): string {
  switch (type) {
    case 'BlockStatement':
      return 'block {{#…}}';
    case 'PartialStatement':
    case 'PartialBlockStatement':
      return 'partial {{> …}}';
    case 'DecoratorBlock':
    case 'Decorator':
      return 'decorator';
    default:
      return type;
  }
}

function lineOf(text: string, needle: string): number | undefined {
  const idx = text.indexOf(`"${needle}"`);
  return idx < 0 ? undefined : text.slice(0, idx).split('\n').length;
}

/**
 * Rendered narrative: safe HTML in two parts, with the section's tables and charts to go between them, and
 * the paragraph numbers it defines (e.g. `3.4`).
 */
export interface RenderedNarrative {
  /** Narrative before the section's tables and charts. */
  html: string;
  /** Narrative after them (from the figures marker, or the closing "Key achievements" part); often empty. */
  after: string;
  paragraphs: string[];
  /** Figures placed in the text with `<!-- table: key -->` or `<!-- chart: key -->`, in order, with their lines. */
  placements: { kind: 'table' | 'chart'; key: string; line: number }[];
  /** Paragraph labels (`{#label}` at the end of a numbered paragraph) → paragraph number. */
  labels: Map<string, string>;
}

import { PLACE_MARKER } from './figure-declarations.js';
export { PLACE_MARKER };

/** Where a placed figure goes in the rendered HTML, until the render stage puts the figure there. */
export function placeHolder(kind: string, key: string): string {
  return `<div class="placed-figure" data-place="${kind.toLowerCase()}:${escapeHtml(key)}"></div>`;
}

/** A reference `[](#label)` in the rendered HTML, until every label's number is known. */
export const REFERENCE = /\uE000([^\uE001]*)\uE001/g;

/** A paragraph label: `{#label}` at the very end of a paragraph. */
const PARAGRAPH_LABEL = /\s*\{#([A-Za-z][\w-]*)\}\s*$/;

/** A line `<!-- figures -->` in a narrative file marks where the section's tables and charts go. */
export const FIGURES_MARKER = /^\s*<!--\s*figures\s*-->\s*$/i;

/** Headings that close a section in the reference report; tables and charts go before them. */
const CLOSING_HEADING = /^(key achievements?|challenges?)$/i;

/** Index of the token before which the section's figures go (tokens.length for the end). */
function figuresIndex(tokens: { type: string; raw: string; text?: string; depth?: number }[]): number {
  const marker = tokens.findIndex((t) => t.type === 'html' && FIGURES_MARKER.test(t.raw));
  if (marker >= 0) return marker;
  // Otherwise before the trailing run of "Key achievements" / "Challenges" parts, when the text ends with one.
  let index = tokens.length;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.type === 'heading') {
      if (CLOSING_HEADING.test((t.text ?? '').trim())) index = i;
      else break;
    }
  }
  return index;
}

/** Options for rendering one section's narrative. */
export interface NarrativeRenderOptions {
  /** Section number for paragraph numbers; null (appendices) leaves paragraphs unnumbered. */
  sectionNumber: number | null;
  /** The narrative file, relative to the board folder, for error messages. */
  file?: string;
}

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
const FRAGMENT = /^#[A-Za-z][A-Za-z0-9_.-]*$/;

/** Straight quotes, `--`, `---` and `...` made typographic (SmartyPants, en dash for `--`). */
export function typographic(text: string): string {
  return smartypantsu(text, 2);
}

/** The id of a numbered paragraph's element, e.g. `para-3-4`. */
export function paragraphAnchor(number: string): string {
  return `para-${number.replace(/\./g, '-')}`;
}

/** Render narrative Markdown (figures already resolved) to safe HTML with numbered paragraphs. */
export function renderNarrative(markdown: string, options: NarrativeRenderOptions): RenderedNarrative {
  try {
    return renderMarkdown(markdown, options);
  } catch (error) {
    // marked recurses once per level of nesting: hundreds of nested quotes or lists exhaust the stack.
    if (error instanceof RangeError) {
      throw new NarrativeError(
        'narrative-template-invalid',
        options.file ?? 'narrative',
        'The narrative is nested too deeply to read (quotes or lists inside each other hundreds of times).',
        'Simplify the Markdown: remove the repeated ">" or list markers.',
      );
    }
    throw error;
  }
}

function renderMarkdown(markdown: string, options: NarrativeRenderOptions): RenderedNarrative {
  const numbers = new WeakMap<object, string>();
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({

    renderer: {
      html({ text }) {
        const place = PLACE_MARKER.exec(text);
        if (place) return `${placeHolder(place[1]!, place[2]!)}\n`;
        // Raw HTML is shown as text, never interpreted; HTML comments are authors' notes and are dropped.
        if (/^\s*<!--[\s\S]*-->\s*$/.test(text)) return '';
        return escapeHtml(text);
      },
      heading({ tokens, depth }) {
        // The section title is h2; narrative headings sit below it.
        const level = Math.min(6, Math.max(3, depth));
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
      paragraph(token: Tokens.Paragraph) {
        const inner = this.parser.parseInline(token.tokens);
        const number = numbers.get(token);
        if (!number) return `<p>${inner}</p>\n`;
        return `<p class="para" id="${paragraphAnchor(number)}"><span class="para-number">${number}</span> ${inner}</p>\n`;
      },
      link({ href, title, tokens }) {
        const text = this.parser.parseInline(tokens);
        const target = href.trim();
        // An empty link to a label, [](#label), is a cross-reference: it prints the label's number.
        if (text.trim() === '' && FRAGMENT.test(target)) return `\uE000${escapeHtml(target.slice(1))}\uE001`;
        if (!SAFE_LINK.test(target) && !FRAGMENT.test(target)) return text;
        const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
        // A link with no text would be announced as nothing: show where it goes (validate warns, link-text-empty).
        const shown = text.trim() === '' ? escapeHtml(target.replace(/^mailto:/i, '')) : text;
        return `<a href="${escapeHtml(target)}"${titleAttr}>${shown}</a>`;
      },
      image({ text }) {
        // The report loads nothing from outside; an image becomes its text alternative.
        return escapeHtml(text);
      },
    },
  });
  const tokens = marked.lexer(markdown);
  // Typographic quotes and dashes in the text (“ ” ‘ ’, -- as –, --- as —, ... as …), never in code.
  marked.walkTokens(tokens, (token: Token) => {
    if (token.type === 'text' && !('tokens' in token && token.tokens)) token.text = typographic(token.text);
  });
  const paragraphs: string[] = [];
  const labels = new Map<string, string>();
  let n = 0;
  for (const token of tokens) {
    if (token.type !== 'paragraph') continue;
    // A label at the end of the paragraph is taken off its text.
    const last = (token as Tokens.Paragraph).tokens.at(-1);
    const label = last && last.type === 'text' ? PARAGRAPH_LABEL.exec(last.text) : null;
    if (label && last && last.type === 'text') {
      last.text = last.text.slice(0, label.index);
      last.raw = last.text;
    }
    if (options.sectionNumber === null) continue;
    n += 1;
    const number = `${options.sectionNumber}.${n}`;
    numbers.set(token, number);
    paragraphs.push(number);
    if (label) labels.set(label[1]!, number);
  }
  const placements: RenderedNarrative['placements'] = [];
  let offset = 0;
  for (const token of tokens) {
    const place = token.type === 'html' ? PLACE_MARKER.exec(token.raw) : null;
    if (place) placements.push({ kind: place[1]!.toLowerCase() as 'table' | 'chart', key: place[2]!, line: markdown.slice(0, offset).split('\n').length + (token.raw.match(/^\n*/)?.[0].length ?? 0) });
    offset += token.raw.length;
  }
  const split = figuresIndex(tokens);
  const before = Object.assign(tokens.slice(0, split), { links: tokens.links });
  const rest = Object.assign(tokens.slice(split), { links: tokens.links });
  return { html: marked.parser(before) as string, after: marked.parser(rest) as string, paragraphs, placements, labels };
}
