/**
 * The page the preview shows instead of the report while the data cannot be built: every finding with
 * its file, row, column, value, message and hint, errors first. Every value is escaped: a finding quotes
 * what is in a cell, and a cell can hold anything.
 */
import { escapeHtml } from '../report/escape.js';
import type { Finding } from '../validate/findings.js';

/** What the findings page says. */
export interface FindingsPageInput {
  boardName: string;
  year: string;
  /** Why the report cannot be shown, in a sentence. */
  reason: string;
  findings: readonly Finding[];
  lang?: string;
}

function countText(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const parts = [`${errors} error${errors === 1 ? '' : 's'}`];
  if (warnings > 0) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.join(' and ');
}

function columnText(f: Finding): string {
  return [f.columnLetter, f.column ? `“${f.column}”` : undefined].filter(Boolean).join(' ');
}

function row(f: Finding): string {
  const cell = (text: string) => `<td>${escapeHtml(text)}</td>`;
  return [
    `<tr class="${f.severity}">`,
    `<th scope="row">${f.severity === 'error' ? 'Error' : 'Warning'}</th>`,
    `<td><code>${escapeHtml(f.file)}</code></td>`,
    cell(f.row === undefined ? '' : String(f.row)),
    cell(columnText(f)),
    f.value === undefined || f.value === '' ? '<td></td>' : `<td><code>${escapeHtml(f.value)}</code></td>`,
    cell(f.message),
    cell(f.hint ?? ''),
    `<td><code>${escapeHtml(f.code)}</code></td>`,
    '</tr>',
  ].join('');
}

const CSS = `
body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; margin: 2rem; color: #1b1b1b; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
p { max-width: 60rem; }
.notice { border-left: .4rem solid #b00020; padding: .5rem 1rem; background: #fdf0f1; }
table { border-collapse: collapse; margin-top: 1rem; width: 100%; }
caption { text-align: left; font-weight: bold; padding: .5rem 0; }
th, td { border: 1px solid #8a8a8a; padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #eceff1; }
tr.error th[scope=row] { color: #b00020; }
tr.warning th[scope=row] { color: #7a4b00; }
code { font-family: ui-monospace, Consolas, monospace; font-size: .95em; overflow-wrap: anywhere; }
`;

/** A complete HTML page listing the findings (it carries no script; the preview adds its own). */
export function findingsPageHtml(input: FindingsPageInput): string {
  const sorted = [...input.findings.filter((f) => f.severity === 'error'), ...input.findings.filter((f) => f.severity !== 'error')];
  const title = `${input.year} report preview: ${countText(input.findings)} to look at`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(input.lang ?? 'en-GB')}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(`${title} – ${input.boardName}`)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>The ${escapeHtml(input.year)} report cannot be shown yet</h1>`,
    `<p class="notice">${escapeHtml(input.reason)}</p>`,
    '<p>Fix the problems below and save the file. This page checks the data again and shows the report by itself as soon as there are no errors left.</p>',
    '<table>',
    `<caption>${escapeHtml(countText(input.findings))} in the data of ${escapeHtml(input.boardName)} for ${escapeHtml(input.year)}</caption>`,
    '<thead><tr><th scope="col">Severity</th><th scope="col">File</th><th scope="col">Row or line</th><th scope="col">Column</th><th scope="col">Value</th><th scope="col">Problem</th><th scope="col">How to fix it</th><th scope="col">Code</th></tr></thead>',
    '<tbody>',
    ...sorted.map(row),
    '</tbody>',
    '</table>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
