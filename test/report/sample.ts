/** The Calderdale sample loaded once for the report tests: board, year data and indicators. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildIndicatorReport, loadAllYears } from '../../src/indicators/compute.js';
import type { IndicatorReport } from '../../src/indicators/types.js';
import { loadBoard, loadYear, type BoardData, type YearData } from '../../src/load/load-board.js';
import type { SectionModel, TableModel } from '../../src/report/model.js';

export const SAMPLE_DIR = path.resolve('data-samples/calderdale');
export const YEAR = '2012-13';

/** Board, year data and indicators of a board folder. */
export interface Loaded {
  board: BoardData;
  data: YearData;
  indicators: IndicatorReport;
}

/** Load a board folder and compute its indicators for `year`. */
export async function loadSample(dir = SAMPLE_DIR, year = YEAR): Promise<Loaded> {
  const board = await loadBoard(dir);
  const data = await loadYear(board, year);
  const indicators = buildIndicatorReport(board, await loadAllYears(board), year);
  return { board, data, indicators };
}

/** A copy of the sample in a scratch folder, for tests that change files. */
export function copySample(): { dir: string; remove: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'lscb-report-test-'));
  const dir = path.join(root, 'calderdale');
  cpSync(SAMPLE_DIR, dir, { recursive: true });
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A section of the model by id (fails the test when absent). */
export function section(sections: SectionModel[], id: string): SectionModel {
  const s = sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
}

/** The text of each row of a table's body (or footer), cell by cell. */
export function rowsText(t: TableModel, part: 'rows' | 'totals' = 'rows'): string[][] {
  return t[part].map((r) => r.map((c) => (c.mark ? c.srText : c.text)));
}

/** The cells of the body row whose first cell is `label`. */
export function rowOf(t: TableModel, label: string): string[] {
  const row = rowsText(t).find((r) => r[0] === label) ?? rowsText(t, 'totals').find((r) => r[0] === label);
  if (!row) throw new Error(`no row "${label}" in ${t.caption}: ${rowsText(t).map((r) => r[0]).join(' | ')}`);
  return row;
}
