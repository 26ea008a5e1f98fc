/**
 * The one CSV writer: every CSV the tool writes (the build's indicators file, `indicators --format csv`,
 * `diff --format csv`, the catalogue, the blank return templates) goes through `csvCell` and `csvDocument`.
 *
 * Two protections, both following the OWASP "CSV Injection" guidance:
 * - a text cell that a spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`, a tab or a
 *   carriage return) is prefixed with an apostrophe, so Excel, LibreOffice and Google Sheets show it as text;
 *   a genuine number (`-3`, `+2.5`, `-1.2e3`) is not a formula and stays a number;
 * - any cell holding a separator (comma or semicolon, the separator in many European locales), a quote, a
 *   tab or a line break is quoted, with quotes doubled (RFC 4180), so no cell can spill into the next one.
 *
 * A document starts with a UTF-8 byte-order mark, so Excel on Windows opens it as UTF-8 and shows "£"
 * rather than "Â£", and uses CRLF line ends, as spreadsheets write them.
 */

/** A value a CSV cell may hold; null and undefined are an empty cell. */
export type CsvValue = string | number | boolean | null | undefined;

/** The UTF-8 byte-order mark every CSV document starts with. */
export const CSV_BOM = '\uFEFF';

/** Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, hide one that does). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number, as a spreadsheet reads it: not a formula even with a leading sign. */
const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** Text that a spreadsheet would evaluate, made inert with a leading apostrophe; other text unchanged. */
export function neutraliseFormula(text: string): string {
  if (!FORMULA_START.test(text)) return text;
  // A lone "-" (the "not applicable" mark) and a genuine signed number are not formulas.
  if (text === '-' || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

/** One CSV cell: formula-neutralised, then quoted when it holds a separator, quote, tab or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutraliseFormula(String(value));
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (no line end). */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',');
}

/** A whole CSV document: byte-order mark, header, rows, each line ended with CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + [header, ...rows].map((r) => `${csvLine(r)}\r\n`).join('');
}
