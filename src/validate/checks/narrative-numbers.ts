/**
 * Check: numbers typed in narrative and recommendations (not live figures).
 *
 * - `typed-figure` (warning): a typed number equals a figure the tool computes or was supplied for the
 *   year; the finding names the live figure to write instead, so the text cannot drift from the tables.
 * - `typed-total-mismatch` (warning): a typed total disagrees with the parts typed or cited beside it
 *   ("14,590 … of these 11,592 … and 3,000").
 * - `typed-percentage-mismatch` (warning): a typed percentage disagrees with the two figures it is a share
 *   of ("9 of 12 (75%)").
 * - `typed-small-count` and `typed-percentage-discloses` (errors, published edition only): a typed count
 *   from 1 to the suppression threshold about people ("one child (8%)", "all but one were female"), or a
 *   typed percentage beside a figure the published edition suppresses, would publish what disclosure
 *   control hides. These stop `build`; nothing else here does.
 *
 * What is not a figure (years, dates, references, ages, durations, telephone numbers, legislation, and
 * numbers followed by `{{! not a figure }}`) is documented in typed-numbers.ts and docs/user-guide.md.
 */
import { publishedDecimals, publishedValue, formatIndicatorValue } from '../../indicators/format.js';
import { roundHalfAway } from '../../indicators/rounding.js';
import type { IndicatorRow } from '../../indicators/types.js';
import { knownSection } from '../../config/sections.js';
import { OTHER_FILES } from '../../returns/definitions.js';
import type { Check, CheckContext } from '../check.js';
import type { Finding } from '../findings.js';
import { narrativeBlocks, normaliseText, scanNumbers, sentences, NOT_A_FIGURE_MARKER, type TextBlock, type TypedNumber } from '../numbers/typed-numbers.js';

/** Nouns that make a small count a count of people (or of cases about people). */
const PEOPLE =
  /^(?:children|child|young\s+(?:people|persons?)|(?:young\s+)?person|people|adults?|girls?|boys?|babies|baby|infants?|pupils?|students?|families|family|parents?|carers?|victims?|deaths?|referrals?|allegations?|cases?|plans?|males?|females?|men|man|women|woman|members?\s+of\s+staff|staff\s+members?|foster\s+carers?|teachers?|siblings?|mothers?|fathers?|offenders?|perpetrators?)\b/i;
const PEOPLE_ANYWHERE = /\b(?:children|child|young\s+(?:people|persons?)|person|people|adults?|girls?|boys?|babies|baby|infants?|pupils?|families|family|parents?|carers?|victims?|deaths?|referrals?|allegations?|cases?|plans?|males?|females?|men|women|staff)\b/i;

/** Words that mark a percentage as another area's (a comparator). */
const COMPARATOR_WORDS = /\b(?:England|English|national|nationally|region|regional|regionally|statistical\s+neighbours?|average|comparators?)\b/i;

/** Words that may stand between a count and its noun ("one further child", "two looked-after children"). */
const FILLER = /^(?:[\s\u00a0]+(?:further|more|other|additional|new|separate|different|individual|local|looked-after|disabled|vulnerable|older|younger|of\s+the|of\s+these|of\s+them|of\s+whom|in\s+the))*[\s\u00a0]+/i;

/** Where a finding about a block is. */
interface Place {
  file: string;
  line?: number;
  column?: string;
  /** "para 10.12 (line 86)", "recommendation 2 of objective 1". */
  where: string;
}

interface Live {
  row: IndicatorRow;
  /** The figure as published (rounded), or null. */
  value: number | null;
  suppressed: boolean;
}

interface NumbersContext {
  rows: Map<string, IndicatorRow>;
  /** Ids of figures the published edition suppresses (empty when suppression is off). */
  suppressed: ReadonlySet<string>;
  /** Counts from 1 to this are suppressed in the published edition; 0 when suppression is off. */
  threshold: number;
}

function liveValue(ctx: NumbersContext, id: string, helper: string): Live | null {
  const row = ctx.rows.get(id);
  if (!row || helper === 'change') return null;
  const v = helper === 'previous' ? row.previous : row.current;
  return { row, value: publishedValue(row.def, v), suppressed: helper === 'value' && ctx.suppressed.has(id) };
}

/** One item in a sentence: a typed number or a live figure with its published value. */
type Item = { typed: TypedNumber; start: number; end: number } | { live: Live; id: string; start: number; end: number };

