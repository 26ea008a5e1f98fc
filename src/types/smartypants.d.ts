/** Types for the `smartypants` package (it ships none): straight quotes, `--`, `---` and `...` to typographic ones. */
declare module 'smartypants' {
  /** Typographic punctuation as Unicode characters; `attr` 2 makes `--` an en dash and `---` an em dash. */
  export function smartypantsu(text: string, attr?: number | string): string;
}
