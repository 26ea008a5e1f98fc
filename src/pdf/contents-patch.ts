/**
 * Contents page numbers written into the printed PDF, so a report with a contents page is printed once.
 *
 * The browser prints the contents placeholders as they are in the HTML (`00`). Their page numbers are then
 * known from the named destinations (see `contents.ts`), and each placeholder's glyphs are replaced in the
 * page's content stream by the glyphs of its number, in the same font at the same positions. The layout
 * cannot change: a placeholder has a fixed width, and a number is only written when each of its digits is
 * exactly as wide as the glyph it replaces. The structure tree (Tagged PDF) is untouched: it points at the
 * marked content, which keeps its place; only the glyph codes in it change.
 *
 * The replacement is made only when it is certainly right; otherwise nothing is changed and the caller
 * prints again with the numbers in the HTML (the two-pass way). It is refused when:
 * - the pages linking to the contents targets do not hold exactly one text run spelling each placeholder,
 *   in order (so no other "00" on those pages can be mistaken for one);
 * - a font is not a two-byte Identity-H font with a ToUnicode map (what Chromium writes);
 * - a digit the number needs is not in the embedded font subset (it is in the map only if it is drawn
 *   somewhere in the document in that font), or is not as wide as the placeholder's glyph;
 * - a number has more digits than its placeholder, or fewer while the placeholder is neither right- nor
 *   left-aligned (centred: the number would move).
 */
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  PDFHexString,
  decodePDFRawStream,
  type PDFDocument,
  type PDFPage,
  type PDFObject,
} from 'pdf-lib';

/** A contents placeholder in the HTML: the id it points at and the text it shows until filled. */
export interface ContentsPlaceholder {
  id: string;
  text: string;
  /** How the text sits in its fixed-width box, as the browser computed it. */
  align: 'right' | 'left' | 'other';
}

/** Why the PDF could not be patched, in words (for the benchmark and tests). */
export type PatchRefusal = string;

/** One token of a content stream, with where it starts and ends in the decoded bytes. */
interface Token {
  kind: 'number' | 'name' | 'hex' | 'literal' | 'op' | 'open' | 'close';
  text: string;
  start: number;
  end: number;
}

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

