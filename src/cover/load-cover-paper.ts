/**
 * Load stage for the cover paper: read `<year>/cover-paper.yaml`, check it with the schema, and turn every
 * problem (missing file, YAML syntax, a wrong or missing setting, an id that is not an indicator) into a
 * finding with the line it is on. Never throws for anything a user can cause.
 */
import { outsideBoardFinding, readBoardFile } from '../io/board-path.js';
import { YAML_ALIAS_HINT, yamlValue } from '../load/yaml-value.js';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, Scalar, type Document } from 'yaml';
import { INDICATORS, isKnownIndicatorId, suggestIndicatorId } from '../indicators/catalogue.js';
import { isToWrite } from '../init/placeholders.js';
import type { Finding } from '../validate/findings.js';
import { COVER_PAPER_FILE, coverPaperSchema, type CoverPaper } from './schema.js';

/** Where a setting's text starts, so a problem inside Markdown can be given its line in the file. */
export type TextLine = (key: string) => number | undefined;

/** The checked cover paper (null when there are errors), the findings (warnings too), and where each text starts. */
export interface LoadedCoverPaper {
  /** File relative to the board folder, e.g. `2012-13/cover-paper.yaml`. */
  file: string;
  paper: CoverPaper | null;
  findings: Finding[];
  /** The line on which a top-level text setting's first line of content is. */
  textLine: TextLine;
}

const HINT = 'See data-samples/calderdale/2012-13/cover-paper.yaml for a complete example with every setting explained.';

/** Read and check `<boardDir>/<year>/cover-paper.yaml`. */
export async function loadCoverPaper(boardDir: string, year: string): Promise<LoadedCoverPaper> {
  const file = `${year}/${COVER_PAPER_FILE}`;
  const none: TextLine = () => undefined;
  let source: string;
  try {
    source = (await readBoardFile(path.join(boardDir, year, COVER_PAPER_FILE), file)).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const finding: Finding =
      outsideBoardFinding(error, file) ??
      (code === 'ENOENT'
        ? {
            code: 'cover-paper-missing',
            severity: 'error',
            file,
            message: `There is no cover paper file for ${year}: the cover paper's words (meeting, purpose, key issues, actions, contacts) come from ${file}.`,
            hint: `Create ${file} in the board folder: \`lscb-report init <board folder> --force --year ${year}\` adds a starter one, every setting explained, without changing any other file. ${HINT}`,
          }
        : {
            code: 'file-unreadable',
            severity: 'error',
            file,
            message: `The cover paper file could not be opened (${code ?? 'error'}).`,
            hint: 'Check that it is a file, not a folder, and that you have permission to read it.',
          });
    return { file, paper: null, findings: [finding], textLine: none };
  }
  return checkCoverPaper(source, file);
}

