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

/** Right margin and baseline of the head, in points (matching the CSS page margins of the default template). */
const RIGHT = (18 / 25.4) * 72;
const BASELINE_FROM_TOP = 44;
const SIZE = 9;
const MAX_WIDTH = 250;

/** Keep only characters the standard font can draw; shorten to fit with an ellipsis. */
function fit(font: PDFFont, text: string): string {
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
  if (font.widthOfTextAtSize(drawable, SIZE) <= MAX_WIDTH) return drawable;
  let cut = drawable;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, SIZE) > MAX_WIDTH) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Draw each page's section title (from `pages`, element id → 1-based page). Returns the number of pages
 * stamped. Pages before the first section (cover, contents, year at a glance) are left alone.
 */
export async function stampRunningHeads(doc: PDFDocument, pages: ReadonlyMap<string, number>, heads: readonly RunningHead[]): Promise<number> {
  const starts = heads
    .map((h) => ({ page: pages.get(h.anchor), text: h.text }))
    .filter((h): h is { page: number; text: string } => h.page !== undefined)
    .sort((a, b) => a.page - b.page);
  if (starts.length === 0) return 0;
  const font = await doc.embedFont(StandardFonts.Helvetica);
  let stamped = 0;
  doc.getPages().forEach((page, index) => {
    const number = index + 1;
    // A page's head is the last section starting on or before it.
    let current: string | undefined;
    for (const s of starts) if (s.page <= number) current = s.text;
    if (current === undefined) return;
    const text = fit(font, current);
    if (text === '') return;
    const { width, height } = page.getSize();
    const textWidth = font.widthOfTextAtSize(text, SIZE);
    page.pushOperators(pushGraphicsState(), beginMarkedContent('Artifact'));
    page.drawText(text, { x: width - RIGHT - textWidth, y: height - BASELINE_FROM_TOP, size: SIZE, font, color: rgb(0.29, 0.29, 0.29) });
    page.pushOperators(endMarkedContent(), popGraphicsState());
    stamped++;
  });
  return stamped;
}
