/**
 * The running head: the title of the section a printed page belongs to, at the top right of every page
 * from the first section on. Chromium cannot print it from CSS (it has no `string-set`), so it is drawn
 * on the PDF after printing, on the page each section's heading landed on (its named destination) and the
 * pages that follow until the next section. It is marked as an artifact, so screen readers and the tag
 * tree ignore it, like the running header and footer Chromium draws.
 */
import { beginMarkedContent, endMarkedContent, PDFArray, PDFDict, PDFName, PDFNumber, popGraphicsState, pushGraphicsState, rgb, StandardFonts, type PDFDocument, type PDFFont } from 'pdf-lib';

/** One section: the id its heading has in the HTML, and the text to print above its pages. */
export interface RunningHead {
  anchor: string;
  text: string;
}

/**
 * The running header Chromium prints at the top left of the same pages (the board and year, from the page
 * CSS), which the head must keep clear of: its text, and whether it is bold (an internal edition's).
 */
export interface LeftHeader {
  text: string;
  bold?: boolean;
}

/** Right margin and baseline of the head, in points (matching the CSS page margins of the default template). */
const RIGHT = (18 / 25.4) * 72;
const BASELINE_FROM_TOP = 44;
const SIZE = 9;
const MAX_WIDTH = 250;
/** The top-left header's margin box is this share of the line (`@top-left { width: 60% }` in report.css): a longer header wraps. */
const LEFT_SHARE = 0.6;
/** Space kept between the end of the top-left header and the head. */
const GAP = 12;

/** Keep only characters the standard font can draw; shorten to fit `maxWidth` with an ellipsis. */
export function fit(font: PDFFont, text: string, maxWidth: number): string {
  const drawable = [...text]
    .filter((ch) => {
      try {
        font.encodeText(ch);
        return true;
      } catch {
        return false;
      }
    })
    .join('');
  if (font.widthOfTextAtSize(drawable, SIZE) <= maxWidth) return drawable;
  let cut = drawable;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, SIZE) > maxWidth) cut = cut.slice(0, -1);
  // End at a whole word where one fits ("… arrangements and…", not "… arrangements and pra…").
  const atWord = /^(.*\S)\s+\S*$/.exec(cut)?.[1];
  if (atWord !== undefined && drawable[cut.length] !== ' ' && atWord.length >= cut.length / 2) cut = atWord;
  return `${cut.trimEnd().replace(/[\s,;:–—-]+$/, '')}…`;
}

/** Top page margin of the default template (20 mm), in points. */
const TOP_MARGIN = (20 / 25.4) * 72;
/** A heading this close below the top margin opens the page: the page belongs to its section from the top. */
const TOP_ZONE = 90;

/**
 * How far down its page each named destination is: its `/XYZ` top, in points from the page's foot, by
 * element id (Chromium writes the catalog's `/Dests` dictionary, names percent-encoded).
 */
export function destinationTops(doc: PDFDocument): Map<string, number> {
  const tops = new Map<string, number>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!dests) return tops;
  for (const [key, value] of dests.entries()) {
    const resolved = doc.context.lookup(value);
    const array = resolved instanceof PDFArray ? resolved : resolved instanceof PDFDict ? resolved.lookupMaybe(PDFName.of('D'), PDFArray) : undefined;
    const top = array?.lookup(3);
    if (!(top instanceof PDFNumber)) continue;
    let id = key.decodeText();
    try {
      id = decodeURIComponent(id);
    } catch {
      // keep the name as it is
    }
    tops.set(id, top.asNumber());
  }
  return tops;
}

/**
 * Draw each page's section title (from `pages`, element id → 1-based page). Returns the number of pages
 * stamped. Pages before the first section (cover, contents, year at a glance) are left alone. The title is
 * shortened with an ellipsis to the room the top-left header (`left`) leaves on the line, so the two never
 * overlap however long the board's name or the section's title.
 */
export async function stampRunningHeads(
  doc: PDFDocument,
  pages: ReadonlyMap<string, number>,
  heads: readonly RunningHead[],
  left?: LeftHeader,
): Promise<number> {
  const tops = destinationTops(doc);
  const starts = heads
    .map((h) => ({ page: pages.get(h.anchor), text: h.text, top: tops.get(h.anchor) }))
    .filter((h): h is { page: number; text: string; top: number | undefined } => h.page !== undefined)
    // In reading order: by page, then down the page.
    .sort((a, b) => a.page - b.page || (b.top ?? Infinity) - (a.top ?? Infinity));
  if (starts.length === 0) return 0;
  const font = await doc.embedFont(StandardFonts.Helvetica);
  // The header is printed in Liberation Sans, whose widths are Arial's, close to Helvetica's.
  const leftFont = left?.bold ? await doc.embedFont(StandardFonts.HelveticaBold) : font;
  const leftWidth = left ? leftFont.widthOfTextAtSize(left.text, SIZE) : 0;
  let stamped = 0;
  doc.getPages().forEach((page, index) => {
    const number = index + 1;
    const { width, height } = page.getSize();
    // A page's head names the section its text starts in: the last section begun on an earlier page, or one
    // whose heading opens this page. A section that begins lower down heads the next page, not this one.
    const opensPage = (top: number | undefined) => top === undefined || top >= height - TOP_MARGIN - TOP_ZONE;
    let current: string | undefined;
    for (const s of starts) {
      if (s.page < number) current = s.text;
      else if (s.page === number && opensPage(s.top)) {
        current = s.text;
        break;
      }
    }
    // The first section's page, when it does not open at the top: nothing comes before it to name.
    current ??= starts.find((s) => s.page === number)?.text;
    if (current === undefined) return;
    const line = width - 2 * RIGHT;
    const room = Math.min(MAX_WIDTH, line - Math.min(leftWidth, LEFT_SHARE * line) - GAP);
    const text = fit(font, current, room);
    if (text === '') return;
    const textWidth = font.widthOfTextAtSize(text, SIZE);
    page.pushOperators(pushGraphicsState(), beginMarkedContent('Artifact'));
    page.drawText(text, { x: width - RIGHT - textWidth, y: height - BASELINE_FROM_TOP, size: SIZE, font, color: rgb(0.29, 0.29, 0.29) });
    page.pushOperators(endMarkedContent(), popGraphicsState());
    stamped++;
  });
  return stamped;
}
