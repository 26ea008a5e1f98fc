/**
 * Escaping for the few places the report builds markup by hand (Markdown renderer, CSS strings). Templates
 * escape with Handlebars' own `{{ }}`.
 */

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Quote text as a CSS string literal (for `content:` in `@page` margin boxes). Every character that could
 * end the string, the rule or the `<style>` element is written as a CSS hex escape.
 */
export function cssString(text: string): string {
  const body = [...text]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (/[A-Za-z0-9 .,:;!?£()'\u00a0-\u024f\u2013\u2014\u2018\u2019]/u.test(ch) && ch !== "'") return ch;
      return `\\${code.toString(16).padStart(6, '0')}`;
    })
    .join('');
  return `"${body}"`;
}

/** Escape Markdown punctuation so that a value inserted into narrative is read as plain text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#+!|~&"]/g, (ch) => `\\${ch}`);
}
