/**
 * Check: live figures in narrative Markdown cite known indicators, and the narrative uses no template
 * expression other than `{{value "id"}}`, `{{previous "id"}}`, `{{change "id"}}` and comments `{{! … }}` (which
 * print nothing; `{{! not a figure }}` after a number tells the typed-number checks it is not a figure).
 */
import { catalogueOf, isKnownIndicatorId } from '../../indicators/catalogue.js';
import { OTHER_FILES } from '../../returns/definitions.js';
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';
import { closestIndicatorId } from './aggregate-figures.js';

/** The helpers a narrative may use. */
export const LIVE_FIGURE_HELPERS = ['value', 'previous', 'change'] as const;

/** A live-figure helper name. */
export type LiveFigureHelper = (typeof LIVE_FIGURE_HELPERS)[number];

/** One `{{...}}` expression found in narrative text. */
export interface NarrativeExpression {
  /** 1-based line where the expression starts. */
  line: number;
  /** The expression as written, braces included. */
  text: string;
  /** For a well-formed live figure: the helper and the indicator id it cites. */
  figure?: { helper: LiveFigureHelper; id: string };
}

const FIGURE = /^\{\{\s*(value|previous|change)\s+(?:"([^"]*)"|'([^']*)')\s*\}\}$/;

/**
 * Find every `{{...}}` expression in narrative Markdown, as the renderer (Handlebars) would see it:
 * `\{{` is a literal pair of braces, not an expression. An opening `{{` with no closing `}}` is returned
 * as an expression running to the end of its line.
 */
export function findNarrativeExpressions(markdown: string): NarrativeExpression[] {
  const found: NarrativeExpression[] = [];
  let i = 0;
  // Lines counted as the scan moves on, not from the start each time (which was quadratic).
  let line = 1;
  let counted = 0;
  while ((i = markdown.indexOf('{{', i)) !== -1) {
    let backslashes = 0;
    for (let j = i - 1; j >= 0 && markdown[j] === '\\'; j--) backslashes++;
    if (backslashes % 2 === 1) {
      i += 2;
      continue;
    }
    for (let k = markdown.indexOf('\n', counted); k !== -1 && k < i; k = markdown.indexOf('\n', k + 1)) line++;
    counted = i;
    const triple = markdown.startsWith('{{{', i);
    const close = markdown.indexOf(triple ? '}}}' : '}}', i + 2);
    if (close === -1) {
      const eol = markdown.indexOf('\n', i);
      found.push({ line, text: markdown.slice(i, eol === -1 ? undefined : eol).trimEnd() });
      break;
    }
    const end = close + (triple ? 3 : 2);
    const text = markdown.slice(i, end);
    const m = triple ? null : FIGURE.exec(text);
    found.push(m ? { line, text, figure: { helper: m[1] as LiveFigureHelper, id: (m[2] ?? m[3] ?? '').trim() } } : { line, text });
    i = end;
  }
  return found;
}

/** Narrative live figures cite known indicators; no other template expressions. */
export const narrativeFigures: Check = {
  id: 'narrative-figures',
  description:
    'Narrative live figures ({{value "id"}}, {{previous "id"}}, {{change "id"}}) cite indicators in the catalogue, and the narrative uses no other template expression.',
  run({ board, data }) {
    const defs = catalogueOf(board);
    const findings: Finding[] = [];
    for (const [section, markdown] of data.narrative) {
      const file = `${data.year.label}/${OTHER_FILES.narrativeDir}/${section}.md`;
      for (const expr of findNarrativeExpressions(markdown)) {
        // A Handlebars comment prints nothing; `{{! not a figure }}` marks the number before it.
        if (!expr.figure && expr.text.startsWith('{{!')) continue;
        if (!expr.figure) {
          findings.push({
            code: 'narrative-expression-not-allowed',
            severity: 'error',
            file,
            row: expr.line,
            value: expr.text,
            message: `Line ${expr.line} has the expression ${expr.text}, which the narrative cannot use: only live figures are allowed.`,
            hint: 'Write live figures as {{value "id"}}, {{previous "id"}} or {{change "id"}} with an indicator id in quotes; write \\{{ for literal braces.',
          });
          continue;
        }
        const { id } = expr.figure;
        if (!isKnownIndicatorId(id, defs)) {
          const suggestion = closestIndicatorId(id, defs);
          findings.push({
            code: 'unknown-indicator',
            severity: 'error',
            file,
            row: expr.line,
            value: id,
            message: `Line ${expr.line} cites the figure "${id}", which is not an indicator this tool knows.`,
            hint: `Did you mean "${suggestion}"? Run \`lscb-report indicators --list\` for every id.`,
          });
        }
      }
    }
    return findings;
  },
};
