/**
 * Reading one CSV return as people really send it: a UTF-8 BOM, CRLF line ends, trailing blank lines,
 * quoted cells, stray spaces in headers. A file that is not UTF-8 text or not CSV gives one finding.
 */
import { parse } from 'csv-parse/sync';
import type { ColumnDef } from '../returns/definitions.js';
import { columnLetter, type Finding } from '../validate/findings.js';

/** A data row: the raw cells keyed by column key, and its spreadsheet row number. */
export interface RawRow {
  row: number;
  cells: Record<string, string | undefined>;
}

/** Where each expected column was found (its 0-based index in the file). */
export interface CsvTable {
  rows: RawRow[];
  /** column key → 0-based index in the file's header */
  columnIndex: Map<string, number>;
  headers: string[];
}

/** Header words that mean a column holds personal data, which must never enter the tool. */
const PERSONAL_DATA_HEADER =
  /\b(first ?name|fore ?names?|surname|last ?name|family ?name|full ?name|child'?s? name|name|d\.?o\.?b\.?|date of birth|birth ?date|born|address|street|post ?code|postcode|nhs ?(no|number)|upn|ni ?number|national insurance|phone|telephone|e-?mail)\b/i;

/** True when a header looks like it holds names, dates of birth, addresses or other identifiers. */
export function looksLikePersonalData(header: string): boolean {
  return PERSONAL_DATA_HEADER.test(header);
}

function normHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Decode bytes as UTF-8, or return null if they are not UTF-8 text. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return null; // UTF-16
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Parse a CSV file's bytes against the expected columns. Findings cover the file as a whole and its
 * header; cell values are checked later by the row schema.
 */
export function readCsv(
  bytes: Uint8Array,
  file: string,
  columns: ColumnDef[],
): { table: CsvTable | null; findings: Finding[] } {
  const findings: Finding[] = [];
  const text = decodeUtf8(bytes);
  if (text === null) {
    findings.push({
      code: 'not-utf8',
      severity: 'error',
      file,
      message: 'The file is not UTF-8 text, so it cannot be read reliably.',
      hint: 'In Excel use "Save As" → "CSV UTF-8 (Comma delimited)". If it is a spreadsheet (.xlsx), save it as CSV first.',
    });
    return { table: null, findings };
  }
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    findings.push({
      code: 'empty-file',
      severity: 'error',
      file,
      message: 'The file is empty.',
      hint: 'It needs a header row and one row per record; use the blank template for this return.',
    });
    return { table: null, findings };
  }
  if (body.includes('\u0000')) {
    findings.push({
      code: 'not-csv',
      severity: 'error',
      file,
      message: 'The file holds binary data, not CSV text.',
      hint: 'Save the spreadsheet as CSV (comma-separated values) and send that file.',
    });
    return { table: null, findings };
  }

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    findings.push({
      code: 'not-csv',
      severity: 'error',
      file,
      row: typeof e.lines === 'number' ? e.lines : undefined,
      message: `The file could not be read as CSV${typeof e.lines === 'number' ? ` (problem near line ${e.lines})` : ''}: often an unmatched quote mark.`,
      hint: 'Open it in a spreadsheet and save it again as CSV, or check quote marks near that line.',
    });
    return { table: null, findings };
  }

  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord) {
    findings.push({ code: 'empty-file', severity: 'error', file, message: 'The file is empty.', hint: 'Use the blank template for this return.' });
    return { table: null, findings };
  }
  const headers = headerRecord.record.map((h) => h.replace(/^\uFEFF/, '').trim());
  const headerRow = headerRecord.info.lines;

  const expected = new Map(columns.map((c) => [normHeader(c.header), c]));
  const columnIndex = new Map<string, number>();
  headers.forEach((h, i) => {
    const col = expected.get(normHeader(h));
    if (col) {
      if (columnIndex.has(col.key)) {
        findings.push({
          code: 'duplicate-column',
          severity: 'error',
          file,
          row: headerRow,
          column: h,
          columnLetter: columnLetter(i),
          value: h,
          message: `The column "${h}" appears more than once.`,
          hint: 'Delete the extra column.',
        });
      } else {
        columnIndex.set(col.key, i);
      }
      return;
    }
    if (h === '') {
      // A blank header over an empty column is harmless (spreadsheets add them); over data it is reported per row.
      return;
    }
    if (looksLikePersonalData(h)) {
      findings.push({
        code: 'personal-data-column',
        severity: 'error',
        file,
        row: headerRow,
        column: h,
        columnLetter: columnLetter(i),
        value: h,
        message: `The column "${h}" looks like it holds personal data (names, dates of birth, addresses or identifiers). Personal data must not enter this tool.`,
        hint: 'Delete the column from the return and ask the agency to send pseudonymous references only.',
      });
      return;
    }
    findings.push({
      code: 'unexpected-column',
      severity: 'warning',
      file,
      row: headerRow,
      column: h,
      columnLetter: columnLetter(i),
      value: h,
      message: `The column "${h}" is not part of this return and will be ignored.`,
      hint: `Expected columns: ${columns.map((c) => c.header).join(', ')}.`,
    });
  });

  for (const col of columns) {
    if (!columnIndex.has(col.key) && col.required) {
      const near = headers.find((h) => normHeader(h).replace(/[^a-z]/g, '') === normHeader(col.header).replace(/[^a-z]/g, ''));
      findings.push({
        code: 'missing-column',
        severity: 'error',
        file,
        row: headerRow,
        column: col.header,
        message: `The required column "${col.header}" is missing.`,
        hint: near ? `A column "${near}" looks similar: rename it to "${col.header}".` : `Add a column headed "${col.header}": ${col.description}`,
      });
    }
  }

  const rows: RawRow[] = [];
  for (const rec of dataRecords) {
    const row = rec.info.lines;
    const cells: Record<string, string | undefined> = {};
    for (const [key, idx] of columnIndex) cells[key] = rec.record[idx];
    if (rec.record.length > headers.length && rec.record.slice(headers.length).some((c) => c.trim() !== '')) {
      findings.push({
        code: 'extra-cells',
        severity: 'error',
        file,
        row,
        columnLetter: columnLetter(headers.length),
        value: rec.record.slice(headers.length).join(','),
        message: `Row ${row} has more cells than the header has columns.`,
        hint: 'Check for an unquoted comma inside a cell, or a value typed past the last column.',
      });
    }
    rows.push({ row, cells });
  }
  return { table: { rows, columnIndex, headers }, findings };
}
