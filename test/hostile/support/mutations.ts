/**
 * fast-check arbitraries that break a valid board the ways returns really arrive broken, and some ways
 * only an attacker would: cells, headers, delimiters, encodings, quoting, sizes, and missing, extra or
 * malformed files. Each generates a `Mutation`: a list of file operations on the board folder, with a
 * short description that fast-check prints when a case fails (never megabytes of bytes).
 */
import fc from 'fast-check';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { COMPARATOR_COLUMNS, PUBLISHED_FIGURES_COLUMNS, RETURNS, type ColumnDef } from '../../../src/returns/definitions.js';
import type { BoardSnapshot, FileOp } from './board-sandbox.js';

/** A generated change to a board: what it does in words, and the file operations that do it. */
export interface Mutation {
  kind: string;
  description: string;
  ops: FileOp[];
}

const utf8 = new TextEncoder();
const decoder = new TextDecoder();

function mutation(kind: string, description: string, ops: FileOp[]): Mutation {
  const m: Mutation = { kind, description, ops };
  // fast-check prints counterexamples with this, so a failure shows the change, not every byte written.
  Object.defineProperty(m, fc.toStringMethod, { value: () => describeMutation(m), enumerable: false });
  return m;
}

/** A mutation in a line or two: its kind, description and operations (long contents abbreviated). */
export function describeMutation(m: Mutation): string {
  const ops = m.ops.map((op) => {
    if (op.op === 'write') {
      const text = decoder.decode(op.bytes.slice(0, 160));
      return `write ${op.file} (${op.bytes.length} bytes): ${JSON.stringify(text)}${op.bytes.length > 160 ? '…' : ''}`;
    }
    if (op.op === 'symlink') return `symlink ${op.file} -> ${op.target}`;
    if (op.op === 'dir') return `folder at ${op.file}${op.children ? ` holding ${Object.keys(op.children).join(', ')}` : ''}`;
    return `delete ${op.file}`;
  });
  return `[${m.kind}] ${m.description}: ${ops.join('; ')}`;
}

// ---------------------------------------------------------------------------------------------------------
// The base board as data.

/** A CSV file of the base board as a grid: row 0 is the header. The base files have no quoted cells. */
export interface BaseCsv {
  file: string;
  grid: string[][];
}

/** The base board's CSV files as grids, and its YAML and narrative files. */
export interface BaseBoard {
  snapshot: BoardSnapshot;
  csvs: BaseCsv[];
  /** Every cell value in the base (headers excluded): valid values of some column, for swapping. */
  cellValues: string[];
  headers: string[];
  yamlFiles: string[];
  narrativeFiles: string[];
  narrativeDir: string;
  yearDir: string;
}

/** Describe the base board held in a snapshot (its CSVs must be plain: no quotes). */
export function baseBoard(snapshot: BoardSnapshot, year: string): BaseBoard {
  const csvs: BaseCsv[] = [];
  for (const [file, bytes] of [...snapshot.files].sort(([a], [b]) => a.localeCompare(b))) {
    if (!file.endsWith('.csv')) continue;
    const text = decoder.decode(bytes);
    if (text.includes('"')) throw new Error(`base board file ${file} has quotes; keep the base CSVs plain`);
    const grid = text
      .replace(/\r\n/g, '\n')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.split(','));
    csvs.push({ file, grid });
  }
  const narrativeDir = `${year}/narrative`;
  return {
    snapshot,
    csvs,
    cellValues: [...new Set(csvs.flatMap((c) => c.grid.slice(1).flat()))],
    headers: [...new Set(csvs.flatMap((c) => c.grid[0]!))],
    yamlFiles: [...snapshot.files.keys()].filter((f) => f.endsWith('.yaml')).sort(),
    narrativeFiles: [...snapshot.files.keys()].filter((f) => f.startsWith(`${narrativeDir}/`)).sort(),
    narrativeDir,
    yearDir: year,
  };
}

/** Quote a cell as RFC 4180 does, when it needs it. */
export function quoteCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvText(grid: string[][], sep = ',', eol = '\n'): string {
  return grid.map((row) => row.join(sep)).join(eol) + eol;
}

function cloneGrid(grid: string[][]): string[][] {
  return grid.map((row) => [...row]);
}

const write = (file: string, content: string | Uint8Array): FileOp => ({
  op: 'write',
  file,
  bytes: typeof content === 'string' ? utf8.encode(content) : content,
});

// ---------------------------------------------------------------------------------------------------------
// Known bugs.

/**
 * Inputs that currently crash or stall the CLI, each reproduced by a failing test in known-bugs.test.ts.
 * Until they are fixed the generators steer round them, so the properties keep looking for new bugs
 * instead of tripping over the same one. HOSTILE_FULL=1 generates them anyway (to check a fix); once a
 * bug is fixed, drop its workaround here and the `.fails` from its test.
 */
export const KNOWN_BUG_WORKAROUNDS = {
  // All four bugs these switched around are fixed; the generators produce those inputs again.
  yamlToJsThrows: false,
  longRunsWithoutSpaces: false,
  manyNarrativeExpressions: false,
  deepBlockquotes: false,
};

/** `n` characters of `c`; with the workaround on, broken every 64 characters by a space. */
function longRun(c: string, n: number): string {
  const run = c.repeat(Math.ceil(n / c.length));
  if (!KNOWN_BUG_WORKAROUNDS.longRunsWithoutSpaces || c.trim() === '') return run;
  return run.replace(/(.{64})/gsu, '$1 ');
}

// ---------------------------------------------------------------------------------------------------------
// Hostile values.

/** Strings that name things in JavaScript and have bitten loaders that index objects by user text. */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];

/** Numbers as people and programs write them: signs, decimals, exponents, separators, other digits. */
export const numberLike: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc
    .tuple(
      fc.constantFrom('', '+', '-', '−', ' ', '--', '+-'),
      fc.nat({ max: 100000 }),
      fc.option(fc.nat({ max: 9999 })),
      fc.option(fc.tuple(fc.constantFrom('e', 'E', 'e+', 'e-'), fc.integer({ min: -400, max: 400 }))),
      fc.constantFrom('', ' ', '%', '.', '.0', 'k', ' people'),
    )
    .map(([sign, int, dec, exp, suffix]) => `${sign}${int}${dec === null ? '' : `.${dec}`}${exp === null ? '' : `${exp[0]}${exp[1]}`}${suffix}`),
  fc.constantFrom(
    '1,000', '£1,000.50', '£60000', '$5', '€5', '12%', '0x1F', '0b101', '0o17', '1_000', '1 000', '١٢', '１２', '½', '²',
    'Infinity', '-Infinity', 'NaN', '-0', '+0', '00012', '1.', '.5', '1e', 'e5', '1..2', '9007199254740993', '1e309',
    '-1e309', '5e-324', '1.7976931348623157e308', '0.1e1', '3,5', '(500)', '500-', '5 ', ' 5', '5\u00a0', '5\t',
  ),
);