function itemValue(item: Item): number | null {
  return 'typed' in item ? item.typed.value : item.live.value;
}
function itemText(item: Item): string {
  return 'typed' in item ? `"${item.typed.text}"` : `${item.id} (${item.live.value === null ? 'not available' : formatIndicatorValue(item.live.row.def, item.live.row.current)})`;
}
function itemKind(item: Item): 'count' | 'percent' | 'money' | 'other' {
  if ('typed' in item) return item.typed.kind;
  const unit = item.live.row.def.unit;
  return unit === 'percent' ? 'percent' : unit === 'money' ? 'money' : unit === 'count' ? 'count' : 'other';
}

function items(block: TextBlock, ctx: NumbersContext, from: number, to: number): Item[] {
  const out: Item[] = [];
  for (const n of block.numbers) if (n.start >= from && n.end <= to) out.push({ typed: n, start: n.start, end: n.end });
  for (const l of block.live) {
    if (l.start < from || l.end > to) continue;
    const live = liveValue(ctx, l.id, l.helper);
    if (live) out.push({ live, id: l.id, start: l.start, end: l.end });
  }
  return out.sort((a, b) => a.start - b.start);
}

const TOTAL_TRIGGER = /\b(?:of\s+(?:these|whom|which|them|those)|including|comprising|made\s+up\s+of|consisting\s+of|split\s+(?:between|into)|broken\s+down\s+(?:as|into))\b/i;
const EXHAUSTIVE = /\b(?:comprising|made\s+up\s+of|consisting\s+of|split\s+(?:between|into)|broken\s+down\s+(?:as|into))\b|\b(?:the\s+(?:remaining|rest|other))\b/i;

/** Typed totals against their parts in the same or the next sentence. */
function totalsAgainstParts(block: TextBlock, ctx: NumbersContext, place: Place, out: Finding[]): void {
  const spans = sentences(block.text);
  for (let s = 0; s < spans.length; s++) {
    const [from, to] = spans[s]!;
    const text = block.text;
    const inSentence = items(block, ctx, from, to);
    // "T …, of these a and b" (trigger after a total in this sentence) or "Of the T …, a, b and c".
    const trigger = TOTAL_TRIGGER.exec(text.slice(from, to));
    let total: Item | undefined;
    let parts: Item[] = [];
    let exhaustive = false;
    if (trigger) {
      const at = from + trigger.index;
      total = [...inSentence].reverse().find((i) => i.end <= at);
      parts = inSentence.filter((i) => i.start > at);
      exhaustive = EXHAUSTIVE.test(text.slice(at, to));
      if (!total && s > 0) {
        // "There were 14,590 contacts. Of these, 11,592 … and 3,000 …"
        const prev = items(block, ctx, spans[s - 1]![0], spans[s - 1]![1]);
        if (/^[\s\u00a0]*(?:of\s+(?:these|them|those|whom|which))\b/i.test(text.slice(from, to))) total = prev[prev.length - 1];
      }
    } else {
      const ofThe = /\bof\s+(?:the|all|its)?\s*(?=\S)/gi;
      let m: RegExpExecArray | null;
      while ((m = ofThe.exec(text.slice(from, to)))) {
        const at = from + m.index + m[0].length;
        const t = inSentence.find((i) => i.start === at);
        if (!t) continue;
        total = t;
        parts = inSentence.filter((i) => i.start > t.end);
        break;
      }
    }
    if (!total) continue;
    const kind = itemKind(total);
    if (kind !== 'count' && kind !== 'money') continue;
    parts = parts.filter((p) => itemKind(p) === kind && !('typed' in p && p.typed.word));
    if (parts.length < 2 || !('typed' in total || parts.some((p) => 'typed' in p))) continue;
    const t = itemValue(total);
    const values = parts.map(itemValue);
    if (t === null || values.some((v) => v === null)) continue;
    const sum = roundHalfAway(values.reduce<number>((a, v) => a + v!, 0), 2);
    if (sum === t) continue;
    const near = Math.abs(sum - t) <= Math.max(2, t * 0.01);
    if (!(sum > t || exhaustive || near)) continue;
    out.push({
      code: 'typed-total-mismatch',
      severity: 'warning',
      file: place.file,
      row: place.line,
      column: place.column,
      value: text.slice(total.start, parts[parts.length - 1]!.end).replace(/\uE000/g, '…'),
      message: `${cap(place.where)} gives a total of ${itemText(total)}, but its parts ${parts.map(itemText).join(', ')} add up to ${sum.toLocaleString('en-GB')}.`,
      hint: 'Correct the total or the parts so that they agree, or write them as live figures ({{value "id"}}) so that they come from the returns.',
    });
  }
}

