/**
 * Findings are data, not exceptions: each says what is wrong, exactly where, and how to fix it. Shared by
 * the loader, the compute stage and validation, so it lives below all of them.
 */

/** How serious a finding is: errors stop publication, warnings do not. */
export type Severity = 'error' | 'warning';

/** One problem found in a board's data. */
export interface Finding {
  /** Stable kebab-case code, e.g. `value-not-allowed`. */
  code: string;
  severity: Severity;
  /** File path relative to the board folder, e.g. `2012-13/lado-referrals.csv`. */
  file: string;
  /** 1-based row as a spreadsheet shows it (the header is row 1); for YAML, the line. */
  row?: number;
  /** Column header (CSV) or key path (YAML). */
  column?: string;
  /** Spreadsheet column letter, e.g. `C`. */
  columnLetter?: string;
  /** The offending cell value. */
  value?: string;
  message: string;
  hint?: string;
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text on one line, as a finding's message and hint are shown: a line break, tab or other control
 * character quoted from a cell is written as an escape (a heading "Grant from", line break, "DfE" shows as
 * `"Grant from\nDfE"`; ESC as `\u001b`), so a message never spills onto the next line and a cell cannot
 * send escape codes to a terminal.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Convert a 0-based column index to a spreadsheet letter (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** True when any finding is an error. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** Sort findings by file, row, column so output is stable. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.columnLetter ?? '').localeCompare(b.columnLetter ?? '') ||
      a.code.localeCompare(b.code),
  );
}
