/**
 * Reading one CSV return as people really send it: a UTF-8 BOM, CRLF line ends, trailing blank lines,
 * quoted cells, stray spaces in headers. A file that is not UTF-8 text or not CSV gives one finding.
 */
import { isUtf8 } from 'node:buffer';
import { Parser } from 'csv-parse';
import { personalIdentifierIn } from '../disclosure/personal-data.js';
import type { ColumnDef } from '../returns/definitions.js';
import { columnLetter, type Finding } from '../validate/findings.js';

/** A data row: the raw cells keyed by column key, and its spreadsheet row number. */
export interface RawRow {
  row: number;
  cells: Record<string, string | undefined>;
}

/** A file's header: its cells, and where each expected column was found. */
export interface CsvHeader {
  /** column key → 0-based index in the file's header */
  columnIndex: Map<string, number>;
  headers: string[];
}

/** A whole file as raw rows (for tests and small files; the loader streams rows with scanCsv). */
export interface CsvTable extends CsvHeader {
  rows: RawRow[];
}

/** Receives each data row of a file as it is read: its cells, and its spreadsheet row number. */
export type RowSink = (record: string[], row: number) => void;

/** Header words that mean a column holds personal data, which must never enter the tool. */
const PERSONAL_DATA_HEADER =
  /\b(first ?name|fore ?names?|surname|last ?name|family ?name|full ?name|child'?s? name|name|d ?o ?b|date of birth|birth ?date|born|address|street|post ?code|postcode|nhs ?(no|num|number)?|upn|ni ?(no|number)|national insurance|phone|telephone|mobile|e ?mail)\b/i;

/** "Name" qualified by a word that makes it the name of a thing, not a person ("Agency name", "Course name"). */
const THING_NAME =
  /\b(agency|course|event|school|setting|team|service|provider|organi[sz]ation|partner|locality|area|ward|heading|file|indicator|measure|sub-?group|group|board|panel|project|programme|module) ?names?\b/gi;

/**
 * A header as words: `child_name`, `ChildName`, `Post-Code` and `D.O.B.` read as `child name`, `Child Name`,
 * `Post Code` and `D O B`, so the word tests below see what a person reads.
 */
function headerWords(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_\-.\/:#]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when a header looks like it holds names, dates of birth, addresses or other identifiers. */
export function looksLikePersonalData(header: string): boolean {
  return PERSONAL_DATA_HEADER.test(headerWords(header).replace(THING_NAME, ' '));
}

function normHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Decode bytes as UTF-8, or return null if they are not UTF-8 text. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return null; // UTF-16 with a byte-order mark
  }
  if (looksLikeUtf16WithoutBom(bytes)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 text without a byte-order mark: ASCII characters alternate with zero bytes. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  return (evenZeros > pairs * 0.6 && oddZeros === 0) || (oddZeros > pairs * 0.6 && evenZeros === 0);
}

/** Known binary formats people send instead of CSV, recognised by their first bytes. */
const BINARY_SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'an Excel workbook (.xlsx) or another zip file' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old-style Excel (.xls) or Word document' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
];

/** Name the binary format of a file from its first bytes, or null when it is not one we know. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const sig of BINARY_SIGNATURES) {
    if (sig.bytes.every((b, i) => bytes[i] === b)) return sig.what;
  }
  return null;
}

/** A file-level finding: the file as a whole cannot be read. */
function fileFinding(file: string, code: string, message: string, hint: string, row?: number): Finding {
  return { code, severity: 'error', file, ...(row === undefined ? {} : { row }), message, hint };
}

/** True when the bytes are UTF-8 text (not UTF-16, with or without its byte-order mark). */
function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return false;
  return !looksLikeUtf16WithoutBom(bytes) && isUtf8(bytes);
}

/** True when UTF-8 text holds nothing but white space (byte-order marks included), as `trim()` sees it. */
function isBlankText(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x20 || (b >= 0x09 && b <= 0x0d)) continue;
    if (b === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf) {
      i += 2;
      continue;
    }
    // Other white space is not ASCII: decide on the text itself (rare, so the cost does not matter).
    if (b >= 0x80) return new TextDecoder('utf-8').decode(bytes.subarray(i)).trim() === '';
    return false;
  }
  return true;
}

/**
 * The line endings that end a record: CRLF (Windows), LF and a bare CR (old Macintosh), in any mix. A file
 * whose header ends in CRLF may have rows appended with LF by another program, and the other way round; a
 * spreadsheet reads each as a new row, so this does too. A line break inside quotes stays in its cell.
 */
const RECORD_DELIMITERS = ['\r\n', '\n', '\r'];

/** Bytes handed to the CSV parser at a time: records are handled as they come, never all held at once. */
const CHUNK_BYTES = 1 << 16;