/** Dates of every shape: valid and invalid calendar dates, other orders and separators, times, serials. */
export const dateLike: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: -1, max: 10000 }),
      fc.integer({ min: -1, max: 14 }),
      fc.integer({ min: -1, max: 33 }),
      fc.constantFrom('iso', 'iso-unpadded', 'uk', 'us', 'dots', 'compact', 'slash-iso', 'iso-time', 'iso-zone', 'yy'),
    )
    .map(([y, m, d, shape]) => {
      const p2 = (n: number) => String(n).padStart(2, '0');
      const p4 = (n: number) => String(n).padStart(4, '0');
      switch (shape) {
        case 'iso': return `${p4(y)}-${p2(m)}-${p2(d)}`;
        case 'iso-unpadded': return `${y}-${m}-${d}`;
        case 'uk': return `${p2(d)}/${p2(m)}/${p4(y)}`;
        case 'us': return `${m}/${d}/${y}`;
        case 'dots': return `${d}.${m}.${y}`;
        case 'compact': return `${p4(y)}${p2(m)}${p2(d)}`;
        case 'slash-iso': return `${p4(y)}/${p2(m)}/${p2(d)}`;
        case 'iso-time': return `${p4(y)}-${p2(m)}-${p2(d)}T${p2(d % 25)}:00:00`;
        case 'iso-zone': return `${p4(y)}-${p2(m)}-${p2(d)}T00:00:00${d % 2 ? 'Z' : '+14:00'}`;
        default: return `${p2(d)}/${p2(m)}/${p2(y % 100)}`;
      }
    }),
  fc.date({ min: new Date('2011-01-01'), max: new Date('2014-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(
    '2013-02-29', '2012-02-29', '2012-02-30', '0000-00-00', '2012-04-01T00:00:00Z', '2012-04-01 12:00', '41000', '41000.5',
    'April 2012', '1 Apr 2012', 'Apr-12', '2012/04/01', '2012-4-1', '+002012-04-01', '-002012-04-01', '2012-W14', '2012-092',
    '31/03/2013', '2013-03-31T24:00', '2013-03-31T23:59:60Z', '9999-12-31', '275760-09-13', '2012-04-01\u200b', ' 2012-04-01 ',
    '２０１２-０４-０１', 'yesterday', 'TBC', 'n/a', '01/01/1900', '1899-12-30',
  ),
);

/** Text: any unicode, any code unit (lone surrogates included), and strings known to trouble parsers. */
export const textLike: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(',', '"', '\n', '\r', ';', '\t', ' ', 'a', '{', '}', '\\', '\u0000'), maxLength: 12 }),
  fc.constantFrom(
    '', ' ', '\t', ...PROTOTYPE_NAMES, '=1+1', '=HYPERLINK("http://x")', '@SUM(A1)', '+1', '-1+1', '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>', '{{value "lado.referrals"}}', '{{#each this}}{{/each}}', '{{constructor.constructor "x"}}',
    '"', '""', "'", '\\', 'null', 'undefined', 'true', 'false', '[object Object]', 'N/A', '-', 'x', 'X', 'yes', 'YES', ' yes ',
    'Y', 'No', '\u200b', '\u00a0', '\ufeff', 'é', 'e\u0301', '🙂', '👨‍👩‍👧', '\u202e', '\r', '\n', '\r\n', '\u2028', '\u0085',
    'C-001', 'CP-001', 'T-001', 'L-001', 'D-001', 'total', 'Total', 'TOTAL', '%s%s%s', '${process.exit()}', '../../etc/passwd',
  ),
);

/** Long strings (1000 to 20 000 characters; the size mutations and large-input tests go much bigger). */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1000, max: 20_000 }), fc.constantFrom('x', '9', 'é', '🙂', ',', '"', ' ', '\n', '{{', '@'))
  .map(([n, c]) => longRun(c, n));

/** Any hostile cell value, weighted towards the short ones. */
export function hostileCell(base: BaseBoard): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: numberLike },
    { weight: 3, arbitrary: dateLike },
    { weight: 4, arbitrary: textLike },
    { weight: 2, arbitrary: fc.constantFrom(...base.cellValues) },
    { weight: 1, arbitrary: fc.constantFrom(...base.headers) },
    { weight: 1, arbitrary: hugeString },
  );
}

/** Header names that look like personal data, which the loader must refuse, not choke on. */
const PERSONAL_DATA_HEADERS = [
  'Name', 'Child name', "Child's name", 'Surname', 'First name', 'Forename', 'DOB', 'D.O.B.', 'Date of birth', 'Address',
  'Postcode', 'Post code', 'NHS number', 'NHS No', 'UPN', 'NI number', 'E-mail', 'Email', 'Phone', 'Telephone', 'Full name',
];

// ---------------------------------------------------------------------------------------------------------
// Mutations.

/** Cells: one to four cells of one CSV replaced by hostile values, raw or properly quoted. */
export function cellMutation(base: BaseBoard): fc.Arbitrary<Mutation> {
  const edit = fc.record({ row: fc.nat(), col: fc.nat(), value: hostileCell(base), raw: fc.boolean() });
  return fc
    .record({ csv: fc.constantFrom(...base.csvs), edits: fc.array(edit, { minLength: 1, maxLength: 4 }), crlf: fc.boolean() })
    .map(({ csv, edits, crlf }) => {
      const grid = cloneGrid(csv.grid);
      const notes: string[] = [];
      for (const e of edits) {
        const dataRows = grid.length - 1;
        const r = dataRows > 0 ? 1 + (e.row % dataRows) : 0;
        const c = e.col % grid[r]!.length;
        grid[r]![c] = e.raw ? e.value : quoteCell(e.value);
        notes.push(`row ${r + 1} col ${c + 1} = ${JSON.stringify(e.value.slice(0, 60))}${e.value.length > 60 ? `… (${e.value.length} chars)` : ''}${e.raw ? ' raw' : ''}`);
      }
      return mutation('cell', `${csv.file}: ${notes.join(', ')}`, [write(csv.file, csvText(grid, ',', crlf ? '\r\n' : '\n'))]);
    });
}

