/**
 * Link descriptions in the PDF. Chromium writes each link as a Link annotation with its target (a named
 * destination or a URI) but no description, so a screen reader announces only "link". PDF/UA asks for an
 * alternate description in the annotation's Contents entry; we give each one the text a reader sees for the
 * link in the HTML (its aria-label, else its text), matched by target in document order. A link whose text
 * cannot be found gets a description built from its target ("Link to https://…"), never none.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { decodeHtmlEntities } from './html-entities.js';

/** The text of every `<a href>` in `html`, by href, in document order. */
export function linkTextsByTarget(html: string): Map<string, string[]> {
  const byTarget = new Map<string, string[]>();
  for (const match of html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi)) {
    const attrs = match[1] ?? '';
    const href = /\bhref\s*=\s*"([^"]*)"/i.exec(attrs)?.[1];
    if (href === undefined) continue;
    const label = /\baria-label\s*=\s*"([^"]*)"/i.exec(attrs)?.[1];
    const text = decodeHtmlEntities(label ?? (match[2] ?? '').replace(/<[^>]*>/g, ' '))
      .replace(/\s+/g, ' ')
      .trim();
    const key = decodeHtmlEntities(href);
    const list = byTarget.get(key) ?? [];
    list.push(text);
    byTarget.set(key, list);
  }
  return byTarget;
}

/** The target of a Link annotation as the HTML wrote it: `#name` for a named destination, else the URI. */
function targetOf(annot: PDFDict): string | undefined {
  const dest = annot.get(PDFName.of('Dest'));
  if (dest instanceof PDFName) return `#${decodeName(dest)}`;
  if (dest instanceof PDFString || dest instanceof PDFHexString) return `#${dest.decodeText()}`;
  const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
  const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString);
  if (uri !== undefined) return uri.decodeText();
  const named = action?.get(PDFName.of('D'));
  if (named instanceof PDFName) return `#${decodeName(named)}`;
  if (named instanceof PDFString || named instanceof PDFHexString) return `#${named.decodeText()}`;
  return undefined;
}

/** A PDF name's text, with #xx escapes undone (pdf-lib keeps them in `asString`). */
function decodeName(name: PDFName): string {
  return name.decodeText().replace(/^\//, '');
}

/**
 * Give every Link annotation without a description the text its link has in `html`. Returns how many were
 * described. Links keep their order: the n-th annotation for a target takes the n-th link to it (a link
 * that wraps over two lines gives two annotations with the same text, so a target whose links all share
 * one text always gets it).
 */
export function describeLinks(doc: PDFDocument, html: string): number {
  const texts = linkTextsByTarget(html);
  const used = new Map<string, number>();
  let described = 0;
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (annots === undefined) continue;
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookupMaybe(i, PDFDict);
      if (annot === undefined || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      if (annot.get(PDFName.of('Contents')) !== undefined) continue;
      const target = targetOf(annot);
      const candidates = target === undefined ? [] : texts.get(target) ?? [];
      const distinct = new Set(candidates);
      let text: string | undefined;
      if (distinct.size === 1) text = candidates[0];
      else if (candidates.length > 0) {
        const n = used.get(target!) ?? 0;
        text = candidates[Math.min(n, candidates.length - 1)];
        used.set(target!, n + 1);
      }
      const description = describe(text, target);
      annot.set(PDFName.of('Contents'), PDFHexString.fromText(description));
      described++;
    }
  }
  return described;
}

/** What a link says: its text, with a bare number named as the paragraph or section it points to. */
function describe(text: string | undefined, target: string | undefined): string {
  if (text === undefined || text === '') return target === undefined ? 'Link' : target.startsWith('#') ? 'Link within this report' : `Link to ${target}`;
  if (/^[\d.]+$/.test(text) && target !== undefined) {
    if (target.startsWith('#para-')) return `Paragraph ${text}`;
    if (target.startsWith('#section-')) return `Section ${text}`;
  }
  return text;
}
