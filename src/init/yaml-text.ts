/** Small helpers for writing commented YAML by hand: quoted scalars and wrapped comment blocks. */
import { stringify } from 'yaml';

/** A YAML scalar for `value`, quoted only when YAML needs it. */
export function yamlScalar(value: string | number | boolean): string {
  // A block scalar (`|-`) would need indenting to sit after a key; a double-quoted one is valid anywhere.
  if (typeof value === 'string' && /[\r\n\t\u0000-\u001f\u007f]/.test(value)) {
    return stringify(value, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }).trimEnd();
  }
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
