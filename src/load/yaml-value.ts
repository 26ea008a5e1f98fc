/**
 * The one conversion from a parsed YAML document to plain values, for board.yaml, recommendations.yaml and
 * cover-paper.yaml alike. Parsing can succeed and conversion still fail (an alias to no anchor, or an alias
 * bomb that would expand to millions of values): that is the file's problem, reported as a finding.
 */
import type { Document } from 'yaml';

/** Most alias expansions accepted: far more than any real file, far fewer than an alias bomb. */
const MAX_ALIAS_COUNT = 1000;

/** The document's value, or the first line of the reason it cannot be read. */
export function yamlValue(doc: Document): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    return { ok: false, reason: (error as Error).message.split('\n')[0] ?? 'unreadable' };
  }
}

/** The hint for a YAML file whose aliases cannot be read. */
export const YAML_ALIAS_HINT = 'Remove the * and & references (aliases and anchors): write each value out in full.';
