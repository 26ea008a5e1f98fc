/** Reading a CSV return as people really send it, with row numbers as a spreadsheet shows them. */
import { describe, expect, it } from 'vitest';
import { binaryKind, decodeUtf8, looksLikePersonalData, readCsv } from '../../src/load/read-csv.js';
import { returnDef } from '../../src/returns/definitions.js';

const ELEARNING = returnDef('elearning').columns;
const CONTEXT = returnDef('context').columns;
const FILE = '2012-13/elearning-completions.csv';

const read = (text: string | Uint8Array, columns = ELEARNING) =>
  readCsv(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, FILE, columns);

/** Findings as a table of code, row, column, letter. */
const table = (findings: { code: string; row?: number; column?: string; columnLetter?: string }[]) =>
  findings.map((f) => [f.code, f.row ?? null, f.column ?? null, f.columnLetter ?? null]);

describe('readCsv: files as people send them', () => {
  it('reads a BOM, CRLF, quoted cells, stray header spaces and trailing blank lines', () => {
    const { table: t, findings } = read('\uFEFF"  course ", COMPLETIONS \r\n"A, B",94\r\n"C ""quoted""",5\r\n\r\n\r\n');
    expect(findings).toEqual([]);
    expect(t?.rows).toEqual([
      { row: 2, cells: { course: 'A, B', completions: '94' } },
      { row: 3, cells: { course: 'C "quoted"', completions: '5' } },
    ]);
    expect(t?.headers).toEqual(['course', 'COMPLETIONS']);
  });

  it('accepts columns in any order', () => {
    const { table: t, findings } = read('Completions,Course\n3,X\n');
    expect(findings).toEqual([]);
    expect(t?.rows[0]?.cells).toEqual({ course: 'X', completions: '3' });
    expect(t?.columnIndex.get('course')).toBe(1);
  });

  it('numbers rows as a spreadsheet does: blank lines count, a quoted line break does not', () => {
    const { table: t } = read('Course,Completions\n"Two\nlines",1\n\nThird,3\n');
    expect(t?.rows.map((r) => [r.row, r.cells.course])).toEqual([
      [2, 'Two\nlines'],
      [4, 'Third'],
    ]);
  });

  it('skips rows whose cells are all blank, even when they hold spaces', () => {
    const { table: t } = read('Course,Completions\n , \nA,1\n,,\n');
    expect(t?.rows.map((r) => r.row)).toEqual([3]);
  });

  it('accepts a stray quote inside an unquoted cell', () => {
    const { table: t, findings } = read('Course,Completions\nThe 12" course,1\n');
    expect(findings).toEqual([]);
    expect(t?.rows[0]?.cells.course).toBe('The 12" course');
  });
});

describe('readCsv: mixed line endings', () => {
  it('reads rows appended with LF to a file whose header ends in CRLF', () => {
    const { table: t, findings } = read('Course,Completions\r\nA,1\r\nB,2\nC,3\n\nD,4\n');
    expect(findings).toEqual([]);
    expect(t?.rows.map((r) => [r.row, r.cells.course, r.cells.completions])).toEqual([
      [2, 'A', '1'],
      [3, 'B', '2'],
      [4, 'C', '3'],
      [6, 'D', '4'],
    ]);
  });

  it('reads rows appended with CRLF to a file whose header ends in LF, with no stray carriage return in a cell', () => {
    const { table: t, findings } = read('Course,Completions\nA,1\r\n"B, quoted",2\r\n');
    expect(findings).toEqual([]);
    expect(t?.rows.map((r) => [r.row, r.cells.course, r.cells.completions])).toEqual([
      [2, 'A', '1'],
      [3, 'B, quoted', '2'],
    ]);
  });

  it('never blames mixed line endings on an unquoted comma', () => {
    const { findings } = read('Measure,Value,Period end,Source\r\nlooked_after_children,339,2013-03-31,SSDA903\nreferrals_per_10k,500,2013-03-31,CIN census\n', CONTEXT);
    expect(findings).toEqual([]);
  });

  it('reads a row ending in a bare CR among LF rows as a row of its own', () => {
    const { table: t, findings } = read('Course,Completions\nA,1\rB,2\r\nC,3\n');
    expect(findings).toEqual([]);
    expect(t?.rows.map((r) => [r.row, r.cells.course, r.cells.completions])).toEqual([
      [2, 'A', '1'],
      [3, 'B', '2'],
      [4, 'C', '3'],
    ]);
  });

  it('still reads a file whose lines end in a bare CR (old Macintosh), and a quoted line break stays in its cell', () => {
    const { table: t, findings } = read('Course,Completions\r"Two\nlines",1\rB,2\r');
    expect(findings).toEqual([]);
    expect(t?.rows.map((r) => [r.row, r.cells.course])).toEqual([
      [2, 'Two\nlines'],
      [3, 'B'],
    ]);
  });
});

