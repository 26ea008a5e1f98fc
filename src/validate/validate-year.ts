/**
 * Validate stage: load a board and a year, run every check, and return all findings (never only the first).
 */
import { loadBoard, loadYear, type BoardData, type YearData } from '../load/load-board.js';
import { sortFindings, type Finding } from './findings.js';
import { CHECKS } from './checks/index.js';

/** The outcome of validating one year: the data as loaded and every finding. */
export interface ValidationResult {
  board: BoardData;
  data: YearData;
  findings: Finding[];
}

/** Fill in column letters for findings that name a column of a CSV return but not its letter. */
function addColumnLetters(findings: Finding[], data: YearData): Finding[] {
  return findings.map((f) => {
    if (f.columnLetter || !f.column) return f;
    const letter = data.columnLetters.get(f.file)?.get(f.column);
    return letter ? { ...f, columnLetter: letter } : f;
  });
}

/** Load and check one year of a board folder. `disabledChecks` lists check ids to skip. */
export async function validateYear(
  dir: string,
  year: string,
  options: { disabledChecks?: string[]; board?: BoardData } = {},
): Promise<ValidationResult> {
  const board = options.board ?? (await loadBoard(dir));
  const data = await loadYear(board, year);
  const findings: Finding[] = [...board.findings, ...data.findings];
  for (const check of CHECKS) {
    if (options.disabledChecks?.includes(check.id)) continue;
    findings.push(...check.run({ board, data }));
  }
  return { board, data, findings: sortFindings(addColumnLetters(findings, data)) };
}