/** Split a content stream into tokens; returns null for what it does not read (inline images). */
export function tokenize(bytes: Uint8Array, keepNumbers = false): Token[] | null {
  const tokens: Token[] = [];
  const n = bytes.length;
  let i = 0;
  const text = (s: number, e: number) => Buffer.from(bytes.buffer, bytes.byteOffset + s, e - s).toString('latin1');
  while (i < n) {
    const c = bytes[i]!;
    if (WHITE.has(c)) {
      i++;
    } else if (c === 0x25) {
      while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    } else if (c === 0x3c && bytes[i + 1] === 0x3c) {
      tokens.push({ kind: 'open', text: '<<', start: i, end: i + 2 });
      i += 2;
    } else if (c === 0x3e && bytes[i + 1] === 0x3e) {
      tokens.push({ kind: 'close', text: '>>', start: i, end: i + 2 });
      i += 2;
    } else if (c === 0x3c) {
      const s = i;
      while (i < n && bytes[i] !== 0x3e) i++;
      if (i >= n) return null;
      i++;
      tokens.push({ kind: 'hex', text: text(s + 1, i - 1).replace(/\s+/g, ''), start: s, end: i });
    } else if (c === 0x28) {
      const s = i;
      let depth = 0;
      for (; i < n; i++) {
        const b = bytes[i]!;
        if (b === 0x5c) i++;
        else if (b === 0x28) depth++;
        else if (b === 0x29 && --depth === 0) break;
      }
      if (i >= n) return null;
      i++;
      tokens.push({ kind: 'literal', text: text(s, i), start: s, end: i });
    } else if (c === 0x5b || c === 0x7b) {
      tokens.push({ kind: 'open', text: String.fromCharCode(c), start: i, end: i + 1 });
      i++;
    } else if (c === 0x5d || c === 0x7d) {
      tokens.push({ kind: 'close', text: String.fromCharCode(c), start: i, end: i + 1 });
      i++;
    } else {
      const s = i;
      i++;
      while (i < n && !WHITE.has(bytes[i]!) && !DELIM.has(bytes[i]!)) i++;
      // Numbers are most of a page's tokens and never read here: keep their text only when asked.
      const numeric = (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e;
      if (numeric) {
        tokens.push({ kind: 'number', text: keepNumbers ? text(s, i) : '', start: s, end: i });
        continue;
      }
      const t = text(s, i);
      // An inline image holds raw bytes this reader does not skip.
      if (c !== 0x2f && t === 'BI') return null;
      tokens.push({ kind: c === 0x2f ? 'name' : 'op', text: t, start: s, end: i });
    }
  }
  return tokens;
}

/** A text object (BT … ET) and the glyph strings it shows, with the font they are shown in. */
interface TextRun {
  font: string;
  /** The hex strings shown by Tj or inside TJ, in order. */
  strings: Token[];
  /** Other strings (literal) or operators this patcher does not rewrite make the run unusable. */
  plain: boolean;
}

/** The text objects of a content stream, in painting order. */
function textRuns(tokens: readonly Token[]): TextRun[] {
  const runs: TextRun[] = [];
  let font = '';
  let current: TextRun | null = null;
  let operands: Token[] = [];
  let inArray = 0;
  for (const t of tokens) {
    if (t.kind === 'open' && t.text === '[') {
      inArray++;
      operands.push(t);
      continue;
    }
    if (t.kind === 'close' && t.text === ']') {
      inArray--;
      operands.push(t);
      continue;
    }
    if (t.kind !== 'op' || inArray > 0) {
      operands.push(t);
      continue;
    }
    switch (t.text) {
      case 'BT':
        current = { font, strings: [], plain: true };
        break;
      case 'ET':
        if (current !== null) runs.push(current);
        current = null;
        break;
      case 'Tf': {
        const name = operands.find((o) => o.kind === 'name');
        if (name !== undefined) font = name.text.slice(1);
        if (current !== null && current.strings.length === 0) current.font = font;
        else if (current !== null) current.plain = false;
        break;
      }
      case 'Tj':
      case 'TJ':
      case "'":
      case '"':
        if (current !== null) {
          for (const o of operands) {
            if (o.kind === 'hex') current.strings.push(o);
            else if (o.kind === 'literal') current.plain = false;
          }
          if (t.text !== 'Tj' && t.text !== 'TJ') current.plain = false;
        }
        break;
      default:
        break;
    }
    operands = [];
  }
  return runs;
}

/** What a Type0 font tells: glyph → text, text character → glyph, and glyph widths. */
interface FontInfo {
  toText: Map<number, string>;
  toGlyph: Map<string, number>;
  widths: Map<number, number>;
}

/** Read a Type0 / Identity-H font's ToUnicode map and widths; null for any other kind of font. */
function readFont(font: PDFDict): FontInfo | null {
  const subtype = font.lookupMaybe(PDFName.of('Subtype'), PDFName);
  const encoding = font.lookupMaybe(PDFName.of('Encoding'), PDFName);
  if (subtype?.asString() !== '/Type0' || encoding?.asString() !== '/Identity-H') return null;
  const toUnicode = font.lookup(PDFName.of('ToUnicode'));
  if (!(toUnicode instanceof PDFRawStream)) return null;
  const cmap = Buffer.from(decodePDFRawStream(toUnicode).decode()).toString('latin1');
  const toText = new Map<number, string>();
  const hexText = (h: string) => {
    let s = '';
    for (let k = 0; k + 4 <= h.length; k += 4) s += String.fromCharCode(parseInt(h.slice(k, k + 4), 16));
    return s;
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) toText.set(parseInt(m[1]!, 16), hexText(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]+)>|\[([^\]]*)\])/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      if (hi < lo || hi - lo > 0xffff) continue;
      if (m[3] !== undefined) {
        const base = hexText(m[3]);
        const last = base.charCodeAt(base.length - 1);
        for (let g = lo; g <= hi; g++) toText.set(g, base.slice(0, -1) + String.fromCharCode(last + g - lo));
      } else {
        const items = [...m[4]!.matchAll(/<([0-9a-fA-F]+)>/g)];
        items.forEach((it, k) => toText.set(lo + k, hexText(it[1]!)));
      }
    }
  }
  const toGlyph = new Map<string, number>();
  for (const [g, t] of toText) if (!toGlyph.has(t)) toGlyph.set(t, g);

  const widths = new Map<number, number>();
  const descendant = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0);
  if (!(descendant instanceof PDFDict)) return null;
  const w = descendant.lookupMaybe(PDFName.of('W'), PDFArray);
  if (w !== undefined) {
    for (let k = 0; k < w.size(); ) {
      const first = w.lookup(k);
      const second = w.lookup(k + 1);
      if (!(first instanceof PDFNumber)) break;
      if (second instanceof PDFArray) {
        for (let j = 0; j < second.size(); j++) {
          const v = second.lookup(j);
          if (v instanceof PDFNumber) widths.set(first.asNumber() + j, v.asNumber());
        }
        k += 2;
      } else if (second instanceof PDFNumber) {
        const v = w.lookup(k + 2);
        if (!(v instanceof PDFNumber)) break;
        for (let g = first.asNumber(); g <= second.asNumber(); g++) widths.set(g, v.asNumber());
        k += 3;
      } else break;
    }
  }
  const dw = descendant.lookupMaybe(PDFName.of('DW'), PDFNumber)?.asNumber() ?? 1000;
  // Glyphs in the map without a W entry take the default width.
  for (const g of toText.keys()) if (!widths.has(g)) widths.set(g, dw);
  return { toText, toGlyph, widths };
}