type GridChange = (grid: string[][]) => string;

/** Headers: renamed, deleted, duplicated, reordered, respaced, recased, BOM'd, missing, or personal data. */
export function headerMutation(base: BaseBoard): fc.Arbitrary<Mutation> {
  const headerName = fc.oneof(
    fc.constantFrom(...PERSONAL_DATA_HEADERS),
    fc.constantFrom(...base.headers),
    fc.constantFrom(...PROTOTYPE_NAMES),
    textLike,
  );
  const changes: fc.Arbitrary<{ what: string; change: GridChange }>[] = [
    fc.tuple(fc.nat(), headerName).map(([i, name]) => ({
      what: `rename a column to ${JSON.stringify(name)}`,
      change: (g) => {
        g[0]![i % g[0]!.length] = quoteCell(name);
        return csvText(g);
      },
    })),
    fc.tuple(fc.nat(), fc.boolean()).map(([i, alsoData]) => ({
      what: `delete a column${alsoData ? ' with its data' : ' header only'}`,
      change: (g) => {
        const c = i % g[0]!.length;
        (alsoData ? g : [g[0]!]).forEach((row) => row.splice(c, 1));
        return csvText(g);
      },
    })),
    fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([i, at, sameData]) => ({
      what: `duplicate a column${sameData ? '' : ' with different data'}`,
      change: (g) => {
        const c = i % g[0]!.length;
        const to = at % (g[0]!.length + 1);
        g.forEach((row, r) => row.splice(to, 0, r === 0 || sameData ? (row[c] ?? '') : `${row[c] ?? ''}9`));
        return csvText(g);
      },
    })),
    fc.tuple(fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), fc.boolean()).map(([keys, headerOnly]) => ({
      what: `reorder the columns${headerOnly ? ' (header only)' : ''}`,
      change: (g) => {
        const order = g[0]!.map((_, i) => i).sort((a, b) => keys[a % 40]! - keys[b % 40]! || a - b);
        return csvText(g.map((row, r) => (headerOnly && r > 0 ? row : order.map((i) => row[i] ?? ''))));
      },
    })),
    fc.tuple(fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u200b', '\ufeff', '\u3000'), fc.constantFrom('before', 'after', 'inside', 'all')).map(([space, where]) => ({
      what: `put ${JSON.stringify(space)} ${where} the headers`,
      change: (g) => {
        g[0] = g[0]!.map((h) => quoteCell(where === 'before' ? space + h : where === 'after' ? h + space : where === 'inside' ? h.replace(' ', space + space) : space + h.split('').join(space) + space));
        return csvText(g);
      },
    })),
    fc.constantFrom('upper', 'lower', 'swap', 'title').map((kind) => ({
      what: `${kind}-case the headers`,
      change: (g) => {
        const recase = (h: string) =>
          kind === 'upper' ? h.toUpperCase() : kind === 'lower' ? h.toLowerCase() : kind === 'title' ? h.replace(/\b\w/g, (c) => c.toUpperCase()) : [...h].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
        g[0] = g[0]!.map(recase);
        return csvText(g);
      },
    })),
    fc.constantFrom('bom', 'double-bom', 'bom-second-header', 'bom-data-row').map((kind) => ({
      what: `byte-order mark: ${kind}`,
      change: (g) => {
        if (kind === 'bom') return `\ufeff${csvText(g)}`;
        if (kind === 'double-bom') return `\ufeff\ufeff${csvText(g)}`;
        if (kind === 'bom-second-header') g[0]![1 % g[0]!.length] = `\ufeff${g[0]![1 % g[0]!.length]}`;
        else if (g[1]) g[1][0] = `\ufeff${g[1][0]}`;
        return csvText(g);
      },
    })),
    fc.tuple(fc.nat(), headerName, hostileCell(base)).map(([at, name, value]) => ({
      what: `add a column ${JSON.stringify(name)} holding ${JSON.stringify(value.slice(0, 40))}`,
      change: (g) => {
        const to = at % (g[0]!.length + 1);
        g.forEach((row, r) => row.splice(to, 0, quoteCell(r === 0 ? name : value)));
        return csvText(g);
      },
    })),
    fc.tuple(fc.nat({ max: 5 }), fc.constantFrom('no-header', 'header-twice', 'blank-rows-first', 'blank-header-with-data', 'header-last')).map(([n, kind]) => ({
      what: `header row: ${kind}`,
      change: (g) => {
        if (kind === 'no-header') return csvText(g.slice(1));
        if (kind === 'header-twice') return csvText([g[0]!, ...g]);
        if (kind === 'blank-rows-first') return '\n'.repeat(n + 1) + ','.repeat(n) + '\n' + csvText(g);
        if (kind === 'header-last') return csvText([...g.slice(1), g[0]!]);
        g.forEach((row, r) => row.push(r === 0 ? '' : 'stray'));
        return csvText(g);
      },
    })),
  ];
  return fc.record({ csv: fc.constantFrom(...base.csvs), change: fc.oneof(...changes) }).map(({ csv, change }) =>
    mutation('header', `${csv.file}: ${change.what}`, [write(csv.file, change.change(cloneGrid(csv.grid)))]),
  );
}

