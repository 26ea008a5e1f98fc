/**
 * Contents page numbers, worked out from a printed PDF. They are written into that PDF when that can be
 * done exactly (`contents-patch.ts`, one print), else back into the HTML, which is printed again.
 *
 * Contract with the template: each contents entry is `<a href="#ID">Title</a>` plus a placeholder
 * `<span class="toc-page" data-toc-target="ID">00</span>` whose width does not depend on its text.
 * Chromium turns every internal link target into a named destination (the link's fragment, percent-
 * encoded) that points at the page the element landed on; that gives each ID's page directly, with no
 * guessing from heading text.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { decodeHtmlEntities } from './html-entities.js';

/** The result of filling in the contents placeholders. */
export interface FilledContents {
  html: string;
  /** How many placeholders were filled. */
  filled: number;
  /** Target IDs of placeholders with no page (no element with that id, or not linked to). */
  missing: string[];
}

const PLACEHOLDER = /<span\b([^>]*)>([^<]*)<\/span>/gi;

/** The target IDs of every contents placeholder in `html`, in document order. */
export function listContentsTargets(html: string): string[] {
  const ids: string[] = [];
  for (const match of html.matchAll(PLACEHOLDER)) {
    const id = placeholderTarget(match[1] ?? '');
    if (id !== null) ids.push(id);
  }
  return ids;
}

/** Every contents placeholder in `html`, in document order: its target ID and the text it shows. */
export function listContentsPlaceholders(html: string): Array<{ id: string; text: string }> {
  const out: Array<{ id: string; text: string }> = [];
  for (const match of html.matchAll(PLACEHOLDER)) {
    const id = placeholderTarget(match[1] ?? '');
    if (id !== null) out.push({ id, text: decodeHtmlEntities(match[2] ?? '').trim() });
  }
  return out;
}

/** Replace each placeholder's text with its target's page number from `pages` (1-based). */
export function fillContentsPlaceholders(html: string, pages: ReadonlyMap<string, number>): FilledContents {
  let filled = 0;
  const missing: string[] = [];
  const out = html.replace(PLACEHOLDER, (whole, attrs: string) => {
    const id = placeholderTarget(attrs);
    if (id === null) return whole;
    const page = pages.get(id);
    if (page === undefined) {
      missing.push(id);
      return whole;
    }
    filled++;
    return `<span${attrs}>${page}</span>`;
  });
  return { html: out, filled, missing };
}

/** The ID a `<span>`'s attributes point at, or null when it is not a `toc-page` placeholder. */
function placeholderTarget(attrs: string): string | null {
  const cls = /\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attrs);
  const classes = (cls?.[1] ?? cls?.[2] ?? '').split(/\s+/);
  if (!classes.includes('toc-page')) return null;
  const target = /\bdata-toc-target\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attrs);
  if (target === null) return null;
  return decodeHtmlEntities(target[1] ?? target[2] ?? '');
}

/**
 * The 1-based page of every named destination in a PDF, keyed by element ID. Reads the catalog's
 * `/Dests` dictionary (what Chromium writes) and the `/Names /Dests` name tree (what other producers use).
 */
export function readDestinationPages(doc: PDFDocument): Map<string, number> {
  const pageNumbers = new Map<string, number>();
  doc.getPages().forEach((page, index) => pageNumbers.set(page.ref.toString(), index + 1));
  const result = new Map<string, number>();

  const record = (name: string, value: PDFObject | undefined): void => {
    const page = destinationPage(doc, value, pageNumbers);
    if (page === undefined) return;
    const id = decodeFragment(name);
    if (!result.has(id)) result.set(id, page);
  };

  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dests !== undefined) {
    for (const [key, value] of dests.entries()) record(key.decodeText(), value);
  }
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (tree !== undefined) walkNameTree(doc, tree, record, new Set());
  return result;
}

function walkNameTree(
  doc: PDFDocument,
  node: PDFDict,
  record: (name: string, value: PDFObject | undefined) => void,
  seen: Set<PDFDict>,
): void {
  if (seen.has(node)) return;
  seen.add(node);
  const leaves = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (leaves !== undefined) {
    for (let i = 0; i + 1 < leaves.size(); i += 2) {
      const key = leaves.lookup(i);
      if (key instanceof PDFString || key instanceof PDFHexString) record(key.decodeText(), leaves.get(i + 1));
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  if (kids !== undefined) {
    for (let i = 0; i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) walkNameTree(doc, kid, record, seen);
    }
  }
}

/** The page a destination (`[pageRef /XYZ …]` or `<< /D [pageRef …] >>`) points at. */
function destinationPage(
  doc: PDFDocument,
  value: PDFObject | undefined,
  pageNumbers: ReadonlyMap<string, number>,
): number | undefined {
  const resolved = value instanceof PDFRef ? doc.context.lookup(value) : value;
  let array: PDFArray | undefined;
  if (resolved instanceof PDFArray) array = resolved;
  else if (resolved instanceof PDFDict) array = resolved.lookupMaybe(PDFName.of('D'), PDFArray);
  const first = array?.get(0);
  return first instanceof PDFRef ? pageNumbers.get(first.toString()) : undefined;
}

/** Chromium names a destination after the link's fragment, percent-encoded (`café` → `caf%C3%A9`). */
function decodeFragment(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
