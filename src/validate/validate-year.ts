/**
 * Validate stage: load a board and a year, run every check, and return all findings (never only the first).
 * The year's indicators are computed here too, so that `validate` reports what `build` would: figures that
 * do not reconcile, and typed numbers in the narrative that disagree with the figures or disclose them.
 */
import { discloseIndicators, isSuppressed } from '../disclosure/disclose-indicators.js';
import { buildIndicatorReport, loadAllYears } from '../indicators/compute.js';
import type { IndicatorReport } from '../indicators/types.js';
import { loadBoard, loadYear, type BoardData, type YearData } from '../load/load-board.js';
import { hasErrors, sortFindings, type Finding } from './findings.js';
import { CHECKS } from './checks/index.js';

/** The outcome of validating one year: the data as loaded and every finding. */
export interface ValidationResult {
  board: BoardData;
  data: YearData;
  findings: Finding[];
  /** Every year folder loaded (the year validated included), for the commands that go on to compute. */
  years: Map<string, YearData>;
  /** The year's indicator report, straight from compute (before disclosure control). */
  indicators: IndicatorReport;
}

/** Fill in column letters for findings that name a column of a CSV return but not its letter. */
function addColumnLetters(findings: Finding[], data: YearData): Finding[] {
  return findings.map((f) => {
    if (f.columnLetter || !f.column) return f;
    const letter = data.columnLetters.get(f.file)?.get(f.column);
    return letter ? { ...f, columnLetter: letter } : f;
  });
}

/** Finding codes of compute that `validate` reports too (others repeat what its own checks say). */
export const RECONCILIATION_CODES: ReadonlySet<string> = new Set(['reconciliation-difference']);

/** The published edition's threshold from board.yaml: counts from 1 to it are suppressed; 0 when off. */
export function boardThreshold(board: BoardData): number {
  const settings = board.config?.disclosure ?? { suppress: true, threshold: 5 };
  return settings.suppress ? settings.threshold : 0;
}

/**
 * Load and check one year of a board folder. `disabledChecks` lists check ids to skip; `threshold` is the
 * disclosure threshold of the edition being made (default: the published edition as board.yaml sets it;
 * 0 for the internal edition); `yearCache` holds years already loaded (and receives the ones loaded here).
 */
export async function validateYear(
  dir: string,
  year: string,
  options: { disabledChecks?: string[]; board?: BoardData; threshold?: number; yearCache?: Map<string, YearData> } = {},
): Promise<ValidationResult> {
  const board = options.board ?? (await loadBoard(dir));
  const data = options.yearCache?.get(year) ?? (await loadYear(board, year));
  const cache = options.yearCache ?? new Map<string, YearData>();
  cache.set(year, data);
  const years = await loadAllYears(board, cache);
  for (const [y, d] of years) cache.set(y, d);
  const indicators = buildIndicatorReport(board, years, year);
  const threshold = options.threshold ?? boardThreshold(board);
  let suppressedIds: Set<string> | undefined;
  if (threshold > 0 && data.narrative.size > 0) {
    const disclosed = discloseIndicators(indicators, { edition: 'published', threshold });
    suppressedIds = new Set(disclosed.rows.filter((r) => isSuppressed(r.current)).map((r) => r.def.id));
  }
  const findings: Finding[] = [...board.findings, ...data.findings];
  for (const check of CHECKS) {
    if (options.disabledChecks?.includes(check.id)) continue;
    findings.push(...check.run({ board, data, indicators, disclosureThreshold: threshold, suppressedIds }));
  }
  // Figures that do not reconcile, as `indicators`, `diff` and `build` report them; only once the returns
  // are free of errors, since a row left out for an error would make a difference of its own.
  if (!hasErrors(findings)) findings.push(...indicators.findings.filter((f) => RECONCILIATION_CODES.has(f.code)));
  return { board, data, findings: sortFindings(addColumnLetters(findings, data)), years, indicators };
}