/**
 * Parse CSV bytes record by record, calling `onRecord` with each record and its 0-based index, and return
 * the parser's error, if any (the records before it have been passed on).
 */
function parseRecords(bytes: Uint8Array, onRecord: (record: string[], index: number) => void): { code?: string; records?: number } | null {
  const parser = new Parser({ bom: true, relax_column_count: true, relax_quotes: true, record_delimiter: RECORD_DELIMITERS });
  // The error is read from `parser.errored` below; the event itself only needs a listener.
  parser.on('error', () => {});
  let index = 0;
  const drain = () => {
    let record: string[] | null;
    while ((record = parser.read() as string[] | null) !== null) onRecord(record, index++);
    return parser.errored as { code?: string; records?: number } | null;
  };
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    parser.write(bytes.subarray(at, at + CHUNK_BYTES));
    const error = drain();
    if (error) return error;
  }
  parser.end();
  return drain();
}

/**
 * Read a CSV file's bytes against the expected columns, in one pass. Findings cover the file as a whole,
 * its header, and cells past the header; cell values are left to the caller. Once the header is known,
 * `onHeader` gives the sink that receives each data row (blank rows are skipped). When the file turns out
 * not to be CSV further down (a quote never closed), the header returned is null, the only finding says
 * so, and the caller drops whatever its sink received.
 *
 * Row numbers are spreadsheet rows: the n-th record of the file (blank lines included, as a spreadsheet
 * shows them) is row n, even when a quoted cell spans several lines of the file.
 */
export function scanCsv(
  bytes: Uint8Array,
  file: string,
  columns: ColumnDef[],
  onHeader: (header: CsvHeader) => RowSink,
): { header: CsvHeader | null; findings: Finding[] } {
  const binary = binaryKind(bytes);
  if (binary) {
    return {
      header: null,
      findings: [fileFinding(file, 'not-csv', `The file is ${binary}, not a CSV file.`, 'Open it in the program that made it and save (or export) it as "CSV UTF-8 (Comma delimited)".')],
    };
  }
  if (!isUtf8Text(bytes)) {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksLikeUtf16WithoutBom(bytes);
    return {
      header: null,
      findings: [
        fileFinding(
          file,
          'not-utf8',
          utf16
            ? 'The file is saved as UTF-16 ("Unicode text"), not UTF-8, so it cannot be read reliably.'
            : 'The file is not UTF-8 text (it may have been saved in an older Windows encoding), so it cannot be read reliably.',
          'In Excel use "Save As" → "CSV UTF-8 (Comma delimited)". If it is a spreadsheet (.xlsx), save it as CSV first.',
        ),
      ],
    };
  }
  if (isBlankText(bytes)) {
    return { header: null, findings: [fileFinding(file, 'empty-file', 'The file is empty.', 'It needs a header row and one row per record; use the blank template for this return.')] };
  }
  if (bytes.indexOf(0) !== -1) {
    return { header: null, findings: [fileFinding(file, 'not-csv', 'The file holds binary data, not CSV text.', 'Save the spreadsheet as CSV (comma-separated values) and send that file.')] };
  }

  const findings: Finding[] = [];
  let header: CsvHeader | null = null;
  let sink: RowSink | null = null;
  /** A file-level finding that stops reading (columns separated by something other than commas). */
  let refusal: Finding | null = null;
  let headersLength = 0;
  let unnamedColumns: number[] = [];
  /** Per column with no header: the first row with data, or the first whose cell looks like personal data. */
  const unnamedSeen = new Map<number, { row: number; kind: string | null }>();

  const onRecord = (record: string[], index: number) => {
    if (refusal || blank(record)) return;
    const row = index + 1;
    if (!sink) {
      const read = readHeader(record, row, file, columns, findings);
      if ('refusal' in read) {
        refusal = read.refusal;
        return;
      }
      header = read.header;
      headersLength = header.headers.length;
      unnamedColumns = read.unnamedColumns;
      sink = onHeader(header);
      return;
    }
    if (record.length > headersLength && hasDataFrom(record, headersLength)) {
      findings.push({
        code: 'extra-cells',
        severity: 'error',
        file,
        row,
        columnLetter: columnLetter(headersLength),
        // Cells past the header are unknown data (possibly names or addresses): say where, never repeat them.
        value: '(withheld)',
        message: `Row ${row} has more cells than the header has columns (from column ${columnLetter(headersLength)}).`,
        hint: 'Check for an unquoted comma inside a cell, or a value typed past the last column.',
      });
    }
    for (const idx of unnamedColumns) {
      const value = (record[idx] ?? '').trim();
      if (value === '') continue;
      const seen = unnamedSeen.get(idx);
      // A column with no header is unknown: its cells may be names or addresses, so they are never repeated.
      const kind = seen?.kind ? null : personalIdentifierIn(value);
      if (!seen) unnamedSeen.set(idx, { row, kind });
      else if (kind) unnamedSeen.set(idx, { row, kind });
    }
    sink(record, row);
  };

  const error = parseRecords(bytes, onRecord);
  if (error) {
    // The record being read when the parser gave up starts on the row after the last complete one.
    const row = typeof error.records === 'number' ? error.records + 1 : undefined;
    const unclosed = error.code === 'CSV_QUOTE_NOT_CLOSED';
    return {
      header: null,
      findings: [
        fileFinding(
          file,
          'not-csv',
          unclosed
            ? `The file could not be read as CSV: a quote mark opened in row ${row ?? '?'} is never closed, so the rest of the file would run into one cell.`
            : `The file could not be read as CSV${row ? ` (problem in row ${row})` : ''}.`,
          'Check the quote marks in that row (a cell that starts with " must end with "), or open the file in a spreadsheet and save it again as CSV.',
          row,
        ),
      ],
    };
  }
  if (refusal) return { header: null, findings: [refusal] };
  if (!header) return { header: null, findings: [fileFinding(file, 'empty-file', 'The file is empty.', 'Use the blank template for this return.')] };

  for (const [idx, { row, kind }] of unnamedSeen) {
    findings.push(
      kind
        ? {
            code: 'personal-data-value',
            severity: 'error',
            file,
            row,
            columnLetter: columnLetter(idx),
            value: '(withheld)',
            message: `Column ${columnLetter(idx)} has no header and its cell in row ${row} looks like it holds ${kind}. Personal data must not enter this tool.`,
            hint: 'Delete the column from the return.',
          }
        : {
            code: 'unexpected-column',
            severity: 'warning',
            file,
            row,
            columnLetter: columnLetter(idx),
            value: '(withheld)',
            message: `Column ${columnLetter(idx)} holds data but has no header, so it will be ignored (first seen in row ${row}; its cells are not repeated here).`,
            hint: `Delete the column, or give it one of the expected headers: ${columns.map((c) => c.header).join(', ')}.`,
          },
    );
  }
  return { header, findings };
}