/** Typed percentages against "A of B" beside them in the same sentence. */
function percentagesAgainstShares(block: TextBlock, ctx: NumbersContext, place: Place, out: Finding[]): void {
  for (const [from, to] of sentences(block.text)) {
    const list = items(block, ctx, from, to);
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      if (!('typed' in p) || p.typed.kind !== 'percent') continue;
      // The nearest "A of B" / "A out of B" before or straight after the percentage.
      const pair = shareBefore(block.text, list, i) ?? shareAfter(block.text, list, i);
      if (!pair) continue;
      const [a, b] = pair;
      const av = itemValue(a);
      const bv = itemValue(b);
      if (av === null || bv === null || bv <= 0 || av > bv) continue;
      const exact = (av / bv) * 100;
      const unit = 10 ** -p.typed.decimals;
      if (Math.abs(exact - p.typed.value) <= unit) continue;
      out.push({
        code: 'typed-percentage-mismatch',
        severity: 'warning',
        file: place.file,
        row: place.line,
        column: place.column,
        value: p.typed.text,
        message: `${cap(place.where)} types ${p.typed.text}, but ${itemText(a)} of ${itemText(b)} is ${roundHalfAway(exact, Math.max(1, p.typed.decimals))}%.`,
        hint: 'Correct the percentage or the figures it is a share of; a live percentage ({{value "id"}}) cannot disagree.',
      });
    }
  }
}

function countLike(i: Item): boolean {
  const k = itemKind(i);
  return k === 'count';
}

