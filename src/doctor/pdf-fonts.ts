/** The fonts a PDF uses and whether each is embedded, read with pdf-lib (no external tools). */
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject } from 'pdf-lib';

/** One font resource of a PDF. */
export interface PdfFontInfo {
  /** Font name without the subset prefix, e.g. `LiberationSans`. */
  name: string;
  /** PDF font subtype, e.g. `Type0`, `TrueType`, `Type3`. */
  subtype: string;
  /** True when the font program travels in the PDF (always so for Type3 fonts, whose glyphs are drawings). */
  embedded: boolean;
}

function nameOf(obj: PDFObject | undefined): string {
  return obj instanceof PDFName ? obj.decodeText() : '';
}

function hasFontFile(descriptor: PDFDict | undefined): boolean {
  if (!descriptor) return false;
  return ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.has(PDFName.of(key)));
}

/** Describe one font dictionary. */
function describeFont(font: PDFDict): PdfFontInfo {
  const subtype = nameOf(font.lookup(PDFName.of('Subtype')));
  const name = nameOf(font.lookup(PDFName.of('BaseFont'))).replace(/^[A-Z]{6}\+/, '') || '(unnamed)';
  if (subtype === 'Type3') return { name, subtype, embedded: true };
  let descriptor = font.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  if (subtype === 'Type0') {
    const descendants = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray);
    const cidFont = descendants?.lookupMaybe(0, PDFDict);
    descriptor = cidFont?.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  }
  return { name, subtype, embedded: hasFontFile(descriptor) };
}

/** Collect the font resources of a page or form XObject, following nested forms. */
function collectFonts(resources: PDFDict | undefined, out: Map<string, PdfFontInfo>, seen: Set<PDFDict>): void {
  if (!resources || seen.has(resources)) return;
  seen.add(resources);
  const fonts = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
  for (const [, ref] of fonts?.entries() ?? []) {
    const font = fonts!.context.lookupMaybe(ref, PDFDict);
    if (!font) continue;
    const info = describeFont(font);
    const key = `${info.name}/${info.subtype}/${info.embedded}`;
    if (!out.has(key)) out.set(key, info);
  }
  const xobjects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
  for (const [, ref] of xobjects?.entries() ?? []) {
    const xobject = xobjects!.context.lookup(ref);
    // A form XObject is a stream whose dictionary may carry its own resources.
    const dict = (xobject as { dict?: PDFDict } | undefined)?.dict;
    if (dict instanceof PDFDict && nameOf(dict.lookup(PDFName.of('Subtype'))) === 'Form') {
      collectFonts(dict.lookupMaybe(PDFName.of('Resources'), PDFDict), out, seen);
    }
  }
}

/** Every distinct font the PDF's pages use. */
export async function listPdfFonts(bytes: Uint8Array): Promise<PdfFontInfo[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const out = new Map<string, PdfFontInfo>();
  const seen = new Set<PDFDict>();
  for (const page of doc.getPages()) collectFonts(page.node.Resources(), out, seen);
  return [...out.values()];
}