/** A record whose cells are all blank (a spreadsheet's empty row, or one holding only spaces). */
function blank(record: readonly string[]): boolean {
  for (let i = 0; i < record.length; i++) if (record[i]!.trim() !== '') return false;
  return true;
}

/** True when any cell from `from` on holds something. */
function hasDataFrom(record: readonly string[], from: number): boolean {
  for (let i = from; i < record.length; i++) if (record[i]!.trim() !== '') return true;
  return false;
}

/**
 * Read the header record: where each expected column is, with findings for duplicate, unexpected,
 * personal-data and missing columns; or a refusal when the columns are separated by something else.
 */
function readHeader(
  headerRecord: string[],
  headerRow: number,
  file: string,
  columns: ColumnDef[],
  findings: Finding[],
): { header: CsvHeader; unnamedColumns: number[] } | { refusal: Finding } {
  const headers = headerRecord.map((h) => h.replace(/^\uFEFF/, '').trim());
  const expected = new Map(columns.map((c) => [normHeader(c.header), c]));
  const knownHits = headers.filter((h) => expected.has(normHeader(h))).length;
  if (headers.length === 1 && knownHits === 0) {
    const delimiter = ([['\t', 'tabs'], [';', 'semicolons'], ['|', 'vertical bars']] as const).find(
      ([d]) => headers[0]!.split(d).filter((h) => expected.has(normHeader(h))).length >= 1,
    );
    if (delimiter) {
      return {
        refusal: fileFinding(file, 'not-csv', `The file separates its columns with ${delimiter[1]}, not commas.`, 'Save it from the spreadsheet as "CSV UTF-8 (Comma delimited)".', headerRow),
      };
    }
  }

  const columnIndex = new Map<string, number>();
  const unnamedColumns: number[] = [];
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
      // A blank header over an empty column is harmless (spreadsheets add them); over data it is reported below.
      unnamedColumns.push(i);
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
  return { header: { columnIndex, headers }, unnamedColumns };
}

/** Read a whole CSV file into raw rows keyed by column (the loader streams typed rows with scanCsv instead). */
export function readCsv(bytes: Uint8Array, file: string, columns: ColumnDef[]): { table: CsvTable | null; findings: Finding[] } {
  const rows: RawRow[] = [];
  const { header, findings } = scanCsv(bytes, file, columns, ({ columnIndex }) => (record, row) => {
    const cells: Record<string, string | undefined> = {};
    for (const [key, idx] of columnIndex) cells[key] = record[idx];
    rows.push({ row, cells });
  });
  return { table: header ? { ...header, rows } : null, findings };
}
