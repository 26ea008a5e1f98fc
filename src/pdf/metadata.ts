/**
 * Document metadata and reproducible bytes. Chromium stamps the clock into CreationDate/ModDate and its
 * own name into Creator/Producer; everything else it writes is already deterministic. We replace those,
 * and derive the trailer /ID from a hash of the document, so the same HTML and the same metadata always
 * give the same bytes. The PDF is loaded and saved in place (never copied page by page), which keeps the
 * structure tree (Tagged PDF), bookmarks and link destinations.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString } from 'pdf-lib';

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

/** Load a PDF with pdf-lib without touching its metadata (pdf-lib would otherwise stamp the clock). */
export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false });
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
