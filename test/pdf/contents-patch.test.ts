/** The content-stream reader behind writing contents numbers into a printed PDF (see contents-patch.ts). */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { patchContentsNumbers, tokenize } from '../../src/pdf/contents-patch.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('tokenize', () => {
  it('reads numbers, names, hex and literal strings (nested, escaped), arrays, dictionaries and operators', () => {
    const tokens = tokenize(bytes('% a comment\nBT /F5 14.66 Tf 1 0 0 -1 641.6875 1197 Tm <0013> Tj [(a\\)(b)) -20 <00 14>] TJ /P <</MCID 4>>BDC EMC ET'), true);
    expect(tokens?.map((t) => `${t.kind}:${t.text}`)).toEqual([
      'op:BT', 'name:/F5', 'number:14.66', 'op:Tf', 'number:1', 'number:0', 'number:0', 'number:-1', 'number:641.6875', 'number:1197', 'op:Tm',
      'hex:0013', 'op:Tj', 'open:[', 'literal:(a\\)(b))', 'number:-20', 'hex:0014', 'close:]', 'op:TJ',
      'name:/P', 'open:<<', 'name:/MCID', 'number:4', 'close:>>', 'op:BDC', 'op:EMC', 'op:ET',
    ]);
  });

  it('keeps where each token is, so a glyph string can be replaced in place', () => {
    const source = 'BT <0013> Tj ET';
    const hex = tokenize(bytes(source))!.find((t) => t.kind === 'hex')!;
    expect(source.slice(hex.start, hex.end)).toBe('<0013>');
  });

  it('gives up on what it cannot follow: an inline image, an unterminated string', () => {
    expect(tokenize(bytes('q BI /W 1 /H 1 ID \x00\xff EI Q'))).toBeNull();
    expect(tokenize(bytes('BT (never closed Tj ET'))).toBeNull();
  });
});

describe('patchContentsNumbers', () => {
  it('refuses, changing nothing, when no page links to the placeholders or a number does not fit', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const placeholder = { id: 'foreword', text: '00', align: 'right' as const };
    expect(patchContentsNumbers(doc, [placeholder], new Map([['foreword', 3]]))).toBe('0 text runs look like placeholders on the linking pages, for 1 placeholders');
    expect(patchContentsNumbers(doc, [placeholder], new Map([['foreword', 123]]))).toBe('page 123 has more digits than its placeholder "00"');
    expect(patchContentsNumbers(doc, [{ ...placeholder, align: 'other' }], new Map([['foreword', 7]]))).toContain('neither right- nor left-aligned');
    expect(patchContentsNumbers(doc, [{ ...placeholder, text: '--' }], new Map([['foreword', 7]]))).toBe('placeholder "--" is not made of digits');
    expect(patchContentsNumbers(doc, [], new Map())).toBeNull();
  });
});
