/**
 * Typed numbers in narrative: every number an author typed (digits, percentages, money and number words)
 * rather than a live figure, found in the text a reader sees. The Markdown is read with the renderer's own
 * library (marked's lexer), so emphasis, links, code and comments cannot hide or split a number, and
 * non-breaking spaces, Unicode minus signs and dashes are read as a reader would.
 *
 * Not figures: years and year ranges (2012-13), dates (31 March 2013), times, telephone numbers, ordinals,
 * paragraph, section and other reference numbers (para 3.4, section 11, appendix 2, Year 6), ages (aged 11
 * to 18, under-18s, 16-year-olds), durations (2 years, 20 working days), legislation (Children Act 2004)
 * and any number followed by the marker `{{! not a figure }}` (a Handlebars comment, which prints nothing).
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { decimalsOf } from '../../indicators/rounding.js';

/** What kind of number was typed. */
export type TypedKind = 'count' | 'percent' | 'money';

/** A number typed in the text. */
export interface TypedNumber {
  kind: TypedKind;
  value: number;
  /** Decimal places as typed (8% → 0, 82.6% → 1). */
  decimals: number;
  /** The number as typed, e.g. "£421,629.59", "8%", "one". */
  text: string;
  /** Written as a word ("one", "all but one" gives the word "one"). */
  word: boolean;
  /** Offsets in the block's plain text. */
  start: number;
  end: number;
}

/** A live figure in the text. */
export interface LiveRef {
  helper: 'value' | 'previous' | 'change';
  id: string;
  start: number;
  end: number;
}

/** One block of text a reader sees: a paragraph, heading, list item or table cell. */
export interface TextBlock {
  /** The plain text, live figures shown as a placeholder character each. */
  text: string;
  /** 1-based line in the file where the block starts. */
  line: number;
  /** 1-based number of the top-level paragraph, as the report numbers them; null for headings, lists… */
  paragraph: number | null;
  /** What the block is, for messages: "paragraph", "heading", "list item", "table cell" or "quotation". */
  kind: string;
  numbers: TypedNumber[];
  live: LiveRef[];
}

/** The marker an author writes straight after a number to say it is not a figure. */
export const NOT_A_FIGURE_MARKER = '{{! not a figure }}';

const LIVE_FIGURE = /\{\{\s*(value|previous|change)\s+(?:"([^"]*)"|'([^']*)')\s*\}\}/g;
const COMMENT = /\{\{!(?:--[\s\S]*?--|[^}]*)\}\}/g;
const LIVE_MARK = '\uE000';
const NOT_FIGURE_MARK = '\uE001';

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20,
};

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';

/** Words before a number that make it a reference, not a figure. */
const REFERENCE_WORDS = new Set(
  (
    'para paras paragraph paragraphs section sections s ss appendix appendices annex annexe chapter chapters page pages ' +
    'table tables figure figures chart charts recommendation recommendations objective objectives priority priorities step steps ' +
    'stage stages level levels tier tiers phase phases category categories article articles regulation regulations rule rules ' +
    'schedule part parts clause clauses standard standards room version no number item items question questions ' +
    'year key act ks grade box option route floor unit ward'
  ).split(' '),
);

