/**
 * Illustrative figures: figures a board declares (board.yaml `illustrative`) are not real, such as a
 * sample board's figures its source never published. The report says so on the cover, in the source line
 * of each table and chart that shows them, and in the indicators JSON.
 */
import type { BoardConfig } from '../config/board-config.js';

/** A board's declaration, with defaults filled in. */
export interface IllustrativeFigures {
  /** Why they are illustrative (printed on the cover). */
  note: string;
  /** Indicator ids, or families written `family.*`. */
  figures: string[];
  /** Return files whose every figure is illustrative. */
  returns: string[];
}

/** The default cover note when the board gives none. */
export const DEFAULT_ILLUSTRATIVE_NOTE = 'Some figures in this report are illustrative: they were not published by the source and are shown only to illustrate the tables.';

/** The board's declaration, or null when it declares nothing illustrative. */
export function illustrativeOf(config: Pick<BoardConfig, 'illustrative'> | null | undefined): IllustrativeFigures | null {
  const d = config?.illustrative;
  if (!d || (d.figures.length === 0 && d.returns.length === 0)) return null;
  return { note: d.note ?? DEFAULT_ILLUSTRATIVE_NOTE, figures: d.figures, returns: d.returns };
}

/** True when the indicator's values are declared illustrative (its id, or its family with `.*`). */
export function isIllustrative(decl: IllustrativeFigures | null, id: string): boolean {
  if (!decl) return false;
  return decl.figures.some((p) => (p.endsWith('.*') ? id.startsWith(p.slice(0, -1)) : p === id));
}
