/**
 * How `init` marks text that is still to be written, so `validate` can say what is left to do.
 * Narrative files start with an HTML comment (dropped by the narrative renderer, so it never reaches the
 * report) followed by a "To write:" note; YAML values that must be replaced start with "To write:".
 */

/** First line of every narrative file `init` writes; the narrative renderer drops HTML comments. */
export const NARRATIVE_PLACEHOLDER_MARKER =
  '<!-- lscb-report: placeholder. Delete this line and the "To write" note below once the section is written. -->';

/** Prefix of a value in board.yaml or recommendations.yaml that `init` wrote and a person must replace. */
export const TO_WRITE_PREFIX = 'To write:';

const MARKER_LINE = /^\s*<!--\s*lscb-report:\s*placeholder\b/i;
const TO_WRITE_NOTE = /^\s*>\s*\*\*To write:\*\*/i;

/**
 * The 1-based line of a narrative file that shows it is still `init`'s placeholder (the marker comment,
 * or failing that the "To write" note), or null when the section has been written.
 */
export function placeholderLine(markdown: string): number | null {
  const lines = markdown.split(/\r?\n/);
  const marker = lines.findIndex((l) => MARKER_LINE.test(l));
  if (marker >= 0) return marker + 1;
  const note = lines.findIndex((l) => TO_WRITE_NOTE.test(l));
  return note >= 0 ? note + 1 : null;
}

/** True when a configuration value is still the "To write:" text `init` put there. */
export function isToWrite(value: unknown): boolean {
  return typeof value === 'string' && value.trim().toLowerCase().startsWith(TO_WRITE_PREFIX.toLowerCase());
}
