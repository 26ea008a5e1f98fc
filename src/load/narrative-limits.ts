/**
 * Limits on a narrative file, checked before any Markdown parser sees it. Markdown parsers do work that
 * grows faster than the text on some inputs (long runs of `*a`, lists nested thousands deep), so a file
 * larger than any real report section, or nested deeper than any real text, is a finding instead of a
 * parse that could hold the build, `validate` or `preview` for minutes or exhaust the memory.
 */
import type { Finding } from '../findings.js';

/** Largest narrative file read, in bytes: a long report section is about 20 KB. */
export const NARRATIVE_MAX_BYTES = 64 * 1024;
/** Deepest indentation of a line, in columns (tabs as 4): 40 levels of list or quote nesting. */
export const NARRATIVE_MAX_INDENT = 80;
/** Most quote markers (`>`) or list markers at the start of one line. */
export const NARRATIVE_MAX_MARKERS = 40;

/** A finding when a narrative file is beyond the limits, or null. */
export function narrativeLimitFinding(text: string, byteLength: number, file: string): Finding | null {
  if (byteLength > NARRATIVE_MAX_BYTES) {
    return {
      code: 'narrative-too-large',
      severity: 'error',
      file,
      message: `The narrative file is ${Math.ceil(byteLength / 1024)} KB; the largest a section's narrative may be is ${NARRATIVE_MAX_BYTES / 1024} KB.`,
      hint: 'Shorten it, or split it across sections. Check it is the narrative you meant (not a pasted export or a binary file).',
    };
  }
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lead = /^[ \t>*+\-0-9.)]*/.exec(line)![0];
    const indent = [...lead].reduce((n, c) => n + (c === '\t' ? 4 : 1), 0);
    const markers = (lead.match(/>|[*+-](?=[ \t])|\d+[.)](?=[ \t])/g) ?? []).length;
    if (indent > NARRATIVE_MAX_INDENT || markers > NARRATIVE_MAX_MARKERS) {
      return {
        code: 'narrative-too-deep',
        severity: 'error',
        file,
        row: i + 1,
        message: 'The narrative is nested too deeply to read (quotes or lists inside each other dozens of times).',
        hint: 'Simplify the Markdown: remove the repeated ">" or list markers, or the deep indentation.',
      };
    }
  }
  return null;
}