describe('readCsv: one clear finding for a file that cannot be read', () => {
  it.each([
    ['an empty file', '', 'empty-file', null],
    ['only blank lines', '\uFEFF\r\n  \r\n', 'empty-file', null],
    ['a quote never closed (row of the opening quote)', 'Course,Completions\nA,1\n"B,2\nC,3\n', 'not-csv', 3],
    ['semicolons', 'Course;Completions\nA;1\n', 'not-csv', 1],
    ['tabs', 'Course\tCompletions\nA\t1\n', 'not-csv', 1],
    ['NUL bytes', 'Course,Completions\nA\u0000,1\n', 'not-csv', null],
  ])('%s', (_what, text, code, row) => {
    const { table: t, findings } = read(text);
    expect(t).toBeNull();
    expect(table(findings)).toEqual([[code, row, null, null]]);
  });

  it('UTF-16 with or without a BOM', () => {
    const body = Buffer.from('Course,Completions\nA,1\n', 'utf16le');
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), body]), body, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(body).swap16()])]) {
      const { findings } = read(bytes);
      expect(table(findings)).toEqual([['not-utf8', null, null, null]]);
      expect(findings[0]?.message).toMatch(/UTF-16/);
    }
  });

  it('Windows-1252 text', () => {
    const { findings } = read(Buffer.from('Course,Completions\nCaf\u00e9 course,1\n', 'latin1'));
    expect(table(findings)).toEqual([['not-utf8', null, null, null]]);
    expect(findings[0]?.message).not.toMatch(/UTF-16/);
  });

  it.each([
    [[0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], /Excel workbook/],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1], /old-style Excel/],
    [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], /PDF/],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], /PNG/],
  ])('binary file %#', (bytes, what) => {
    const { findings } = read(Uint8Array.from(bytes));
    expect(table(findings)).toEqual([['not-csv', null, null, null]]);
    expect(findings[0]?.message).toMatch(what);
  });
});

describe('readCsv: headers', () => {
  it('reports a missing required column once, on the header row, suggesting a near header', () => {
    const { findings } = read('Course,Completion s\nA,1\n');
    expect(table(findings.filter((f) => f.code === 'missing-column'))).toEqual([['missing-column', 1, 'Completions', null]]);
    expect(findings.find((f) => f.column === 'Completions')?.hint).toContain('"Completion s" looks similar');
  });

  it('reports duplicate, unexpected and personal-data columns with their letters', () => {
    const { findings } = read('Course,Completions,Notes,Course,Email\nA,1,x,A,a@b.c\n');
    expect(table(findings)).toEqual([
      ['unexpected-column', 1, 'Notes', 'C'],
      ['duplicate-column', 1, 'Course', 'D'],
      ['personal-data-column', 1, 'Email', 'E'],
    ]);
  });

  it('ignores an empty header over an empty column, and warns once about data under one', () => {
    expect(read('Course,Completions,,\nA,1,,\n').findings).toEqual([]);
    const { findings } = read('Course,Completions,\nA,1,\nB,2,oops\nC,3,again\n');
    expect(table(findings)).toEqual([['unexpected-column', 3, null, 'C']]);
  });

  it('reports cells beyond the last header, at the first extra cell', () => {
    const { findings } = read('Measure,Value,Period end,Source\nlooked_after_children,339,2013-03-31,SSDA903,provisional\n', CONTEXT);
    expect(table(findings)).toEqual([['extra-cells', 2, null, 'E']]);
  });
});

describe('looksLikePersonalData', () => {
  it.each(['Name', 'Child name', "Child's name", 'First name', 'Surname', 'Full Name', 'DOB', 'D.O.B.', 'Date of birth', 'Birth date', 'Address', 'Home address', 'Postcode', 'Post code', 'NHS number', 'NHS no', 'UPN', 'Email', 'E-mail', 'Telephone', 'NI number', 'child_name', 'ChildName', 'date_of_birth', 'DateOfBirth', 'home_address', 'Post_Code', 'nhs_no', 'NHSNumber', 'CHILD_NAME', 'e_mail', 'Mobile'])(
    '%s is personal data',
    (header) => expect(looksLikePersonalData(header)).toBe(true),
  );

  it.each(['Agency name', 'Course name', 'School name', 'Event name', 'Team name', 'Locality', 'Age band', 'Plan ref', 'Child ref', 'Notes', 'Date notified', 'agency_name', 'CourseName', 'Date_notified', 'Plan_ref'])(
    '%s is not',
    (header) => expect(looksLikePersonalData(header)).toBe(false),
  );

  it('still catches a personal name next to a thing name', () => {
    expect(looksLikePersonalData('Agency name and contact name')).toBe(true);
  });
});

describe('decodeUtf8 and binaryKind', () => {
  it('decodes UTF-8 and refuses other encodings', () => {
    expect(decodeUtf8(Buffer.from('£5', 'utf8'))).toBe('£5');
    expect(decodeUtf8(Buffer.from('£5', 'latin1'))).toBeNull();
    expect(decodeUtf8(Buffer.from('ab', 'utf16le'))).toBeNull();
  });

  it('names known binary formats only', () => {
    expect(binaryKind(Buffer.from('Course,Completions'))).toBeNull();
    expect(binaryKind(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toMatch(/JPEG/);
  });
});