/** The page's content streams: one or several, each with the reference it is stored under. */
function contentStreams(doc: PDFDocument, page: PDFPage): Array<{ ref: PDFRef; stream: PDFRawStream }> | null {
  const contents = page.node.get(PDFName.of('Contents'));
  const refs: PDFObject[] = contents instanceof PDFArray ? contents.asArray() : contents === undefined ? [] : [contents];
  const out: Array<{ ref: PDFRef; stream: PDFRawStream }> = [];
  for (const ref of refs) {
    if (!(ref instanceof PDFRef)) return null;
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) return null;
    out.push({ ref, stream });
  }
  return out;
}

/** Pages holding a link to any of `ids` (the contents page, and any page cross-referring to a section). */
function pagesLinkingTo(doc: PDFDocument, ids: ReadonlySet<string>): number[] {
  const found: number[] = [];
  doc.getPages().forEach((page, index) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (annots === undefined) return;
    for (let k = 0; k < annots.size(); k++) {
      const annot = annots.lookup(k);
      if (!(annot instanceof PDFDict)) continue;
      let dest = annot.lookup(PDFName.of('Dest'));
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      if (dest === undefined && action !== undefined) dest = action.lookup(PDFName.of('D'));
      const name = dest instanceof PDFName ? dest.decodeText() : dest instanceof PDFString || dest instanceof PDFHexString ? dest.decodeText() : null;
      if (name !== null && ids.has(safeDecode(name))) {
        found.push(index);
        return;
      }
    }
  });
  return found;
}

function safeDecode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** A candidate placeholder found in a content stream. */
interface Found {
  page: number;
  streamIndex: number;
  run: TextRun;
  font: FontInfo;
  glyphs: number[];
}

/**
 * Write each placeholder's page number into the printed PDF. Returns null when every placeholder was
 * filled; otherwise the reason it was not done, with `doc` left exactly as it was.
 */
