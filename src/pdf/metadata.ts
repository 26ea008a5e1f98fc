/**
 * Document metadata and reproducible bytes. Chromium stamps the clock into CreationDate/ModDate and its
 * own name into Creator/Producer; everything else it writes is already deterministic. We replace those,
 * and derive the trailer /ID from a hash of the document, so the same HTML and the same metadata always
 * give the same bytes. The PDF is loaded and saved in place (never copied page by page), which keeps the
 * structure tree (Tagged PDF), bookmarks and link destinations.
 */
import { createHash } from 'node:crypto';
import { ParseSpeeds, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';

/** What goes into the PDF's document information. */
export interface PdfMetadata {
  title: string;
  author: string;
  subject?: string;
  keywords?: readonly string[];
  /** BCP 47 language tag, e.g. `en-GB`; when absent the `<html lang>` Chromium copied is kept. */
  language?: string;
  /** CreationDate and ModDate: SOURCE_DATE_EPOCH or the publication date, never the clock. */
  date: Date;
}

/** The name written as Creator and Producer. */
export const PDF_PRODUCER = 'lscb-report';

/**
 * Load a PDF with pdf-lib without touching its metadata (pdf-lib would otherwise stamp the clock), parsing
 * every object in one go (pdf-lib's default yields to the event loop every 100 objects, which costs more
 * than the parse on a report).
 */
export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

const ID_PLACEHOLDER = '0'.repeat(32);

/** Set the metadata on `doc` and save it with a content-derived /ID: byte-identical for identical input. */
export async function saveWithMetadata(doc: PDFDocument, metadata: PdfMetadata): Promise<Uint8Array> {
  if (Number.isNaN(metadata.date.getTime())) throw new RangeError('PDF metadata date is not a valid date');
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  doc.setAuthor(metadata.author);
  if (metadata.subject !== undefined) doc.setSubject(metadata.subject);
  // pdf-lib joins keywords with spaces, which would merge multi-word keywords; join them ourselves.
  if (metadata.keywords !== undefined && metadata.keywords.length > 0) doc.setKeywords([metadata.keywords.join(', ')]);
  doc.setCreator(PDF_PRODUCER);
  doc.setProducer(PDF_PRODUCER);
  if (metadata.language !== undefined) doc.setLanguage(metadata.language);
  doc.setCreationDate(metadata.date);
  doc.setModificationDate(metadata.date);
  // The same title and language as XMP (what PDF/UA checkers and many viewers read), and page labels 1, 2,
  // 3 … matching the printed "Page N of M" (the cover is page 1).
  const xmp = doc.context.stream(xmpPacket(metadata), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
  doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: [0, { S: 'D' }] }));

  // Save once with a placeholder /ID, hash those bytes, then write the hash over the placeholder: same
  // length, so no offset moves. (pdf-lib writes the trailer, or the xref stream's dictionary, as plain text.)
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(ID_PLACEHOLDER), PDFHexString.of(ID_PLACEHOLDER)]);
  const bytes = await doc.save({ addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  const marker = Buffer.from(`/ID [ <${ID_PLACEHOLDER}> <${ID_PLACEHOLDER}> ]`, 'latin1');
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf(marker);
  if (at < 0) throw new Error('pdf-lib did not write the trailer /ID where expected');
  const id = createHash('sha256').update(bytes).digest('hex').slice(0, 32).toUpperCase();
  // Both halves equal: the document has not been modified since it was created.
  bytes.set(Buffer.from(`/ID [ <${id}> <${id}> ]`, 'latin1'), at);
  return bytes;
}

/** Set metadata on PDF bytes and return the new, reproducible bytes. */
export async function applyPdfMetadata(bytes: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  return saveWithMetadata(await loadPdf(bytes), metadata);
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The XMP packet: title, author, subject, language, dates and producer (no clock: the metadata's date). */
export function xmpPacket(m: PdfMetadata): string {
  const date = m.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const lang = m.language ?? 'x-default';
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(m.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${xml(m.author)}</rdf:li></rdf:Seq></dc:creator>`,
    m.subject !== undefined ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(m.subject)}</rdf:li></rdf:Alt></dc:description>` : '',
    `<dc:language><rdf:Bag><rdf:li>${xml(lang)}</rdf:li></rdf:Bag></dc:language>`,
    `<pdf:Producer>${PDF_PRODUCER}</pdf:Producer>`,
    m.keywords !== undefined && m.keywords.length > 0 ? `<pdf:Keywords>${xml(m.keywords.join(', '))}</pdf:Keywords>` : '',
    `<xmp:CreatorTool>${PDF_PRODUCER}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ]
    .filter((l) => l !== '')
    .join('\n');
}
