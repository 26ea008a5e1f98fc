/**
 * No personal data out: the pseudonymous case references of the case-level returns (plan, child,
 * referral and case refs) must never appear in anything a build writes. The build collects them and
 * scans its outputs before writing; a reference found stops the build.
 *
 * Training event refs are not collected: they name training sessions, not children or cases.
 */
import type { YearData } from '../load/load-board.js';
import { returnDef } from '../returns/definitions.js';
import { readerCharacters, readerText } from './reader-text.js';

/** A case reference and where it was read. */
export interface CaseRef {
  ref: string;
  /** File relative to the board folder, e.g. `2012-13/lado-referrals.csv`. */
  file: string;
  /** 1-based row of the first occurrence (the header is row 1). */
  row: number;
  /** Column header, e.g. `Referral ref`. */
  column: string;
}

/** The reference columns of the case-level returns. */
const CASE_REF_COLUMNS = [
  { returnId: 'cpPlans', key: 'planRef' },
  { returnId: 'cpPlans', key: 'childRef' },
  { returnId: 'ladoReferrals', key: 'referralRef' },
  { returnId: 'cdopCases', key: 'caseRef' },
] as const;

/**
 * True when a reference can be searched for in text without matching ordinary words and numbers: at
 * least four characters with a letter and a digit, like `CP-0042` or `C44333`. A bare number such as
 * `17` cannot be told apart from a figure; `validate` asks for references like `CP-0042`.
 */
export function isDistinctiveRef(ref: string): boolean {
  return ref.length >= 4 && /[A-Za-z]/.test(ref) && /\d/.test(ref);
}

/** Every distinctive case reference in the loaded years' case-level returns (first occurrence of each). */
export function caseReferences(years: Iterable<YearData>): CaseRef[] {
  const found = new Map<string, CaseRef>();
  for (const data of years) {
    for (const { returnId, key } of CASE_REF_COLUMNS) {
      const rows = data.returns[returnId] as ({ row: number } & Record<string, unknown>)[] | null | undefined;
      if (!rows) continue;
      const def = returnDef(returnId);
      const column = def.columns.find((c) => c.key === key)?.header ?? key;
      for (const r of rows) {
        const ref = r[key];
        if (typeof ref !== 'string' || !isDistinctiveRef(ref) || found.has(ref)) continue;
        found.set(ref, { ref, file: `${data.year.label}/${def.file}`, row: r.row, column });
      }
    }
  }
  return [...found.values()];
}

/**
 * The references that occur in `text` as a whole word: not inside a longer run of letters and digits, so
 * `CP-0001` is found in "(CP-0001)" and "CP-0001." but not in "CP-00011". Case matters, as in the returns.
 */
export function findCaseRefs(markup: string, refs: readonly CaseRef[]): CaseRef[] {
  // Search what a reader sees: entities decoded, markup stripped, dashes and invisible characters normalised.
  const text = readerText(markup);
  const byRef = new Map(refs.map((r) => [readerCharacters(r.ref), r]));
  const hits = new Map<string, CaseRef>();
  // A token is a run of letters and digits joined by single separators that references may contain;
  // every run of whole segments of a token is a candidate.
  for (const m of text.matchAll(/[A-Za-z0-9]+(?:[-_/.][A-Za-z0-9]+)*/g)) {
    const token = m[0];
    if (token.length < 4) continue;
    const bounds = [0];
    for (let i = 0; i < token.length; i++) if ('-_/.'.includes(token[i]!)) bounds.push(i, i + 1);
    bounds.push(token.length);
    const starts = bounds.filter((_, i) => i % 2 === 0);
    const ends = bounds.filter((_, i) => i % 2 === 1);
    for (const s of starts) {
      for (const e of ends) {
        if (e - s < 4) continue;
        const hit = byRef.get(token.slice(s, e));
        if (hit) hits.set(hit.ref, hit);
      }
    }
  }
  // References of another shape (doubled or trailing separators) are searched for one by one.
  for (const [ref, r] of byRef) {
    if (TOKEN_SHAPE.test(ref) || hits.has(r.ref)) continue;
    for (let at = text.indexOf(ref); at >= 0; at = text.indexOf(ref, at + 1)) {
      const before = text[at - 1] ?? ' ';
      const after = text[at + ref.length] ?? ' ';
      if (!/[A-Za-z0-9]/.test(before) && !/[A-Za-z0-9]/.test(after)) {
        hits.set(r.ref, r);
        break;
      }
    }
  }
  return [...hits.values()];
}

const TOKEN_SHAPE = /^[A-Za-z0-9]+(?:[-_/.][A-Za-z0-9]+)*$/;
