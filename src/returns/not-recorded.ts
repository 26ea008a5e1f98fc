/**
 * "Not recorded": the answer an agency gives in a coded or yes/no cell of a case-level return when it did
 * not record the value. It is an explicit answer (a required cell left blank is still an error), and every
 * figure that depends on it is not available, never 0 and never counted as one of the codes.
 */

/** The value a parsed row holds for a cell written as not recorded. */
export const NOT_RECORDED = 'not-recorded' as const;

/** The type of that value. */
export type NotRecorded = typeof NOT_RECORDED;

/** How to write it in a cell (any capitals; a hyphen or underscore for the space). */
export const NOT_RECORDED_TEXT = 'not recorded';

/** True when a cell says the value was not recorded. */
export function isNotRecordedText(raw: string): boolean {
  return /^not[\s_-]*recorded$/i.test(raw.trim());
}

/** True when a parsed value is "not recorded". */
export function isNotRecorded(value: unknown): value is NotRecorded {
  return value === NOT_RECORDED;
}
