/**
 * Stream-writing CSV: rows are buffered into chunks of about 1 MB and written with back-pressure, so a
 * 100-times board never holds a whole file in memory.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const CHUNK = 1 << 20;

/** Quote a cell when it holds a comma, a quote or a line break. */
export function csvCell(value) {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV file being written: `await row([...])` then `await close()`. */
export class CsvWriter {
  constructor(file, headers) {
    this.file = file;
    this.stream = createWriteStream(file);
    this.parts = [];
    this.size = 0;
    this.rows = 0;
    this.bytes = 0;
    this.stream.on('error', (e) => {
      this.error = e;
    });
    this.push(headers.map(csvCell).join(',') + '\n');
  }

  push(line) {
    this.parts.push(line);
    this.size += line.length;
  }

  /** Add one data row; resolves at once unless a chunk had to wait for the disk. */
  async row(cells) {
    let line = '';
    for (let i = 0; i < cells.length; i++) line += (i ? ',' : '') + csvCell(cells[i]);
    this.push(line + '\n');
    this.rows++;
    if (this.size >= CHUNK) await this.flush();
  }

  async flush() {
    if (this.error) throw this.error;
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.bytes += Buffer.byteLength(chunk);
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Write what is left and close the file. */
  async close() {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.error) throw this.error;
  }
}