/** Words after a number that make it a duration or time, not a figure. */
const DURATION_AFTER = /^[\s-]*(?:working\s+|calendar\s+|school\s+)?(?:days?|weeks?|months?|years?|hours?|hrs?|minutes?|mins?|seconds?|decades?|am|pm|o'clock)\b(?![\s-]*olds?\b)/i;
const AGE_AFTER = /^(?:\s*-?\s*(?:years?[\s-]*olds?|yrs?[\s-]*olds?|year[\s-]olds?)|\s*\+|s\b)/i;
const AGE_BEFORE = /\b(?:aged?|ages|ages of|age of|under|under-|over-)\s*(?:between\s+|from\s+)?$/i;
const ORDINAL_AFTER = /^(?:st|nd|rd|th)\b/i;
const DATE_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\b`, 'i');
const DATE_BEFORE = new RegExp(`\\b(?:${MONTHS})\\s+$`, 'i');
const PHONE = /(?:\+44\s?(?:\(0\)\s?)?|\b0)\d{2,4}[\s\u00a0-]?\d{3,4}[\s\u00a0-]?\d{3,4}\b/g;
const TIME = /\b\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)\b|\b\d{1,2}:\d{2}\b/gi;

/** Dashes, minus signs and spaces a reader sees as `-` and ` ` (the text keeps its length). */
export function normaliseText(text: string): string {
  return text.replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-').replace(/[\u2009\u200a\u202f\u00a0]/g, '\u00a0');
}

function blank(text: string, re: RegExp): string {
  return text.replace(re, (m) => ' '.repeat(m.length));
}

/** The last word before `index` (lower case), skipping spaces and one opening bracket or full stop. */
function wordBefore(text: string, index: number): string {
  const m = /([\p{L}]+)\.?[\s\u00a0]*\(?[\s\u00a0]*$/u.exec(text.slice(Math.max(0, index - 40), index));
  return m ? m[1]!.toLowerCase() : '';
}

interface Candidate extends TypedNumber {
  excluded: boolean;
}

/** Numbers typed in plain text (already normalised), figures and non-figures told apart. */
export function scanNumbers(plain: string): TypedNumber[] {
  const text = blank(blank(plain, PHONE), TIME);
  const found: Candidate[] = [];
  const DIGITS = /(£[\s\u00a0]?)?(-)?(\d+(?:[,\u00a0]\d{3})*(?:\.\d+)?)(?![\p{L}\p{N}])/gu;
  let m: RegExpExecArray | null;
  while ((m = DIGITS.exec(text))) {
    const start = m.index;
    const before = text.slice(0, start);
    // Attached to a word or a reference (CP-0001, S47, 3.4.1, v2): not a figure.
    if (/[\p{L}\p{N}_/]$/u.test(before) || /[\p{L}]-$/u.test(before) || /\.$/.test(before) && /\d\.$/.test(before)) continue;
    const digits = m[3]!.replace(/[,\u00a0]/g, '');
    let value = Number(digits);
    if (m[2]) value = -value;
    let end = start + m[0].length;
    const rest = text.slice(end);
    let kind: TypedKind = m[1] ? 'money' : 'count';
    const pct = /^[\s\u00a0]?(?:%|per\s?cent\b|percent\b)/i.exec(rest);
    if (!m[1] && pct) {
      kind = 'percent';
      end += pct[0].length;
    } else if (m[1]) {
      const scale = /^[\s\u00a0]?(m|k|bn|million|thousand)\b/i.exec(rest);
      if (scale) {
        const unit = scale[1]!.toLowerCase();
        value *= unit === 'k' || unit === 'thousand' ? 1e3 : unit === 'bn' ? 1e9 : 1e6;
        end += scale[0].length;
      }
    }
    const after = text.slice(end);
    let excluded = false;
    const isWhole = /^\d+$/.test(digits);
    const prevWord = wordBefore(text, start);
    if (kind === 'count') {
      if (isWhole && digits.length === 4 && value >= 1900 && value <= 2099) excluded = true; // a year
      else if (/^\d+\.\d+\.\d/.test(text.slice(start))) excluded = true; // 3.4.1
      else if (ORDINAL_AFTER.test(after) || DATE_AFTER.test(after) || DATE_BEFORE.test(before)) excluded = true;
      else if (REFERENCE_WORDS.has(prevWord) && !(prevWord === 'year' && value >= 1900)) excluded = true;
      else if (AGE_AFTER.test(after) || AGE_BEFORE.test(before)) excluded = true;
      else if (DURATION_AFTER.test(after)) excluded = true;
    }
    found.push({ kind, value, decimals: decimalsOf(value), text: text.slice(start, end).trim(), word: false, start, end, excluded });
  }
  const WORDS = new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'gi');
  while ((m = WORDS.exec(text))) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text.slice(0, start);
    const after = text.slice(end);
    const excluded =
      /-$/.test(before) || /^-/.test(after) || /\bno\s+$/i.test(before) || AGE_AFTER.test(after) || AGE_BEFORE.test(before) || DURATION_AFTER.test(after);
    found.push({ kind: 'count', value: NUMBER_WORDS[m[1]!.toLowerCase()]!, decimals: 0, text: m[0], word: true, start, end, excluded });
  }
  found.sort((a, b) => a.start - b.start);
  // A number joined to an excluded one by a range or list ("paras 10.15-10.16", "aged 11 and 18",
  // "2012-13", "sections 3, 4 and 5") is excluded with it.
  for (let i = 1; i < found.length; i++) {
    const prev = found[i - 1]!;
    const cur = found[i]!;
    if (!prev.excluded || cur.excluded || cur.kind !== 'count') continue;
    const between = text.slice(prev.end, cur.start);
    if (/^[\s\u00a0]*(?:-|–|\/|,|&|and|or|to)[\s\u00a0]*$/i.test(between) || (between === '' && text[cur.start] === '-')) cur.excluded = true;
  }
  // A not-a-figure marker straight after a number excludes it.
  return found
    .filter((n) => !n.excluded && !/^[\s\u00a0]*\uE001/.test(text.slice(n.end)))
    .map(({ excluded: _excluded, ...n }) => n);
}

/** Plain text of inline tokens, as a reader sees it (code spans and raw HTML are not read). */
function inlineText(tokens: readonly Token[] | undefined): string {
  let out = '';
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'text':
      case 'escape':
        out += 'tokens' in t && t.tokens ? inlineText(t.tokens) : (t as Tokens.Text).text;
        break;
      case 'codespan':
      case 'html':
        out += ' ';
        break;
      case 'br':
        out += ' ';
        break;
      case 'image':
        out += (t as Tokens.Image).text;
        break;
      default:
        out += 'tokens' in t && Array.isArray(t.tokens) ? inlineText(t.tokens) : 'text' in t ? String(t.text) : '';
    }
  }
  return out;
}

/** Encode an index as letters, so a placeholder never contains a digit. */
function letters(n: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}

/**
 * The blocks of narrative Markdown with their typed numbers and live figures. Paragraphs are numbered
 * as the report numbers them (every top-level paragraph of the file, in order).
 */
export function narrativeBlocks(markdown: string): TextBlock[] {
  const refs: { helper: LiveRef['helper']; id: string }[] = [];
  const source = markdown
    .replace(COMMENT, (c) => (/not\s+a\s+figure/i.test(c) ? NOT_FIGURE_MARK : ''))
    .replace(LIVE_FIGURE, (_m, helper: string, a?: string, b?: string) => {
      refs.push({ helper: helper as LiveRef['helper'], id: (a ?? b ?? '').trim() });
      return `${LIVE_MARK}${letters(refs.length - 1)}${LIVE_MARK}`;
    });
  let tokens: Token[];
  try {
    tokens = new Lexer({ gfm: true }).lex(source);
  } catch {
    return []; // nested too deeply to read: reported by the narrative checks
  }
  const blocks: TextBlock[] = [];
  let offset = 0;
  let paragraph = 0;
  let line = 1;
  let kind = 'paragraph';
  const add = (inline: string, startLine: number, para: number | null) => {
    const { text, live } = placeLive(normaliseText(inline), refs);
    if (!/\d|\p{L}/u.test(text)) return;
    blocks.push({ text, line: startLine, paragraph: para, kind: para === null ? kind : 'paragraph', numbers: scanNumbers(text), live });
  };
  const walk = (list: readonly Token[], startLine: number, topLevel: boolean) => {
    if (topLevel) kind = 'paragraph';
    for (const t of list) {
      switch (t.type) {
        case 'paragraph':
          add(inlineText((t as Tokens.Paragraph).tokens), startLine, topLevel ? ++paragraph : null);
          break;
        case 'heading':
          kind = 'heading';
          add(inlineText((t as Tokens.Heading).tokens), startLine, null);
          break;
        case 'text':
          add('tokens' in t && t.tokens ? inlineText(t.tokens) : (t as Tokens.Text).text, startLine, null);
          break;
        case 'list': {
          let at = 0;
          for (const item of (t as Tokens.List).items) {
            const found = t.raw.indexOf(item.raw, at);
            if (found >= 0) at = found;
            kind = 'list item';
            walk(item.tokens, startLine + (t.raw.slice(0, at).match(/\n/g)?.length ?? 0), false);
          }
          break;
        }
        case 'blockquote':
          kind = 'quotation';
          walk((t as Tokens.Blockquote).tokens, startLine, false);
          break;
        case 'table': {
          const table = t as Tokens.Table;
          kind = 'table cell';
          for (const cell of [...table.header, ...table.rows.flat()]) add(inlineText(cell.tokens), startLine, null);
          break;
        }
        default:
          break;
      }
    }
  };
  for (const t of tokens) {
    const at = source.indexOf(t.raw, offset);
    if (at >= 0) {
      for (let i = offset; i < at; i++) if (source[i] === '\n') line++;
      offset = at;
    }
    // A block's first line is its first non-blank line.
    const lead = /^(\s*\n)*/.exec(t.raw)?.[0] ?? '';
    walk([t], line + (lead.match(/\n/g)?.length ?? 0), true);
  }
  return blocks;
}

/** Replace live-figure placeholders with one mark character each and record where they are. */
function placeLive(text: string, refs: readonly { helper: LiveRef['helper']; id: string }[]): { text: string; live: LiveRef[] } {
  const live: LiveRef[] = [];
  let out = '';
  let last = 0;
  const re = new RegExp(`${LIVE_MARK}([a-z]+)${LIVE_MARK}`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out += text.slice(last, m.index);
    let n = 0;
    for (const ch of m[1]!) n = n * 26 + (ch.charCodeAt(0) - 97);
    const ref = refs[n];
    if (ref) live.push({ ...ref, start: out.length, end: out.length + 1 });
    out += LIVE_MARK;
    last = m.index + m[0].length;
  }
  return { text: out + text.slice(last), live };
}

/** Sentences of a block: [start, end) offsets, split after . ! ? or ; followed by a space. */
export function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[.!?;](?=[\s\u00a0]+[^\s\u00a0]|[\s\u00a0]*$)/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    // "para." / "e.g." / "No." do not end a sentence when the next character is lower case or a digit.
    const next = text.slice(m.index + 1).trimStart()[0] ?? '';
    if (next && /[\p{Ll}\d]/u.test(next)) continue;
    out.push([start, m.index + 1]);
    start = m.index + 1;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}