/** Delimiters and quoting: semicolons, tabs and bars; unbalanced, stray and embedded quotes; embedded line ends. */
export function delimiterQuotingMutation(base: BaseBoard): fc.Arbitrary<Mutation> {
  const changes: fc.Arbitrary<{ what: string; change: GridChange }>[] = [
    fc.tuple(fc.constantFrom(';', '\t', '|', ', ', ' ,', ',,'), fc.constantFrom('all', 'header', 'data', 'one-row')).map(([sep, scope]) => ({
      what: `separate ${scope} with ${JSON.stringify(sep)}`,
      change: (g) =>
        g
          .map((row, r) => row.join(scope === 'all' || (scope === 'header' && r === 0) || (scope === 'data' && r > 0) || (scope === 'one-row' && r === 1) ? sep : ','))
          .join('\n') + '\n',
    })),
    fc.tuple(fc.nat(), fc.constantFrom('"', '""', '"""', "'", '\u201c', '\u201d', '\\"')).map(([pos, quote]) => ({
      what: `insert ${JSON.stringify(quote)} at a random place`,
      change: (g) => {
        const text = csvText(g);
        const at = pos % (text.length + 1);
        return text.slice(0, at) + quote + text.slice(at);
      },
    })),
    fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('a"b', '"a"b', 'a""b', '"a""b"', '"abc', 'abc"', '"a" ', ' "a"', '"a"b"c"', '"', '"\n', '"a\nb"', '"a\r\nb"', '"a\rb"', '"\n\n\n"', '"a,b"', '"a\n', '"' + 'x'.repeat(5000))).map(([r, c, cell]) => ({
      what: `cell written as ${JSON.stringify(cell.slice(0, 20))}`,
      change: (g) => {
        const row = g.length > 1 ? 1 + (r % (g.length - 1)) : 0;
        g[row]![c % g[row]!.length] = cell;
        return csvText(g);
      },
    })),
    fc.tuple(fc.nat(), fc.nat(), textLike, fc.constantFrom('\n', '\r\n', '\r', '\n\n')).map(([r, c, text, eol]) => ({
      what: `a quoted cell with ${JSON.stringify(eol)} inside`,
      change: (g) => {
        const row = g.length > 1 ? 1 + (r % (g.length - 1)) : 0;
        const col = c % g[row]!.length;
        g[row]![col] = `"${`${g[row]![col]}${eol}${text}`.replace(/"/g, '""')}"`;
        return csvText(g);
      },
    })),
    fc.constantFrom('quote-everything', 'cr-line-ends', 'mixed-line-ends', 'no-final-newline', 'trailing-comma', 'trailing-spaces', 'quote-at-eof', 'lf-cr').map((kind) => ({
      what: kind,
      change: (g) => {
        switch (kind) {
          case 'quote-everything': return g.map((row) => row.map((c) => `"${c}"`).join(',')).join('\r\n') + '\r\n';
          case 'cr-line-ends': return csvText(g, ',', '\r');
          case 'mixed-line-ends': return g.map((row, i) => row.join(',') + ['\n', '\r\n', '\r'][i % 3]).join('');
          case 'no-final-newline': return csvText(g).trimEnd();
          case 'trailing-comma': return g.map((row) => `${row.join(',')},`).join('\n') + '\n';
          case 'trailing-spaces': return g.map((row) => row.map((c) => `${c}  `).join(',')).join('\n') + '\n';
          case 'quote-at-eof': return `${csvText(g)}"`;
          default: return csvText(g, ',', '\n\r');
        }
      },
    })),
  ];
  return fc.record({ csv: fc.constantFrom(...base.csvs), change: fc.oneof(...changes) }).map(({ csv, change }) =>
    mutation('delimiter-quoting', `${csv.file}: ${change.what}`, [write(csv.file, change.change(cloneGrid(csv.grid)))]),
  );
}

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  if (bigEndian) le.swap16();
  return new Uint8Array(le);
}

/** Encodings: UTF-16 either way with or without a BOM, Latin-1 and Windows-1252 bytes, random and NUL bytes. */
export function encodingMutation(base: BaseBoard): fc.Arbitrary<Mutation> {
  type Enc = { what: string; encode: (text: string) => Uint8Array };
  const encodings: fc.Arbitrary<Enc>[] = [
    fc.tuple(fc.boolean(), fc.boolean()).map(([be, bom]) => ({
      what: `UTF-16${be ? 'BE' : 'LE'}${bom ? ' with BOM' : ' without BOM'}`,
      encode: (t: string) => utf16(t, be, bom),
    })),
    fc.tuple(fc.nat(), fc.constantFrom('é', '£', '½', 'ñ', 'Ø', '\u00a0', 'ÿ')).map(([pos, ch]) => ({
      what: `Latin-1 with ${JSON.stringify(ch)}`,
      encode: (t: string) => {
        const at = t.indexOf(',', pos % t.length) + 1;
        return new Uint8Array(Buffer.from(t.slice(0, at) + ch + t.slice(at), 'latin1'));
      },
    })),
    fc.nat().map((pos) => ({
      what: 'Windows-1252 smart quotes and a pound sign',
      encode: (t: string) => {
        const b = Buffer.from(t, 'latin1');
        const at = pos % (b.length + 1);
        return new Uint8Array(Buffer.concat([b.subarray(0, at), Buffer.from([0x93, 0x41, 0x94, 0xa3, 0x96]), b.subarray(at)]));
      },
    })),
    fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), fc.boolean()).map(([positions, replace]) => ({
      what: `${positions.length} NUL byte(s) ${replace ? 'replacing' : 'inserted'}`,
      encode: (t: string) => {
        const b = [...utf8.encode(t)];
        for (const p of positions) b.splice(p % (b.length + 1), replace ? 1 : 0, 0);
        return new Uint8Array(b);
      },
    })),
    fc.tuple(fc.uint8Array({ minLength: 0, maxLength: 4096 }), fc.constantFrom('alone', 'after-header', 'spliced')).map(([bytes, where]) => ({
      what: `${bytes.length} random bytes ${where}`,
      encode: (t: string) => {
        const b = utf8.encode(t);
        if (where === 'alone') return bytes;
        const at = where === 'after-header' ? t.indexOf('\n') + 1 : Math.floor(b.length / 2);
        return new Uint8Array([...b.subarray(0, at), ...bytes, ...b.subarray(at)]);
      },
    })),
    fc.tuple(fc.nat(), fc.constantFrom([0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xff], [0xfe, 0xff, 0x00])).map(([pos, seq]) => ({
      what: `invalid UTF-8 sequence ${seq.map((x) => x.toString(16)).join(' ')}`,
      encode: (t: string) => {
        const b = utf8.encode(t);
        const at = pos % (b.length + 1);
        return new Uint8Array([...b.subarray(0, at), ...seq, ...b.subarray(at)]);
      },
    })),
    fc.constantFrom(
      { what: 'UTF-32LE with BOM', encode: (t: string) => new Uint8Array([0xff, 0xfe, 0, 0, ...[...t].flatMap((c) => [c.codePointAt(0)! & 0xff, (c.codePointAt(0)! >> 8) & 0xff, c.codePointAt(0)! >> 16, 0])]) },
      { what: 'UTF-8 BOM then UTF-16LE', encode: (t: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf16(t, false, false)]) },
      { what: 'UTF-16LE BOM only', encode: () => new Uint8Array([0xff, 0xfe]) },
      { what: 'UTF-16LE odd length', encode: (t: string) => utf16(t, false, true).subarray(0, 2 * Math.floor(t.length / 2) + 1) },
    ),
  ];
  return fc.record({ csv: fc.constantFrom(...base.csvs), enc: fc.oneof(...encodings) }).map(({ csv, enc }) =>
    mutation('encoding', `${csv.file}: ${enc.what}`, [write(csv.file, enc.encode(csvText(csv.grid)))]),
  );
}

