/**
 * What a published report may not contain: the placeholder text `init` writes ("To write:") and sections
 * nobody has written. `validate` lists them as warnings (they say what is left to do); a published-edition
 * `build` refuses them unless `--draft`, which marks every page DRAFT instead.
 */
import { TO_WRITE_PREFIX } from '../init/placeholders.js';
import type { Finding } from '../validate/findings.js';

/** The validation findings that mean the report is not yet written. */
export const UNWRITTEN_CODES: ReadonlySet<string> = new Set([
  'narrative-placeholder',
  'narrative-missing',
  'recommendations-placeholder',
  'config-placeholder',
]);

const REFUSAL = 'A published report cannot go out with it: write it, or build a draft with --draft.';

/** The findings with every "not yet written" warning made an error that says why the build refuses it. */
export function refuseUnwritten(findings: readonly Finding[]): Finding[] {
  return findings.map((f) =>
    UNWRITTEN_CODES.has(f.code) && f.severity === 'warning' ? { ...f, severity: 'error' as const, message: `${f.message} ${REFUSAL}` } : f,
  );
}

/** Entities the HTML writer uses in text, decoded so an excerpt reads as the board wrote it. */
function decodeText(html: string): string {
  return html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * "To write:" text left anywhere in a rendered document (a setting the checks above do not know, a board's
 * own template): one error finding naming how many and the first few, or none.
 */
export function placeholderTextFindings(html: string, file: string): Finding[] {
  const pattern = new RegExp(`${TO_WRITE_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*([^<"\\n]{0,60})`, 'gi');
  const excerpts = [...new Set([...html.matchAll(pattern)].map((m) => decodeText(`${TO_WRITE_PREFIX} ${m[1]!.trim()}`).trim()))];
  if (excerpts.length === 0) return [];
  const shown = excerpts.slice(0, 3).map((e) => `"${e}${e.length >= 60 + TO_WRITE_PREFIX.length ? '…' : ''}"`);
  return [
    {
      code: 'placeholder-in-output',
      severity: 'error',
      file,
      message: `The document still contains placeholder text: ${shown.join('; ')}${excerpts.length > 3 ? ` and ${excerpts.length - 3} more` : ''}. ${REFUSAL}`,
      hint: 'Search the board folder for "To write:" and replace each one with the real text.',
    },
  ];
}
