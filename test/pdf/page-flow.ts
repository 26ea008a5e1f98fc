/**
 * Page flow read back from a printed PDF with `pdftotext -bbox-layout`: the text lines of every page with
 * their positions, how full each page is, and whether a page ends with a heading. The running header and
 * footer (in the page margins) are left out.
 */
import { spawnSync } from 'node:child_process';

/** One line of text on a page, top to bottom. */
export interface PdfLine {
  text: string;
  yMin: number;
  yMax: number;
}

/** A page: its height and its body lines (header and footer left out). */
export interface PdfPage {
  number: number;
  height: number;
  lines: PdfLine[];
}

/** The page margin (20 mm) in points: text above or below it is the running header or footer. */
const MARGIN = (20 / 25.4) * 72;

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');

/** Every page's body lines, in reading order (top to bottom, then left to right). */
export function pdfPages(file: string): PdfPage[] {
  const result = spawnSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  const pages: PdfPage[] = [];
  for (const pageMatch of result.stdout.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const height = Number(pageMatch[1]);
    const lines: PdfLine[] = [];
    for (const line of pageMatch[2]!.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...line[4]!.matchAll(/<word[^>]*>([\s\S]*?)<\/word>/g)].map((w) => decode(w[1]!));
      const yMin = Number(line[2]);
      const yMax = Number(line[3]);
      if (yMax < MARGIN || yMin > height - MARGIN) continue;
      lines.push({ text: words.join(' '), yMin, yMax, x: Number(line[1]) } as PdfLine & { x: number });
    }
    // Lines on one baseline (a paragraph number and its text) are one line, left to right.
    lines.sort((a, b) => a.yMin - b.yMin || (a as PdfLine & { x: number }).x - (b as PdfLine & { x: number }).x);
    const merged: PdfLine[] = [];
    for (const l of lines) {
      const last = merged.at(-1);
      if (last && Math.abs(last.yMin - l.yMin) < 2) last.text = `${last.text} ${l.text}`;
      else merged.push({ text: l.text, yMin: l.yMin, yMax: l.yMax });
    }
    pages.push({ number: pages.length + 1, height, lines: merged });
  }
  return pages;
}

/** How much of the page's text area is used, 0 to 1: from the top margin to the lowest line of text. */
export function fullness(page: PdfPage): number {
  const bottom = Math.max(MARGIN, ...page.lines.map((l) => l.yMax));
  return (bottom - MARGIN) / (page.height - 2 * MARGIN);
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The heading a page ends with (its last one to three lines are exactly a heading's text), or null. */
export function endingHeading(page: PdfPage, headings: ReadonlySet<string>): string | null {
  for (let k = 1; k <= 3 && k <= page.lines.length; k++) {
    const text = squash(page.lines.slice(-k).map((l) => l.text).join(' '));
    if (headings.has(text)) return text;
  }
  return null;
}

/** The text of every heading (h2 to h6) and table or figure caption in the report's HTML. */
export function headingTexts(html: string): Set<string> {
  const out = new Set<string>();
  for (const m of html.matchAll(/<(h[2-6]|caption|figcaption)\b[^>]*>([\s\S]*?)<\/\1>/gi)) {
    const text = squash(decode(m[2]!.replace(/<[^>]*>/g, ' ').replace(/\s+([,.;:)])/g, '$1')));
    if (text !== '') out.add(text);
  }
  return out;
}

/** The first body line of a page, or empty. */
export function firstLine(page: PdfPage): string {
  return page.lines[0]?.text ?? '';
}

/**
 * The problems of page flow in a printed report: pages less than a third full that are not the last page
 * of a part (a part being what starts on a new page: the cover, the contents, the year at a glance, the
 * main sections, each appendix), and pages that end with a heading or caption. `partStarts` are the
 * heading texts that begin a part on a new page.
 */
export function pageFlowProblems(pages: PdfPage[], headings: ReadonlySet<string>, partStarts: readonly string[]): string[] {
  const startsPart = (p: PdfPage | undefined) => {
    if (!p) return true;
    const top = squash(p.lines.slice(0, 2).map((l) => l.text).join(' '));
    return partStarts.some((h) => top.startsWith(h));
  };
  const problems: string[] = [];
  pages.forEach((page, i) => {
    const f = fullness(page);
    const partLast = i === 0 || startsPart(pages[i + 1]);
    if (!partLast && f < 1 / 3) problems.push(`page ${page.number} is only ${Math.round(f * 100)}% full: ${page.lines.at(-1)?.text ?? ''}`);
    const heading = endingHeading(page, headings);
    if (heading !== null && i < pages.length - 1) problems.push(`page ${page.number} ends with the heading "${heading}"`);
  });
  return problems;
}