/**
 * Sizes: empty, header only, whitespace only, a long line (to 100 000 characters), many columns and rows
 * (to 1000). Bigger files cost seconds each, so they have their own example tests.
 */
export function sizeMutation(base: BaseBoard): fc.Arbitrary<Mutation> {
  const kinds = fc.oneof(
    fc.constantFrom('empty', 'header-only', 'header-and-blank-lines', 'whitespace-only', 'bom-only', 'newlines-only', 'commas-only').map((kind) => ({ kind, n: 0 })),
    fc.record({ kind: fc.constant('long-line'), n: fc.integer({ min: 10_000, max: 100_000 }) }),
    fc.record({ kind: fc.constant('many-columns'), n: fc.integer({ min: 100, max: 1_000 }) }),
    fc.record({ kind: fc.constant('many-rows'), n: fc.integer({ min: 100, max: 1_000 }) }),
    fc.record({ kind: fc.constant('many-empty-rows'), n: fc.integer({ min: 100, max: 1_000 }) }),
  );
  return fc.record({ csv: fc.constantFrom(...base.csvs), size: kinds, col: fc.nat() }).map(({ csv, size, col }) => {
    const g = cloneGrid(csv.grid);
    const { kind, n } = size;
    let text: string;
    switch (kind) {
      case 'empty': text = ''; break;
      case 'header-only': text = csvText([g[0]!]); break;
      case 'header-and-blank-lines': text = `${csvText([g[0]!])}\n\n\r\n  \n`; break;
      case 'whitespace-only': text = ' \t\r\n \n'; break;
      case 'bom-only': text = '\ufeff'; break;
      case 'newlines-only': text = '\n\n\n'; break;
      case 'commas-only': text = ',,,,\n,,,,\n'; break;
      case 'long-line':
        g[1 % g.length]![col % g[0]!.length] = longRun('x', n);
        text = csvText(g);
        break;
      case 'many-columns':
        text = csvText(g.map((row, r) => [...row, ...Array.from({ length: n }, (_, i) => (r === 0 ? `Extra ${i}` : String(i)))]));
        break;
      case 'many-rows':
        text = csvText([g[0]!, ...Array.from({ length: n }, (_, i) => g[1 + (i % Math.max(1, g.length - 1))] ?? g[0]!)]);
        break;
      default:
        text = csvText(g) + '\n'.repeat(n);
    }
    return mutation('size', `${csv.file}: ${kind}${n ? ` (${n})` : ''}`, [write(csv.file, text)]);
  });
}