export function patchContentsNumbers(
  doc: PDFDocument,
  placeholders: readonly ContentsPlaceholder[],
  pages: ReadonlyMap<string, number>,
): PatchRefusal | null {
  if (placeholders.length === 0) return null;
  for (const p of placeholders) {
    if (!/^\d+$/.test(p.text)) return `placeholder "${p.text}" is not made of digits`;
    const page = pages.get(p.id);
    if (page === undefined) return `no page for #${p.id}`;
    const digits = String(page);
    if (digits.length > p.text.length) return `page ${page} has more digits than its placeholder "${p.text}"`;
    if (digits.length < p.text.length && p.align === 'other') return 'a shorter number in a placeholder that is neither right- nor left-aligned';
  }
  const wanted = new Set(placeholders.map((p) => p.text));
  const allPages = doc.getPages();
  const scan = pagesLinkingTo(doc, new Set(placeholders.map((p) => p.id)));
  const found: Found[] = [];
  const decoded = new Map<number, { streams: Array<{ ref: PDFRef; bytes: Uint8Array }>; runs: TextRun[][] }>();
  const fonts = new Map<string, FontInfo | null>();
  for (const index of scan) {
    const page = allPages[index]!;
    const streams = contentStreams(doc, page);
    if (streams === null) return 'a page content stream that is not a plain stream';
    const fontDict = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    const entry = { streams: [] as Array<{ ref: PDFRef; bytes: Uint8Array }>, runs: [] as TextRun[][] };
    for (const [streamIndex, { ref, stream }] of streams.entries()) {
      const bytes = decodePDFRawStream(stream).decode();
      const tokens = tokenize(bytes);
      if (tokens === null) return 'a content stream this reader cannot follow (inline image)';
      const runs = textRuns(tokens);
      entry.streams.push({ ref, bytes });
      entry.runs.push(runs);
      for (const run of runs) {
        if (run.strings.length === 0) continue;
        const fontKey = `${index}/${run.font}`;
        if (!fonts.has(fontKey)) {
          const dict = fontDict?.lookupMaybe(PDFName.of(run.font), PDFDict);
          fonts.set(fontKey, dict === undefined ? null : readFont(dict));
        }
        const font = fonts.get(fontKey) ?? null;
        if (font === null) continue;
        const hex = run.strings.map((s) => s.text).join('');
        if (hex.length % 4 !== 0) continue;
        const glyphs: number[] = [];
        for (let k = 0; k < hex.length; k += 4) glyphs.push(parseInt(hex.slice(k, k + 4), 16));
        const text = glyphs.map((g) => font.toText.get(g) ?? '\uFFFD').join('');
        if (!wanted.has(text)) continue;
        if (!run.plain) return 'a placeholder drawn in a way this patcher does not rewrite';
        found.push({ page: index, streamIndex, run, font, glyphs });
      }
    }
    decoded.set(index, entry);
  }
  if (found.length !== placeholders.length) {
    return `${found.length} text runs look like placeholders on the linking pages, for ${placeholders.length} placeholders`;
  }

  // Work out every replacement before changing anything.
  const edits = new Map<string, Array<{ start: number; end: number; text: string }>>();
  for (const [k, p] of placeholders.entries()) {
    const f = found[k]!;
    const texts = f.glyphs.map((g) => f.font.toText.get(g));
    if (texts.join('') !== p.text) return `the text runs are not in the placeholders' order (#${p.id})`;
    if (f.glyphs.length !== p.text.length || texts.some((t) => t?.length !== 1)) return `placeholder #${p.id} is not drawn one glyph per digit`;
    const digits = String(pages.get(p.id));
    // Digit i of the number goes on glyph `offset + i`; the other glyphs are dropped where they stand.
    const offset = p.align === 'left' ? 0 : p.text.length - digits.length;
    const newGlyphs: Array<number | null> = f.glyphs.map(() => null);
    for (let i = 0; i < digits.length; i++) {
      const glyph = f.font.toGlyph.get(digits[i]!);
      const old = f.glyphs[offset + i]!;
      if (glyph === undefined) return `the digit ${digits[i]} is not in the embedded font`;
      if (f.font.widths.get(glyph) !== f.font.widths.get(old)) return `the digit ${digits[i]} is not as wide as the placeholder's`;
      newGlyphs[offset + i] = glyph;
    }
    // Each string keeps its own glyphs' slots, so dropping a glyph needs it to be a string of its own
    // (Chromium shows each glyph with its own Tj and moves between them with Td).
    let g = 0;
    const key = `${f.page}/${f.streamIndex}`;
    const list = edits.get(key) ?? [];
    for (const s of f.run.strings) {
      const count = s.text.length / 4;
      const slots = newGlyphs.slice(g, g + count);
      g += count;
      if (slots.every((x) => x === null)) {
        list.push({ start: s.start, end: s.end, text: '<>' });
      } else if (slots.some((x) => x === null)) {
        return 'a dropped digit shares a string with a kept one';
      } else {
        list.push({ start: s.start, end: s.end, text: `<${slots.map((x) => x!.toString(16).toUpperCase().padStart(4, '0')).join('')}>` });
      }
    }
    edits.set(key, list);
  }

  for (const [key, list] of edits) {
    const [pageIndex, streamIndex] = key.split('/').map(Number) as [number, number];
    const { ref, bytes } = decoded.get(pageIndex)!.streams[streamIndex]!;
    list.sort((a, b) => a.start - b.start);
    const parts: Buffer[] = [];
    let at = 0;
    const src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const e of list) {
      parts.push(src.subarray(at, e.start), Buffer.from(e.text, 'latin1'));
      at = e.end;
    }
    parts.push(src.subarray(at));
    doc.context.assign(ref, doc.context.flateStream(Buffer.concat(parts)));
  }
  return null;
}
