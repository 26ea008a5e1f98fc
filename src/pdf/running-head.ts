/**
 * The running head: the title of the section a printed page belongs to, at the top right of every page
 * from the first section on. Chromium cannot print it from CSS (it has no `string-set`), so it is drawn
 * on the PDF after printing, on the page each section's heading landed on (its named destination) and the
 * pages that follow until the next section. It is marked as an artifact, so screen readers and the tag
 * tree ignore it, like the running header and footer Chromium draws.
 */
import { beginMarkedContent, endMarkedContent, popGraphicsState, pushGraphicsState, rgb, StandardFonts, type PDFDocument, type PDFFont } from 'pdf-lib';

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
function fit(font: PDFFont, text: string, maxWidth: number): string {
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
  return `${cut.trimEnd()}…`;
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
  const starts = heads
    .map((h) => ({ page: pages.get(h.anchor), text: h.text }))
    .filter((h): h is { page: number; text: string } => h.page !== undefined)
    .sort((a, b) => a.page - b.page);
  if (starts.length === 0) return 0;
  const font = await doc.embedFont(StandardFonts.Helvetica);
  // The header is printed in Liberation Sans, whose widths are Arial's, close to Helvetica's.
  const leftFont = left?.bold ? await doc.embedFont(StandardFonts.HelveticaBold) : font;
  const leftWidth = left ? leftFont.widthOfTextAtSize(left.text, SIZE) : 0;
  let stamped = 0;
  doc.getPages().forEach((page, index) => {
    const number = index + 1;
    // A page's head is the last section starting on or before it.
    let current: string | undefined;
    for (const s of starts) if (s.page <= number) current = s.text;
    if (current === undefined) return;
    const { width, height } = page.getSize();
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