/** YAML that parses without errors but throws when turned into data: alias bombs and unresolved aliases. */
export const YAML_TOJS_CRASHERS: { what: string; text: string }[] = [
  {
    what: 'billion laughs',
    text: ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n'),
  },
  { what: 'alias bomb in a section list', text: `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 6 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`).join('\n')}\nsections: *g\n` },
  { what: 'alias to nothing', text: 'board: *nothing\n' },
  { what: 'alias to nothing in a list', text: 'sections: [*x]\n' },
  { what: 'merge of an alias to nothing', text: 'board:\n  <<: *m\n' },
];

/** Invalid YAML: syntax errors, truncation, tabs, bombs, deep nesting, tags, several documents. */
function invalidYaml(original: string): fc.Arbitrary<{ what: string; text: string }> {
  return fc.oneof(
    fc.nat().map((n) => ({ what: 'truncated', text: original.slice(0, n % (original.length + 1)) })),
    fc.nat().map((n) => {
      const lines = original.split('\n');
      const i = n % lines.length;
      lines[i] = `\t${lines[i]}`;
      return { what: `tab at line ${i + 1}`, text: lines.join('\n') };
    }),
    fc.tuple(fc.nat(), fc.constantFrom(': ', '"', "'", '[', '{', '- ', '&', '*', '!', '|', '>', '%', '@', '`', '#', '\u0000', '\ufeff')).map(([n, s]) => {
      const at = n % (original.length + 1);
      return { what: `${JSON.stringify(s)} inserted`, text: original.slice(0, at) + s + original.slice(at) };
    }),
    fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ what: 'random text', text })),
    fc.integer({ min: 10, max: 20_000 }).map((n) => ({ what: `flow nesting ${n} deep`, text: `${'['.repeat(n)}${']'.repeat(n)}\n` })),
    // Each line is indented one more space than the last, so the file grows with the square of the depth.
    fc.integer({ min: 10, max: 1500 }).map((n) => ({ what: `block nesting ${n} deep`, text: Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:`).join('\n') })),
    ...(KNOWN_BUG_WORKAROUNDS.yamlToJsThrows ? [] : [fc.constantFrom(...YAML_TOJS_CRASHERS)]),
    fc.constantFrom(
      { what: 'a few aliases', text: 'a: &a [x, y]\nb: [*a, *a, *a]\nboard: {name: *a}\nsections: [foreword]\n' },
      { what: 'recursive alias', text: 'a: &a\n  b: *a\nboard: *a\n' },
      { what: 'self-containing list', text: 'a: &a [*a]\nsections: *a\n' },
      { what: 'a list as a key', text: '? [a, b]\n: c\nsections: [foreword]\n' },
      { what: 'a set', text: '!!set {a, b}\n' },
      { what: 'a timestamp', text: 'board: !!timestamp 2001-12-14\nsections: [foreword]\n' },
      { what: 'a bad int', text: 'sections: [foreword]\nboard: {name: !!int "x"}\n' },
      { what: 'two documents', text: `${original}\n---\n${original}` },
      { what: 'duplicate keys', text: `${original}\nboard: {}\n` },
      { what: 'js function tag', text: 'board: !!js/function "function(){}"\n' },
      { what: 'binary tag', text: 'board: !!binary aGVsbG8=\n' },
      { what: 'unknown tag', text: 'board: !custom 1\nsections: [foreword]\n' },
      { what: 'merge key', text: 'x: &x {name: A, area: B, chair: C}\nboard:\n  <<: *x\nsections: [foreword]\n' },
      { what: 'YAML directive', text: '%YAML 9.9\n---\nboard: {}\n' },
      { what: 'unclosed flow', text: 'sections: [foreword, \n' },
      { what: 'unclosed quote', text: 'board:\n  name: "Example\n' },
      { what: 'only a comment', text: '# nothing here\n' },
      { what: 'empty', text: '' },
      { what: 'document end only', text: '...\n' },
      { what: 'CRLF and BOM', text: `\ufeff${original.replace(/\n/g, '\r\n')}` },
    ),
  );
}

/** A JSON-like value for YAML settings, including prototype names as keys. */
const yamlValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, -1, 0, 1e100, Number.NaN, Number.POSITIVE_INFINITY, '', ' ', 'five', true, [], {}, [[]], '../../..', '/etc/passwd', '{{value "x"}}'),
  fc.dictionary(fc.constantFrom(...PROTOTYPE_NAMES, 'id', 'title', 'name'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

function setPath(target: unknown, keys: readonly (string | number)[], value: unknown): unknown {
  if (keys.length === 0) return value;
  const [key, ...rest] = keys;
  const obj = (target !== null && typeof target === 'object' ? (Array.isArray(target) ? [...(target as unknown[])] : { ...target }) : {}) as Record<string | number, unknown>;
  // defineProperty so that "__proto__" becomes an own key, as YAML would write it, not a prototype change.
  Object.defineProperty(obj, key!, { value: setPath(obj[key!], rest, value), enumerable: true, writable: true, configurable: true });
  return obj;
}

/** A YAML file (board.yaml, recommendations.yaml) made invalid, or valid YAML of the wrong shape. */
function yamlMutation(base: BaseBoard, file: string, keyNames: string[]): fc.Arbitrary<Mutation> {
  const original = decoder.decode(base.snapshot.files.get(file)!);
  const parsed = parseYaml(original) as unknown;
  const key = fc.oneof(fc.constantFrom(...keyNames, ...PROTOTYPE_NAMES), fc.nat({ max: 3 }), fc.string({ maxLength: 8 }));
  return fc.oneof(
    invalidYaml(original).map(({ what, text }) => mutation('yaml', `${file}: ${what}`, [write(file, text)])),
    fc.tuple(fc.array(key, { minLength: 1, maxLength: 4 }), yamlValue).map(([keys, value]) =>
      mutation('yaml', `${file}: set ${keys.join('.')} to ${JSON.stringify(value)?.slice(0, 80)}`, [write(file, stringifyYaml(setPath(parsed, keys, value)))]),
    ),
    yamlValue.map((value) => mutation('yaml', `${file}: whole file is ${JSON.stringify(value)?.slice(0, 80)}`, [write(file, stringifyYaml(value))])),
  );
}

/** Narrative Markdown: random bytes, template expressions of every kind, huge text. */
function narrativeContent(): fc.Arbitrary<{ what: string; bytes: Uint8Array }> {
  const expression = fc.constantFrom(
    '{{', '}}', '{{}}', '{{value}}', '{{value "nope.nope"}}', '{{value "lado.referrals"}}', '{{previous "lado.referrals"}}', '{{change "lado.referrals"}}',
    '{{value "__proto__"}}', '{{value "constructor"}}', '{{value lado.referrals}}', '{{value "lado.referrals" "extra"}}', '{{value "lado.referrals" x=1}}',
    '{{#each this}}{{@key}}{{/each}}', '{{#if x}}', '{{/if}}', '{{else}}', '{{> foreword}}', '{{> ../../../etc/passwd}}', '{{{raw}}}',
    '{{lookup this "constructor"}}', '{{constructor.constructor "return process"}}', '{{this.__proto__}}', '{{!-- comment', '{{!-- x --}}',
    '\\{{value "lado.referrals"}}', '\\\\{{value "lado.referrals"}}', '{{{{raw}}}}', '{{log "x"}}', '{{#with this}}{{/with}}', '{{&value}}',
    '{{value "lado.referrals"', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '![x](file:///etc/passwd)',
  );
  return fc.oneof(
    fc.uint8Array({ maxLength: 4096 }).map((bytes) => ({ what: `${bytes.length} random bytes`, bytes })),
    fc.array(fc.oneof(expression, fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('\n', '\n\n', '# ', '- ', '| a | b |\n|---|---|\n')), { maxLength: 20 }).map((parts) => ({
      what: `text with expressions: ${JSON.stringify(parts.join('').slice(0, 100))}`,
      bytes: utf8.encode(parts.join('')),
    })),
    fc.string({ unit: 'binary', maxLength: 300 }).map((text) => ({ what: 'random text', bytes: utf8.encode(text) })),
    fc.tuple(fc.integer({ min: 1000, max: 300_000 }), fc.constantFrom('{{', 'a ', '> ', '*', '[', '`', '<div>', '- ', '1. ')).map(([n, s]) => {
      // marked nests one level per "> " (and per list marker): see deepBlockquotes.
      const count = KNOWN_BUG_WORKAROUNDS.deepBlockquotes && (s === '> ' || s === '- ' || s === '1. ') ? Math.min(n, 1000) : n;
      return { what: `${JSON.stringify(s)} × ${count}`, bytes: utf8.encode(s.repeat(count)) };
    }),
    fc.integer({ min: 100, max: KNOWN_BUG_WORKAROUNDS.manyNarrativeExpressions ? 1000 : 50_000 }).map((n) => ({
      what: `${n} lines each with a live figure`,
      bytes: utf8.encode('{{value "lado.referrals"}}\n'.repeat(n)),
    })),
    fc.tuple(fc.boolean(), fc.boolean()).map(([be, bom]) => ({ what: 'UTF-16 text', bytes: utf16('# Title\n\nSome {{value "lado.referrals"}} text.\n', be, bom) })),
  );
}

