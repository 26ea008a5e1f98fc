/**
 * Findings for people (a readable list with locations and hints) and for machines (JSON).
 */
import { Chalk } from 'chalk';
import type { Finding } from '../validate/findings.js';

/** Where a finding is, in words: `row 5, column C "Referral source"`. */
export function findingLocation(f: Finding): string {
  const parts: string[] = [];
  if (f.row !== undefined) parts.push(`row ${f.row}`);
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

/** Render findings as a human-readable list, one block per finding. */
export function formatFindingsText(findings: readonly Finding[], colour: boolean): string {
  const c = new Chalk({ level: colour ? 1 : 0 });
  const lines: string[] = [];
  for (const f of findings) {
    const sev = f.severity === 'error' ? c.red.bold('error  ') : c.yellow.bold('warning');
    const loc = findingLocation(f);
    lines.push(`${sev} ${c.bold(f.file)}${loc ? ` ${loc}` : ''}  ${c.dim(`[${f.code}]`)}`);
    lines.push(`        ${f.message}`);
    if (f.hint) lines.push(`        ${c.dim('Hint:')} ${f.hint}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Render findings as stable JSON (one object per finding, fixed key order). */
export function formatFindingsJson(year: string, findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return `${JSON.stringify(
    {
      year,
      valid: errors === 0,
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
        message: f.message,
        hint: f.hint ?? null,
      })),
    },
    null,
    2,
  )}\n`;
}
