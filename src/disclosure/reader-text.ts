/**
 * The text a reader sees. Scans for case references and personal data must read what ends up on the page,
 * not the HTML or Markdown source: `C&#45;44333`, `CP-00<strong>02</strong>`, `CP-00**02**` and `L‑0001`
 * (a non-breaking hyphen) all read as a reference. `readerText` decodes character references, strips markup,
 * folds compatibility characters (full-width letters and digits) and every Unicode dash and minus to `-`,
 * and removes characters a reader cannot see (zero-width spaces and joiners, soft hyphens, direction marks).
 */
import { decodeHTML } from 'entities';

/** Elements that sit inside a word on the page: removing their tags joins the text either side. */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's',
  'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'tspan', 'u', 'var', 'wbr', 'font',
]);

/** Characters with no visible glyph in running text. */
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;
/** Every dash, hyphen and minus sign a reader takes for "-". */
const DASHES = /[\u2010-\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d\u058a\u05be\u1400\u1806\u2e17\u2e1a\u2e40\u301c\u3030\u30a0]/g;
/** Slashes that look like "/". */
const SLASHES = /[\u2044\u2215\u29f8\uff0f]/g;

/** Strip HTML tags and comments: inline elements join their neighbours, block elements break words. */
function stripTags(text: string): string {
  return text
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<\/?([A-Za-z][A-Za-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/g, (_tag, name: string) => (INLINE_TAGS.has(name.toLowerCase()) ? '' : ' '));
}

/** Markdown emphasis, strike-through and code markers, which the page does not show. */
function stripMarkdownMarks(text: string): string {
  return text.replace(/[*~`]+/g, '');
}

/** Normalise characters only (no markup handling): for table cells, which the page shows as written. */
export function readerCharacters(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-').replace(SLASHES, '/');
}

/**
 * The text a reader sees of an HTML or Markdown fragment: markup stripped, then character references
 * decoded once (`&amp;#45;` shows as `&#45;`, not `-`), then characters normalised.
 */
export function readerText(markup: string): string {
  return readerCharacters(decodeHTML(stripMarkdownMarks(stripTags(markup))));
}
