/**
 * Bookmark titles, repaired. Chromium builds each bookmark's title from the heading's laid-out lines and
 * drops the space where a long heading wraps ("Governance and accountabilityarrangements"; Chromium 156).
 * Where a bookmark title equals a heading in the HTML once all whitespace is ignored, we put back the
 * heading's own spacing. Nothing else is changed, so an unmatched title is left as Chromium wrote it.
 */
import { PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, type PDFDocument } from 'pdf-lib';
import { decodeHtmlEntities } from './html-entities.js';

/** Give bookmarks whose text matches a heading in `html` (ignoring whitespace) that heading's spacing; returns how many changed. */
export function repairOutlineTitles(doc: PDFDocument, html: string): number {
  pruneOutline(doc, html);
  const headings = headingTextsByLetters(html);
  if (headings.size === 0) return 0;
  let repaired = 0;
  const seen = new Set<PDFDict>();
  const visit = (first: PDFDict | undefined, depth: number): void => {
    for (let item = first; item !== undefined && !seen.has(item) && depth < 64; ) {
      seen.add(item);
      const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString);
      if (title !== undefined) {
        const current = title.decodeText();
        const wanted = headings.get(lettersOf(current));
        if (wanted !== undefined && wanted !== current) {
          item.set(PDFName.of('Title'), PDFHexString.fromText(wanted));
          repaired++;
        }
      }
      visit(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  visit(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return repaired;
}

/** Heading text keyed by its non-whitespace characters; keys two headings share are dropped as ambiguous. */
function headingTextsByLetters(html: string): Map<string, string> {
  const byLetters = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const match of html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi)) {
    const text = decodeHtmlEntities((match[2] ?? '').replace(/<br\b[^>]*>/gi, ' ').replace(/<[^>]*>/g, ''))
      .replace(/\s+/g, ' ')
      .trim();
    const key = lettersOf(text);
    if (key === '') continue;
    const existing = byLetters.get(key);
    if (existing !== undefined && existing !== text) ambiguous.add(key);
    byLetters.set(key, text);
  }
  for (const key of ambiguous) byLetters.delete(key);
  return byLetters;
}

function lettersOf(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Bookmarks are for sections and their headings: a heading marked with a class ending `no-bookmark` (`glance-no-bookmark`) (the year-at-a-
 * glance tiles and key) is left out of the outline, unless a heading without the mark has the same text.
 * Returns how many bookmarks were removed.
 */
export function pruneOutline(doc: PDFDocument, html: string): number {
  const texts = (marked: boolean): Set<string> => {
    const out = new Set<string>();
    for (const match of html.matchAll(/<h([1-6])\b([^>]*)>([\s\S]*?)<\/h\1\s*>/gi)) {
      const isMarked = /\bclass\s*=\s*"[^"]*\bno-bookmark\b/i.test(match[2] ?? '');
      if (isMarked !== marked) continue;
      out.add(lettersOf(decodeHtmlEntities((match[3] ?? '').replace(/<[^>]*>/g, ''))));
    }
    return out;
  };
  const keep = texts(false);
  const drop = new Set([...texts(true)].filter((t) => t !== '' && !keep.has(t)));
  if (drop.size === 0) return 0;
  let removed = 0;
  const prune = (parent: PDFDict, depth: number): void => {
    if (depth > 64) return;
    const items: PDFDict[] = [];
    const seen = new Set<PDFDict>();
    for (let item = parent.lookupMaybe(PDFName.of('First'), PDFDict); item !== undefined && !seen.has(item); item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      seen.add(item);
      items.push(item);
    }
    const kept = items.filter((item) => {
      const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString);
      const gone = title !== undefined && drop.has(lettersOf(title.decodeText()));
      if (gone) removed++;
      return !gone;
    });
    for (const item of kept) prune(item, depth + 1);
    if (kept.length === items.length) return;
    const ref = (d: PDFDict) => doc.context.getObjectRef(d);
    kept.forEach((item, i) => {
      const prev = kept[i - 1];
      const next = kept[i + 1];
      if (prev) item.set(PDFName.of('Prev'), ref(prev)!);
      else item.delete(PDFName.of('Prev'));
      if (next) item.set(PDFName.of('Next'), ref(next)!);
      else item.delete(PDFName.of('Next'));
    });
    if (kept.length === 0) {
      parent.delete(PDFName.of('First'));
      parent.delete(PDFName.of('Last'));
      parent.delete(PDFName.of('Count'));
    } else {
      parent.set(PDFName.of('First'), ref(kept[0]!)!);
      parent.set(PDFName.of('Last'), ref(kept.at(-1)!)!);
    }
  };
  // An open item's /Count is the number of its visible descendants (negative when closed): recount them.
  const recount = (node: PDFDict, depth: number): number => {
    let visible = 0;
    const seen = new Set<PDFDict>();
    for (let item = node.lookupMaybe(PDFName.of('First'), PDFDict); item !== undefined && !seen.has(item) && depth < 64; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      seen.add(item);
      const below = recount(item, depth + 1);
      const count = item.lookupMaybe(PDFName.of('Count'), PDFNumber);
      const open = count === undefined || count.asNumber() >= 0;
      visible += 1 + (open ? below : 0);
    }
    const own = node.lookupMaybe(PDFName.of('Count'), PDFNumber);
    if (own !== undefined || depth === 0) {
      const closed = own !== undefined && own.asNumber() < 0 && depth > 0;
      if (visible === 0 && depth > 0) node.delete(PDFName.of('Count'));
      else node.set(PDFName.of('Count'), PDFNumber.of(closed ? -visible : visible));
    }
    return visible;
  };
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (root) {
    prune(root, 0);
    if (removed > 0) recount(root, 0);
  }
  return removed;
}