function shareBefore(text: string, list: Item[], i: number): [Item, Item] | null {
  for (let j = i - 1; j >= 1; j--) {
    const b = list[j]!;
    const a = list[j - 1]!;
    if (!countLike(a) || !countLike(b)) continue;
    const between = text.slice(a.end, b.start);
    if (!/^[\s\u00a0]+(?:[\p{L}'-]+[\s\u00a0]+){0,3}?(?:out\s+of|of)[\s\u00a0]+(?:the[\s\u00a0]+)?$/u.test(between)) continue;
    if (/[.;:]/.test(text.slice(b.end, list[i]!.start)) || text.slice(b.end, list[i]!.start).length > 60) return null;
    return [a, b];
  }
  return null;
}

function shareAfter(text: string, list: Item[], i: number): [Item, Item] | null {
  const a = list[i + 1];
  const b = list[i + 2];
  if (!a || !b || !countLike(a) || !countLike(b)) return null;
  if (!/^[\s\u00a0]*[(,]?[\s\u00a0]*$/.test(text.slice(list[i]!.end, a.start))) return null;
  if (!/^[\s\u00a0]+(?:out\s+of|of)[\s\u00a0]+(?:the[\s\u00a0]+)?$/.test(text.slice(a.end, b.start))) return null;
  return [a, b];
}

/** Published edition: typed small counts about people, and typed percentages beside suppressed figures. */
function disclosure(block: TextBlock, ctx: NumbersContext, place: Place, out: Finding[]): void {
  if (ctx.threshold <= 0) return;
  const text = block.text;
  const reported = new Set<number>();
  for (const [from, to] of sentences(text)) {
    const sentence = text.slice(from, to);
    for (const n of block.numbers) {
      if (n.start < from || n.end > to || n.kind !== 'count' || reported.has(n.start)) continue;
      const before = text.slice(from, n.start);
      const after = text.slice(n.end, to);
      const allBut = /\ball\s+(?:but|except|bar|save)[\s\u00a0]+$/i.test(before);
      const small = n.value >= 1 && n.value <= ctx.threshold && Number.isInteger(n.value);
      if (!small) continue;
      // "one child", "two looked-after children"; not a generic "learning from one death".
      const generic = /\b(?:from|than|per|each|every|any|at\s+least|at\s+most)[\s\u00a0]+$/i.test(before);
      const noun = /^[\s\u00a0]/.test(after) ? PEOPLE.exec(after.replace(FILLER, '')) : null;
      // Not a count of people: a ratio ("seven children for every …") or an audit sample ("20 cases audited").
      const notCount = noun !== null && /^[\s\u00a0,]*(?:for\s+every|in\s+every|out\s+of\s+every|per\b|audited|sampled)/i.test(after.replace(FILLER, '').slice(noun[0].length));
      const followedByNoun = !generic && noun !== null && !notCount;
      const withShare = /^[\s\u00a0]*\([\s\u00a0]*\d+(?:\.\d+)?[\s\u00a0]?%/.test(after) && PEOPLE_ANYWHERE.test(sentence);
      const onlyN = /\bonly[\s\u00a0]+$/i.test(before) && PEOPLE_ANYWHERE.test(sentence);
      if (!(followedByNoun || allBut || withShare || onlyN)) continue;
      reported.add(n.start);
      const phrase = phraseAround(text, n, from, to);
      const what = allBut ? `"${phrase}" (so ${n.text} of them ${n.value === 1 ? 'is' : 'are'} the exception)` : `"${phrase}"`;
      out.push({
        code: 'typed-small-count',
        severity: 'error',
        file: place.file,
        row: place.line,
        column: place.column,
        value: phrase,
        message: `${cap(place.where)} types ${what}: a count of ${n.value} about people, which the published edition suppresses (counts from 1 to ${ctx.threshold}).`,
        hint: `Reword without the count (for example "a small number"), or cite the figure as a live figure ({{value "id"}}) so that disclosure control can suppress it; the internal edition (build --edition internal) may print it.`,
      });
    }
    // A typed percentage in a sentence with a suppressed live figure gives the figure away.
    const suppressedHere = block.live.filter((l) => l.start >= from && l.end <= to && l.helper !== 'change' && ctx.suppressed.has(l.id));
    if (suppressedHere.length === 0) continue;
    for (const n of block.numbers) {
      if (n.start < from || n.end > to || n.kind !== 'percent') continue;
      // A comparator ("40% for England", "nationally (1%)") says nothing about the board's own count.
      if (COMPARATOR_WORDS.test(text.slice(Math.max(from, n.start - 30), Math.min(to, n.end + 30)))) continue;
      out.push({
        code: 'typed-percentage-discloses',
        severity: 'error',
        file: place.file,
        row: place.line,
        column: place.column,
        value: n.text,
        message: `${cap(place.where)} types ${n.text} beside ${suppressedHere.map((l) => l.id).join(', ')}, which the published edition suppresses: the percentage would give the figure away.`,
        hint: 'Remove the percentage, or write it as a live figure ({{value "id"}}) so that disclosure control treats it with the count.',
      });
    }
  }
}

/** The typed phrase around a count: from "only" or "all but" before it to the noun or bracket after it. */
function phraseAround(text: string, n: TypedNumber, from: number, to: number): string {
  const lead = /(?:\b(?:all\s+(?:but|except|bar|save)|only|just)[\s\u00a0]+)$/i.exec(text.slice(from, n.start));
  const start = lead ? n.start - lead[0].length : n.start;
  const tail = /^(?:[\s\u00a0]+[^\s\u00a0,;.()]+){0,3}(?:[\s\u00a0]*\([^)]*\))?/.exec(text.slice(n.end, to))?.[0] ?? '';
  return text.slice(start, n.end + tail.length).replace(/\uE000/g, '…').replace(/[\s\u00a0]+/g, ' ').trim();
}

const STOP = new Set(
  'the and for with that this from were was are has have had been which into than their there these those other more less over under about year years number total children child young people per cent plans plan'.split(' '),
);
function keywords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !STOP.has(w)).map((w) => w.replace(/(?:ies|es|s)$/, '')));
}

/** Typed numbers that equal a live figure of the year: name the live figure. */
function equalsLiveFigure(block: TextBlock, ctx: NumbersContext, place: Place, out: Finding[]): void {
  for (const [from, to] of sentences(block.text)) {
    const words = keywords(block.text.slice(from, to));
    for (const n of block.numbers) {
      if (n.start < from || n.end > to || n.word) continue;
      if (n.kind === 'count' && Math.abs(n.value) < 10) continue; // small numbers coincide too easily
      const matches: IndicatorRow[] = [];
      for (const row of ctx.rows.values()) {
        if (row.def.breakdownOf === undefined && row.current.value === null) continue;
        const live = publishedValue(row.def, row.current);
        if (live === null || ctx.suppressed.has(row.def.id)) continue;
        const unit = row.def.unit;
        const dp = publishedDecimals(row.def, row.current);
        const same =
          n.kind === 'percent'
            ? unit === 'percent' && n.decimals <= dp + 1 && roundHalfAway(live, Math.min(n.decimals, dp)) === n.value
            : n.kind === 'money'
              ? unit === 'money' && (roundHalfAway(n.value, dp) === live || roundHalfAway(live, n.decimals) === n.value)
              : (unit === 'count' || unit === 'rate_per_10k') && live === n.value;
        if (!same) continue;
        const titleWords = keywords(`${row.def.title} ${row.def.breakdownLabel ?? ''} ${row.def.id.replace(/[._-]/g, ' ')}`);
        if (![...titleWords].some((w) => words.has(w))) continue;
        matches.push(row);
      }
      if (matches.length === 0 || matches.length > 3) continue;
      const names = matches.map((r) => `{{value "${r.def.id}"}} (${formatIndicatorValue(r.def, r.current)})`);
      out.push({
        code: 'typed-figure',
        severity: 'warning',
        file: place.file,
        row: place.line,
        column: place.column,
        value: n.text,
        message: `${cap(place.where)} types ${n.text}, which is the ${matches.length === 1 ? 'figure' : 'value of'} ${matches.map((r) => r.def.id).join(' or ')} for ${matches[0]!.year}.`,
        hint: `Write ${names.join(' or ')} instead, so the text always agrees with the tables; or, if it is not that figure, put ${NOT_A_FIGURE_MARKER} straight after the number.`,
      });
    }
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Run every typed-number rule over one block. */
export function checkBlock(block: TextBlock, ctx: NumbersContext, place: Place): Finding[] {
  const out: Finding[] = [];
  disclosure(block, ctx, place, out);
  totalsAgainstParts(block, ctx, place, out);
  percentagesAgainstShares(block, ctx, place, out);
  equalsLiveFigure(block, ctx, place, out);
  return out;
}

/** The number of each section as the report numbers it (appendices have no paragraph numbers). */
function sectionNumbers(ctx: CheckContext): Map<string, number> {
  const numbers = new Map<string, number>();
  let n = 0;
  for (const s of ctx.board.sections) {
    if (knownSection(s.id)?.appendix ?? s.id.startsWith('appendix')) continue;
    numbers.set(s.id, ++n);
  }
  return numbers;
}

/** Numbers typed in narrative and recommendations are checked against the figures. */
export const narrativeNumbers: Check = {
  id: 'narrative-numbers',
  description:
    'Numbers typed in narrative and recommendations agree with the figures beside them, use live figures where they repeat one, and (in the published edition) give away no small count.',
  run(context) {
    const { data, indicators, disclosureThreshold, suppressedIds } = context;
    const ctx: NumbersContext = {
      rows: new Map((indicators?.rows ?? []).map((r) => [r.def.id, r])),
      suppressed: suppressedIds ?? new Set(),
      threshold: disclosureThreshold ?? 0,
    };
    const findings: Finding[] = [];
    const numbers = sectionNumbers(context);
    for (const [section, markdown] of data.narrative) {
      const file = `${data.year.label}/${OTHER_FILES.narrativeDir}/${section}.md`;
      const sectionNumber = numbers.get(section);
      for (const block of narrativeBlocks(markdown)) {
        if (block.numbers.length === 0 && block.live.length === 0) continue;
        const para = block.paragraph !== null && sectionNumber !== undefined ? `para ${sectionNumber}.${block.paragraph}` : block.paragraph !== null ? `paragraph ${block.paragraph}` : `a ${block.kind}`;
        findings.push(...checkBlock(block, ctx, { file, line: block.line, where: `${para} (line ${block.line})` }));
      }
    }
    const recs = data.recommendations;
    if (recs) {
      const file = `${data.year.label}/${OTHER_FILES.recommendations}`;
      recs.objectives.forEach((o, oi) =>
        o.recommendations.forEach((r, ri) => {
          const text = normaliseText(r.text);
          const block: TextBlock = { text, line: 0, paragraph: null, kind: 'recommendation', numbers: scanNumbers(text), live: [] };
          const column = `objectives[${oi}].recommendations[${ri}].text`;
          findings.push(...checkBlock(block, ctx, { file, column, where: `recommendation ${ri + 1} of objective ${o.number}` }));
        }),
      );
    }
    return findings;
  },
};
