/**
 * A board data folder held in memory, so each corpus case can start from the valid base board, change one
 * thing, and write the result to a temporary folder.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Quote a CSV cell when it needs it. */
function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The files of a board folder, keyed by path relative to the folder (always with `/`). */
export class BoardFiles {
  private readonly folders = new Set<string>();

  private constructor(private readonly files: Map<string, Buffer>) {}

  /** Read every file under `dir`. */
  static fromDir(dir: string): BoardFiles {
    const files = new Map<string, Buffer>();
    const walk = (rel: string) => {
      for (const name of readdirSync(path.join(dir, rel))) {
        const relPath = rel ? `${rel}/${name}` : name;
        if (statSync(path.join(dir, relPath)).isDirectory()) walk(relPath);
        else files.set(relPath, readFileSync(path.join(dir, relPath)));
      }
    };
    walk('');
    return new BoardFiles(files);
  }

  /** The paths held, sorted. */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  /** A file's text (UTF-8). */
  text(file: string): string {
    const bytes = this.files.get(file);
    if (!bytes) throw new Error(`corpus: no file ${file} in the base board`);
    return bytes.toString('utf8');
  }

  /** Replace or create a file with text. */
  setText(file: string, text: string): this {
    this.files.set(file, Buffer.from(text, 'utf8'));
    return this;
  }

  /** Replace or create a file with raw bytes. */
  setBytes(file: string, bytes: Uint8Array): this {
    this.files.set(file, Buffer.from(bytes));
    return this;
  }

  /** Create an (empty) folder, e.g. where a file is expected. */
  folder(rel: string): this {
    this.folders.add(rel);
    return this;
  }

  /** Delete a file. */
  remove(file: string): this {
    if (!this.files.delete(file)) throw new Error(`corpus: no file ${file} to remove`);
    return this;
  }

  /** Edit a file's text. */
  edit(file: string, fn: (text: string) => string): this {
    return this.setText(file, fn(this.text(file)));
  }

  /** The lines of a simple CSV file (the base board's files hold no quoted line breaks). */
  private lines(file: string): string[] {
    return this.text(file).replace(/\n$/, '').split('\n');
  }

  private setLines(file: string, lines: string[]): this {
    return this.setText(file, `${lines.join('\n')}\n`);
  }

  /** Set the cell in spreadsheet row `row` (header = 1) under `header`; `raw` writes it unquoted. */
  setCell(file: string, row: number, header: string, value: string, options: { raw?: boolean } = {}): this {
    const lines = this.lines(file);
    const headers = lines[0]!.split(',');
    const col = headers.indexOf(header);
    if (col < 0) throw new Error(`corpus: ${file} has no column ${header}`);
    const line = lines[row - 1];
    if (line === undefined) throw new Error(`corpus: ${file} has no row ${row}`);
    const cells = line.split(',');
    cells[col] = options.raw ? value : quoteCell(value);
    lines[row - 1] = cells.join(',');
    return this.setLines(file, lines);
  }

  /** Append a row of cells. */
  addRow(file: string, cells: string[]): this {
    return this.setLines(file, [...this.lines(file), cells.map(quoteCell).join(',')]);
  }

  /** Append a copy of spreadsheet row `row`. */
  duplicateRow(file: string, row: number): this {
    const lines = this.lines(file);
    return this.setLines(file, [...lines, lines[row - 1]!]);
  }

  /** Insert a raw line so that it becomes spreadsheet row `row`. */
  insertLine(file: string, row: number, line: string): this {
    const lines = this.lines(file);
    lines.splice(row - 1, 0, line);
    return this.setLines(file, lines);
  }

  /** Add a column at the end with a header and one value per data row. */
  addColumn(file: string, header: string, value: (row: number) => string = () => ''): this {
    const lines = this.lines(file);
    return this.setLines(
      file,
      lines.map((l, i) => `${l},${quoteCell(i === 0 ? header : value(i + 1))}`),
    );
  }

  /** Remove a column by header. */
  dropColumn(file: string, header: string): this {
    const lines = this.lines(file);
    const col = lines[0]!.split(',').indexOf(header);
    if (col < 0) throw new Error(`corpus: ${file} has no column ${header}`);
    return this.setLines(
      file,
      lines.map((l) => l.split(',').filter((_, i) => i !== col).join(',')),
    );
  }

  /** Rename a header. */
  renameColumn(file: string, from: string, to: string): this {
    const lines = this.lines(file);
    const headers = lines[0]!.split(',');
    const col = headers.indexOf(from);
    if (col < 0) throw new Error(`corpus: ${file} has no column ${from}`);
    headers[col] = to;
    lines[0] = headers.join(',');
    return this.setLines(file, lines);
  }

  /** Write every file under `dir`. */
  writeTo(dir: string): void {
    for (const rel of this.folders) mkdirSync(path.join(dir, ...rel.split('/')), { recursive: true });
    for (const [rel, bytes] of this.files) {
      const abs = path.join(dir, ...rel.split('/'));
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, bytes);
    }
  }
}
