/** Small helpers for writing commented YAML by hand: quoted scalars and wrapped comment blocks. */
import { stringify } from 'yaml';

/** A YAML scalar for `value`, quoted only when YAML needs it. */
export function yamlScalar(value: string | number | boolean): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** Wrap `text` into comment lines of at most `width` characters, each starting with `indent# `. */
export function comment(text: string, indent = '', width = 100): string[] {
  const prefix = `${indent}# `;
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    if (paragraph.trim() === '') {
      out.push(`${indent}#`);
      continue;
    }
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line !== '' && prefix.length + line.length + 1 + word.length > width) {
        out.push(prefix + line);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    out.push(prefix + line);
  }
  return out;
}