/** Files: returns missing, stray files, files replaced by folders or links, broken YAML and narrative. */
export function fileMutation(base: BaseBoard): fc.Arbitrary<Mutation> {
  const allFiles = [...base.snapshot.files.keys()].sort();
  const allDirs = [...base.snapshot.dirs].filter((d) => d !== base.yearDir).sort();
  const strayName = fc.oneof(
    fc.constantFrom(
      '.DS_Store', 'Thumbs.db', 'desktop.ini', '~$lado-referrals.csv', '.~lock.lado-referrals.csv#', 'lado-referrals.csv.bak', 'LADO-REFERRALS.CSV',
      'lado-referrals (1).csv', 'notes.txt', 'extra.csv', 'unknown-section.md', '.hidden.md', '2013-14', '1999-00', '2012-13 copy', '2012-2013',
      'board.yml', 'recommendations.yml', ' lado-referrals.csv', 'lado referrals.csv', 'é.md', '🙂.csv', 'templates', 'aggregates.csv', '__proto__.md',
      'constructor.md', 'toString.md', 'x'.repeat(250), 'a.md.md', '.md',
    ),
    fc.stringMatching(/^[A-Za-z0-9._ -]{1,40}$/).filter((s) => s !== '.' && s !== '..'),
  );
  const strayContent = fc.oneof(fc.uint8Array({ maxLength: 512 }), fc.string({ maxLength: 100 }).map((s) => utf8.encode(s)), fc.constant(new Uint8Array()));
  const boardKeys = ['board', 'name', 'area', 'chair', 'shortName', 'subgroups', 'publication', 'years', '2012-13', 'publishedDate', 'sections', 'disclosure', 'suppress', 'threshold', 'template', 'id', 'title'];
  const recKeys = ['objectives', 'number', 'title', 'recommendations', 'text', 'paragraphs', 'status'];
  const sectionIds = ['foreword', 'local-context', 'training', 'section-11', 'case-reviews', 'priority-groups', 'board-effectiveness', 'allegations', 'recommendations', 'finance', 'the-board', 'conclusions'];

  return fc.oneof(
    fc.subarray([...allFiles, ...allDirs], { minLength: 1, maxLength: 3 }).map((paths) =>
      mutation('files', `delete ${paths.join(', ')}`, paths.map((file) => ({ op: 'delete', file }))),
    ),
    fc.tuple(fc.constantFrom('', base.yearDir, base.narrativeDir, 'aggregates'), strayName, strayContent, fc.boolean()).map(([where, name, bytes, asDir]) => {
      const file = where === '' ? name : `${where}/${name}`;
      return mutation('files', `stray ${asDir ? 'folder' : 'file'} ${file}`, [asDir ? { op: 'dir', file, children: { 'x.csv': bytes } } : write(file, bytes)]);
    }),
    fc.tuple(fc.constantFrom(...allFiles), fc.boolean()).map(([file, withChildren]) =>
      mutation('files', `${file} replaced by a folder`, [{ op: 'dir', file, children: withChildren ? { 'inner.csv': utf8.encode('a,b\n1,2\n') } : undefined }]),
    ),
    fc.constantFrom(...allDirs).map((file) => mutation('files', `folder ${file} replaced by a file`, [write(file, 'not a folder\n')])),
    fc.tuple(fc.constantFrom(...allFiles, ...allDirs), fc.constantFrom('self', 'dangling', 'board-root', '/dev/null', 'parent')).map(([file, kind]) => {
      const depth = file.split('/').length - 1;
      const up = '../'.repeat(depth) || './';
      const target = kind === 'self' ? file.split('/').pop()! : kind === 'dangling' ? 'does-not-exist' : kind === 'board-root' ? up : kind === 'parent' ? `${up}..` : '/dev/null';
      return mutation('files', `${file} replaced by a link to ${kind}`, [{ op: 'symlink', file, target }]);
    }),
    yamlMutation(base, 'board.yaml', boardKeys),
    ...base.yamlFiles.filter((f) => f !== 'board.yaml').map((f) => yamlMutation(base, f, recKeys)),
    fc.tuple(fc.oneof(fc.constantFrom(...base.narrativeFiles), fc.constantFrom(...sectionIds).map((id) => `${base.narrativeDir}/${id}.md`)), narrativeContent()).map(([file, content]) =>
      mutation('narrative', `${file}: ${content.what}`, [write(file, content.bytes)]),
    ),
  );
}

/** Any single mutation of any kind. */
export function anyMutation(base: BaseBoard): fc.Arbitrary<Mutation> {
  return fc.oneof(cellMutation(base), headerMutation(base), delimiterQuotingMutation(base), encodingMutation(base), sizeMutation(base), fileMutation(base));
}

/** Two to four mutations at once, applied in order (the costly size mutations less often). */
export function combinedMutation(base: BaseBoard): fc.Arbitrary<Mutation> {
  const one = fc.oneof(
    { weight: 3, arbitrary: cellMutation(base) },
    { weight: 3, arbitrary: headerMutation(base) },
    { weight: 3, arbitrary: delimiterQuotingMutation(base) },
    { weight: 3, arbitrary: encodingMutation(base) },
    { weight: 1, arbitrary: sizeMutation(base) },
    { weight: 3, arbitrary: fileMutation(base) },
  );
  return fc.array(one, { minLength: 2, maxLength: 4 }).map((ms) =>
    mutation('combined', ms.map((m) => `[${m.kind}] ${m.description}`).join(' + '), ms.flatMap((m) => m.ops)),
  );
}

/** Text meant to break a rendered page: markup, template syntax, entities, bidi and zero-width characters. */
export const markupLike: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '</td></tr></table>', '</body></html>', '<!--', ']]>', '<![CDATA[',
    '{{value "lado.referrals"}}', '{{{raw}}}', '{{> foreword}}', '{{constructor.constructor "x"}}', '&amp;', '&lt;b&gt;', '&#0;', '&#x110000;',
    '"><svg onload=alert(1)>', "' onmouseover='x", 'javascript:alert(1)', '\u202eevil', 'a\u200bb', '\ufeff', '🙂👨‍👩‍👧', 'e\u0301', '%s %d',
    '${1+1}', '`x`', '[link](javascript:alert(1))', '# heading', '| a | b |', '---', '\\', '\u0000', '\u0007', '\u2028',
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '{', '}', '/', ' ', 'a', '=', '\\'), minLength: 1, maxLength: 20 }),
);

