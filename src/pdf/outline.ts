/**
 * Bookmark titles, repaired. Chromium builds each bookmark's title from the heading's laid-out lines and
 * drops the space where a long heading wraps ("Governance and accountabilityarrangements"; Chromium 156).
 * Where a bookmark title equals a heading in the HTML once all whitespace is ignored, we put back the
 * heading's own spacing. Nothing else is changed, so an unmatched title is left as Chromium wrote it.
 */
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { decodeHtmlEntities } from './html-entities.js';

/** Give bookmarks whose text matches a heading in `html` (ignoring whitespace) that heading's spacing; returns how many changed. */
export function repairOutlineTitles(doc: PDFDocument, html: string): number {
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
