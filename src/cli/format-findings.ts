/**
 * Findings for people (a readable list with locations and hints) and for machines (JSON).
 */
import { Chalk } from 'chalk';
import { oneLine } from '../findings.js';
import type { Finding } from '../validate/findings.js';

/** Version of the `validate --format json` layout (schemas/validate.schema.json); raised only when a field is removed or its meaning changes. */
export const FINDINGS_JSON_SCHEMA_VERSION = 1;

/**
 * Where a finding is, in words: `row 5, column C "Referral source"` in a return (a CSV file's rows, as a
 * spreadsheet numbers them); `line 12` in a text file (narrative Markdown, YAML), as an editor numbers them.
 */
export function findingLocation(f: Finding): string {
  const parts: string[] = [];
  const csv = f.file === undefined || /\.csv$/i.test(f.file);
  if (f.row !== undefined) parts.push(`${csv ? 'row' : 'line'} ${f.row}`);
  if (f.column !== undefined || f.columnLetter !== undefined) {
    parts.push(`column ${[f.columnLetter, f.column ? `"${f.column}"` : undefined].filter(Boolean).join(' ')}`);
  }
  return parts.join(', ');
}

/** Summary line: `2 errors, 1 warning`. */
export function findingSummary(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** The findings with every error before every warning, each group in its given order (a stable sort). */
export function errorsFirst(findings: readonly Finding[]): Finding[] {
  return [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity !== 'error')];
}

/** How a command lists findings: `--quiet` leaves the warnings out (the summary line still counts them). */
export interface FindingsPrintOptions {
  quiet?: boolean;
}

/** The findings to list: errors first, then warnings unless quiet. */
export function findingsToList(findings: readonly Finding[], options: FindingsPrintOptions = {}): Finding[] {
  const ordered = errorsFirst(findings);
  return options.quiet ? ordered.filter((f) => f.severity === 'error') : ordered;
}

/**
 * List findings on stderr, errors first, then warnings (none with `--quiet`). Each command calls this once
 * per year with everything it found, so no finding is printed twice.
 */
export function printFindings(io: { stderr(text: string): void }, findings: readonly Finding[], options: FindingsPrintOptions = {}): void {
  const listed = findingsToList(findings, options);
  if (listed.length > 0) io.stderr(formatFindingsText(listed, false));
}

/** Render findings as a human-readable list, one block per finding. */
export function formatFindingsText(findings: readonly Finding[], colour: boolean): string {
  const c = new Chalk({ level: colour ? 1 : 0 });
  const lines: string[] = [];
  for (const f of findings) {
    const sev = f.severity === 'error' ? c.red.bold('error  ') : c.yellow.bold('warning');
    const loc = findingLocation(f);
    lines.push(`${sev} ${c.bold(oneLine(f.file))}${loc ? ` ${oneLine(loc)}` : ''}  ${c.dim(`[${f.code}]`)}`);
    lines.push(`        ${oneLine(f.message)}`);
    if (f.hint) lines.push(`        ${c.dim('Hint:')} ${oneLine(f.hint)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/**
 * Render findings as stable JSON (one object per finding, fixed key order; schemas/validate.schema.json).
 * `message` and `hint` are one line (see `oneLine`); `value` is the cell exactly as read.
 */
export function formatFindingsJson(year: string, findings: readonly Finding[], options: { strict?: boolean } = {}): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const strict = options.strict === true;
  return `${JSON.stringify(
    {
      schemaVersion: FINDINGS_JSON_SCHEMA_VERSION,
      year,
      valid: errors === 0 && !(strict && findings.length > 0),
      strict,
      errors,
      warnings: findings.length - errors,
      findings: findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        file: f.file,
        row: f.row ?? null,
        column: f.column ?? null,
        columnLetter: f.columnLetter ?? null,
        value: f.value ?? null,
        message: oneLine(f.message),
        hint: f.hint === undefined ? null : oneLine(f.hint),
      })),
    },
    null,
    2,
  )}\n`;
}