/** The free-text columns of each CSV file of the base board, with their index in its header. */
function textColumns(base: BaseBoard): { csv: BaseCsv; col: number }[] {
  const defs: [string, ColumnDef[]][] = [
    ...RETURNS.map((r): [string, ColumnDef[]] => [`${base.yearDir}/${r.file}`, r.columns]),
    ['aggregates/published-figures.csv', PUBLISHED_FIGURES_COLUMNS],
    ['aggregates/comparators.csv', COMPARATOR_COLUMNS],
  ];
  const out: { csv: BaseCsv; col: number }[] = [];
  for (const [file, columns] of defs) {
    const csv = base.csvs.find((c) => c.file === file);
    if (!csv) continue;
    for (const def of columns) {
      const col = csv.grid[0]!.indexOf(def.header);
      if (def.type === 'text' && def.key !== 'year' && col >= 0) out.push({ csv, col });
    }
  }
  return out;
}

/**
 * Changes that keep the data valid (or nearly), so that `build` gets past validation and renders them:
 * hostile narrative, hostile text in board.yaml, recommendations and free-text cells, reordered and
 * retitled sections, missing returns, stray files.
 */
export function renderableMutation(base: BaseBoard): fc.Arbitrary<Mutation> {
  const boardYaml = parseYaml(decoder.decode(base.snapshot.files.get('board.yaml')!)) as Record<string, unknown>;
  const recFile = base.yamlFiles.find((f) => f !== 'board.yaml');
  const recs = recFile ? (parseYaml(decoder.decode(base.snapshot.files.get(recFile)!)) as unknown) : undefined;
  const sectionIds = ((boardYaml.sections as unknown[]) ?? []).map((s) => (typeof s === 'string' ? s : (s as { id: string }).id));
  const allIds = ['foreword', 'essential-information', 'local-context', 'the-board', 'policies-procedures', 'assessment-framework', 'training', 'quality-effectiveness', 'section-11', 'case-reviews', 'engagement', 'equality', 'priority-groups', 'board-effectiveness', 'allegations', 'conclusions', 'recommendations', 'finance', 'appendix-protocol', 'appendix-section-11', 'appendix-cse', 'our-own-section'];
  const texts = textColumns(base);
  const setBoard = (keys: readonly (string | number)[], value: unknown, what: string) =>
    mutation('renderable', `board.yaml: ${what}`, [write('board.yaml', stringifyYaml(setPath(boardYaml, keys, value)))]);

  const options: fc.Arbitrary<Mutation>[] = [
    fc.tuple(fc.constantFrom(...sectionIds), narrativeContent()).map(([id, content]) =>
      mutation('renderable', `narrative ${id}: ${content.what}`, [write(`${base.narrativeDir}/${id}.md`, content.bytes)]),
    ),
    fc.tuple(fc.constantFrom(['board', 'name'], ['board', 'area'], ['board', 'chair'], ['board', 'shortName'], ['board', 'chairTitle'], ['board', 'businessManager'], ['publication', 'years', '2012-13', 'presentedTo'], ['publication', 'language']), markupLike).map(([keys, value]) =>
      setBoard(keys, value, `${keys.join('.')} = ${JSON.stringify(value)}`),
    ),
    fc.array(fc.record({ name: markupLike, purpose: markupLike }), { minLength: 1, maxLength: 3 }).map((subgroups) => setBoard(['board', 'subgroups'], subgroups, `subgroups ${JSON.stringify(subgroups)}`)),
    fc.array(fc.oneof(fc.constantFrom(...allIds), fc.record({ id: fc.constantFrom(...allIds), title: markupLike })), { minLength: 1, maxLength: 25 }).map((sections) =>
      setBoard(['sections'], sections, `sections ${JSON.stringify(sections).slice(0, 200)}`),
    ),
    fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 100 })).map(([suppress, threshold]) => setBoard(['disclosure'], { suppress, threshold }, `disclosure suppress ${suppress} threshold ${threshold}`)),
    fc.tuple(fc.constantFrom('2012-13', '2011-12', '1900-01', '9999-00'), fc.constantFrom('publishedDate', 'presentedDate'), fc.oneof(dateLike, fc.constant('2013-07-15'))).map(([year, key, date]) =>
      setBoard(['publication', 'years', year, key], date, `publication ${year} ${key} = ${date}`),
    ),
    fc.oneof(fc.constantFrom('default', 'Default', '', '.', '..', '../..', '/', '/etc', 'templates', '2012-13', 'board.yaml', '__proto__', 'constructor', 'C:\\Windows', '\u0000'), markupLike).map((template) =>
      setBoard(['template'], template, `template = ${JSON.stringify(template)}`),
    ),
    fc.tuple(fc.nat(), fc.nat(), markupLike).filter(() => texts.length > 0).map(([i, r, value]) => {
      const { csv, col } = texts[i % texts.length]!;
      const grid = cloneGrid(csv.grid);
      const row = grid.length > 1 ? 1 + (r % (grid.length - 1)) : 0;
      grid[row]![col] = quoteCell(value);
      return mutation('renderable', `${csv.file} row ${row + 1} "${csv.grid[0]![col]}" = ${JSON.stringify(value)}`, [write(csv.file, csvText(grid))]);
    }),
    fc.subarray(base.csvs.filter((c) => c.file.startsWith(`${base.yearDir}/`)).map((c) => c.file), { minLength: 1, maxLength: 4 }).map((files) =>
      mutation('renderable', `returns missing: ${files.join(', ')}`, files.map((file) => ({ op: 'delete', file }))),
    ),
  ];
  if (recFile && recs) {
    options.push(
      fc.tuple(fc.constantFrom(['objectives', 0, 'title'], ['objectives', 0, 'recommendations', 0, 'text'], ['objectives', 0, 'recommendations', 0, 'paragraphs']), markupLike).map(([keys, value]) =>
        mutation('renderable', `${recFile}: ${keys.join('.')} = ${JSON.stringify(value)}`, [
          write(recFile, stringifyYaml(setPath(recs, keys, keys.at(-1) === 'paragraphs' ? [value, '1.1'] : value))),
        ]),
      ),
    );
  }
  return fc.oneof(...options);
}