/** Check the text of a cover paper file (exported for tests). */
export function checkCoverPaper(source: string, file: string): LoadedCoverPaper {
  const findings: Finding[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    findings.push({
      code: 'yaml-syntax',
      severity: 'error',
      file,
      row: err.linePos?.[0]?.line ?? lineAt(err.pos[0]),
      message: `The file is not valid YAML: ${err.message.split('\n')[0]}`,
      hint: 'Check indentation (spaces, not tabs), and put text that contains a colon followed by a space in quotes or after a | line.',
    });
    return { file, paper: null, findings, textLine: () => undefined };
  }
  const textLine: TextLine = (key) => {
    const node = doc.get(key, true);
    if (!isScalar(node) || !node.range) return undefined;
    const line = lineAt(node.range[0]);
    // A block scalar's range starts at its `|` or `>` indicator; the text starts on the next line.
    return node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED ? line + 1 : line;
  };

  const converted = yamlValue(doc);
  if (!converted.ok) {
    findings.push({ code: 'yaml-syntax', severity: 'error', file, message: `The file is not valid YAML: ${converted.reason}`, hint: YAML_ALIAS_HINT });
    return { file, paper: null, findings, textLine };
  }
  const result = coverPaperSchema.safeParse(converted.value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const issuePath = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const keyPath = [...issuePath, ...(unknownKey === undefined ? [] : [unknownKey])];
      findings.push({
        code: 'cover-paper-invalid',
        severity: 'error',
        file,
        row: lineOfPath(doc, lineAt, issuePath, unknownKey),
        column: keyPath.join('.') || undefined,
        message: describeIssue(issue.code, keyPath.join('.'), issue.message),
        hint: HINT,
      });
    }
    return { file, paper: null, findings, textLine };
  }

  const paper = result.data;
  for (const keyPath of toWritePaths(converted.value, [])) {
    findings.push({
      code: 'cover-paper-placeholder',
      severity: 'warning',
      file,
      row: lineOfPath(doc, lineAt, keyPath, undefined),
      column: keyPath.join('.'),
      message: `"${keyPath.join('.')}" still holds the "To write:" text of the starting file.`,
      hint: 'Replace it with the words for this paper.',
    });
  }
  (paper.headlineFigures ?? []).forEach((id, i) => {
    if (isKnownIndicatorId(id)) return;
    findings.push({
      code: 'cover-unknown-indicator',
      severity: 'error',
      file,
      row: lineOfPath(doc, lineAt, ['headlineFigures', i], undefined),
      column: `headlineFigures.${i}`,
      value: id,
      message: `"${id}" is not an indicator.`,
      hint: `Did you mean "${suggestIndicatorId(id, INDICATORS.map((d) => d.id))}"? \`lscb-report indicators --list\` lists every id.`,
    });
  });
  return { file, paper: findings.some((f) => f.severity === 'error') ? null : paper, findings, textLine };
}

/** Paths of every text value that is still a "To write:" placeholder. */
function toWritePaths(value: unknown, at: (string | number)[]): (string | number)[][] {
  if (isToWrite(value)) return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => toWritePaths(v, [...at, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => toWritePaths(v, [...at, k]));
  return [];
}

interface Ranged {
  range?: [number, number, number] | null;
}

/** The line of a problem: the unknown key itself, the value at the path, or the nearest enclosing key that exists. */
function lineOfPath(doc: Document, lineAt: (offset: number) => number, issuePath: (string | number)[], unknownKey: string | undefined): number | undefined {
  const nodeAt = (depth: number) => (depth === 0 ? doc.contents : doc.getIn(issuePath.slice(0, depth), true)) as unknown;
  const rangeLine = (node: unknown) => {
    const range = (node as Ranged | null | undefined)?.range;
    return range ? lineAt(range[0]) : undefined;
  };
  const keyIn = (map: unknown, key: unknown) => (isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === key)?.key : undefined);
  let depth = issuePath.length;
  while (depth > 0 && nodeAt(depth) === undefined) depth--;
  if (depth === issuePath.length && unknownKey !== undefined) {
    const line = rangeLine(keyIn(nodeAt(depth), unknownKey));
    if (line !== undefined) return line;
  }
  if (depth < issuePath.length && depth > 0) {
    const line = rangeLine(keyIn(nodeAt(depth - 1), issuePath[depth - 1]));
    if (line !== undefined) return line;
  }
  // The value itself; for a key written with no value (`purpose:`), the key.
  const node = nodeAt(depth);
  const line = rangeLine(node) ?? (depth > 0 ? rangeLine(keyIn(nodeAt(depth - 1), issuePath[depth - 1])) : undefined);
  return line ?? 1;
}

function describeIssue(code: string, keyPath: string, message: string): string {
  const where = keyPath ? `"${keyPath}"` : 'The file';
  if (code === 'unrecognized_keys') return `${where} is not a setting the cover paper knows.`;
  if (code === 'invalid_type' && /received undefined|is required/.test(message)) return `${where} is required but missing.`;
  if (!keyPath && code === 'invalid_type') return 'The file must be a set of settings such as "meeting:", "purpose:" and "keyIssues:".';
  const end = /[.!?]$/.test(message) ? '' : '.';
  // The schema's own messages are predicates ("must be …"); zod's defaults are sentences.
  return /^(must|is|are) /.test(message) ? `${where} ${message}${end}` : `${where}: ${message}${end}`;
}
