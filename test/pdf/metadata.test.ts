import { createHash } from 'node:crypto';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { applyPdfMetadata, type PdfMetadata } from '../../src/pdf/metadata.js';

const metadata: PdfMetadata = {
  title: 'Annual Report 2024-25',
  author: 'Northshire Safeguarding Children Board',
  subject: 'Statutory annual report',
  keywords: ['safeguarding', 'annual report'],
  language: 'en-GB',
  date: new Date('2025-09-30T12:00:00Z'),
};

/** A stand-in for Chromium's output: clock-stamped dates and its own Creator/Producer. */
async function browserLikePdf(clock: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage().drawText('Hello');
  doc.setCreator('HeadlessChrome');
  doc.setProducer('Skia/PDF m156');
  doc.setCreationDate(clock);
  doc.setModificationDate(clock);
  return doc.save();
}

describe('applyPdfMetadata', () => {
  it('sets every field, with dates from the options rather than the clock', async () => {
    const out = await PDFDocument.load(await applyPdfMetadata(await browserLikePdf(new Date()), metadata), {
      updateMetadata: false,
    });
    expect({
      title: out.getTitle(),
      author: out.getAuthor(),
      subject: out.getSubject(),
      keywords: out.getKeywords(),
      creator: out.getCreator(),
      producer: out.getProducer(),
      created: out.getCreationDate()?.toISOString(),
      modified: out.getModificationDate()?.toISOString(),
      lang: out.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText(),
    }).toEqual({
      title: 'Annual Report 2024-25',
      author: 'Northshire Safeguarding Children Board',
      subject: 'Statutory annual report',
      keywords: 'safeguarding, annual report',
      creator: 'lscb-report',
      producer: 'lscb-report',
      created: '2025-09-30T12:00:00.000Z',
      modified: '2025-09-30T12:00:00.000Z',
      lang: 'en-GB',
    });
  });

  it('gives byte-identical output for inputs that differ only in clock-stamped metadata', async () => {
    const a = await applyPdfMetadata(await browserLikePdf(new Date('2030-01-01T00:00:00Z')), metadata);
    const b = await applyPdfMetadata(await browserLikePdf(new Date('2031-06-15T08:30:00Z')), metadata);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('writes a trailer /ID derived from the content, which changes when the content does', async () => {
    const input = await browserLikePdf(new Date());
    const a = Buffer.from(await applyPdfMetadata(input, metadata)).toString('latin1');
    const b = Buffer.from(await applyPdfMetadata(input, { ...metadata, title: 'Another title' })).toString('latin1');
    const id = (pdf: string) => /\/ID \[ <([0-9A-F]{32})> <([0-9A-F]{32})> \]/i.exec(pdf);
    expect(id(a)).not.toBeNull();
    expect(id(a)?.[1]).toBe(id(a)?.[2]);
    expect(id(a)?.[1]).not.toBe(id(b)?.[1]);
  });

  it('derives the /ID from a SHA-256 of the file as written with an all-zero /ID', async () => {
    const out = Buffer.from(await applyPdfMetadata(await browserLikePdf(new Date()), metadata));
    const text = out.toString('latin1');
    const match = /\/ID \[ <([0-9A-F]{32})> <[0-9A-F]{32}> \]/.exec(text);
    const zeroed = Buffer.from(text.replace(match![0], `/ID [ <${'0'.repeat(32)}> <${'0'.repeat(32)}> ]`), 'latin1');
    expect(zeroed.length).toBe(out.length);
    expect(createHash('sha256').update(zeroed).digest('hex').slice(0, 32).toUpperCase()).toBe(match![1]);
  });

  it('refuses an invalid date instead of writing nonsense', async () => {
    await expect(applyPdfMetadata(await browserLikePdf(new Date()), { ...metadata, date: new Date('x') })).rejects.toThrow(
      RangeError,
    );
  });
});
