/**
 * The outputs contract (docs/outputs.md): the JSON and CSV of every command, run on the Calderdale sample,
 * conform to the JSON Schemas shipped in schemas/, and every field they hold is declared there. A doctored
 * output must fail, so these checks can fail.
 */
import { cp, mkdtemp, readdir, readFile, rm, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneLine } from '../../src/findings.js';
import { runCli } from '../cli/helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = path.join(ROOT, 'data-samples/calderdale');
// A board with indicators of its own (indicators.yaml): the fields only those carry.
const KIRKLEES = path.join(ROOT, 'data-samples/kirklees');
const SCHEMAS = path.join(ROOT, 'schemas');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * The schema as the contract test reads it: every object that declares its properties allows no other,
 * so a field an output holds but the contract does not list fails. (The shipped schemas allow extra
 * fields, because later versions may add fields without raising schemaVersion.)
 */
function closed(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    // `const` and `enum` hold values, not schemas; `if`/`then`/`else`/`not` add conditions to an object
    // whose properties are declared elsewhere, so they are not closed.
    out[key] = ['const', 'enum', 'if', 'then', 'else', 'not'].includes(key) ? value : closed(value);
  }
  const type = schema.type;
  const isObject = type === 'object' || (Array.isArray(type) && type.includes('object'));
  if (isObject && schema.properties && schema.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

const schemaFiles = (await readdir(SCHEMAS)).filter((f) => f.endsWith('.schema.json')).sort();
const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strictSchema: true, strictTypes: false, strictTuples: false });
const validators = new Map<string, ValidateFunction>();
for (const file of schemaFiles) {
  const schema = JSON.parse(await readFile(path.join(SCHEMAS, file), 'utf8')) as JsonObject;
  validators.set(file, ajv.compile(closed({ ...schema, $id: `${String(schema.$id)}:closed` }) as object));
}
const used = new Set<string>();

/** Validation errors of `data` against a shipped schema, as short strings (empty when it conforms). */
function errorsAgainst(file: string, data: unknown): string[] {
  const validate = validators.get(file);
  if (!validate) throw new Error(`no schema ${file} in schemas/`);
  used.add(file);
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** A CSV the tool wrote, as rows of cells: it must start with the byte-order mark and end its lines with CRLF. */
function csvRows(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.replace(/"[^"]*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  return parse(text, { bom: true, relaxColumnCount: true }) as string[][];
}

let work: string;
let badBoard: string;
const out: Record<string, string> = {};

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'lscb-contract-'));
  const data = ['--data', SAMPLE];
  const runs: [string, string[], number[]][] = [
    ['validate.json', ['validate', '2012-13', ...data, '--format', 'json'], [0]],
    ['indicators.json', ['indicators', '2012-13', ...data, '--format', 'json'], [0]],
    ['indicators.csv', ['indicators', '2012-13', ...data, '--format', 'csv'], [0]],
    ['diff.json', ['diff', '2011-12', '2012-13', ...data, '--format', 'json'], [0]],
    ['diff.csv', ['diff', '2011-12', '2012-13', ...data, '--format', 'csv'], [0]],
    ['catalogue.json', ['indicators', '--list', '--format', 'json'], [0]],
    ['catalogue.csv', ['indicators', '--list', '--format', 'csv'], [0]],
    // A browser that is not there: doctor says so (exit 6) without starting one, and still writes its JSON.
    ['board-indicators.json', ['indicators', '2008-09', '--data', KIRKLEES, '--format', 'json'], [0]],
    ['board-catalogue.json', ['indicators', '--list', '--data', KIRKLEES, '--format', 'json'], [0]],
    ['board-catalogue.csv', ['indicators', '--list', '--data', KIRKLEES, '--format', 'csv'], [0]],
    ['doctor.json', ['doctor', '--browser', path.join(work, 'no-such-browser'), '--out', path.join(work, 'doctor-out'), ...data, '--format', 'json'], [0, 6]],
  ];
  for (const [name, argv, codes] of runs) {
    const result = await runCli(argv);
    expect(codes, `${argv.join(' ')}: ${result.stderr}`).toContain(result.code);
    out[name] = result.stdout;
  }
  // The build's indicator files (HTML only: the JSON and CSV do not need a browser).
  const built = await runCli(['build', '2012-13', ...data, '--out', path.join(work, 'out'), '--format', 'html']);
  expect(built.code, built.stderr).toBe(0);
  for (const file of await readdir(path.join(work, 'out'))) {
    if (file.endsWith('.json')) out['build.json'] = await readFile(path.join(work, 'out', file), 'utf8');
    if (file.endsWith('.csv')) out['build.csv'] = await readFile(path.join(work, 'out', file), 'utf8');
  }
  // The build's files with small counts suppressed: the sample without its narrative (which types small
  // counts, refused when they are suppressed), as a draft (unwritten sections allowed).
  const suppressedBoard = path.join(work, 'suppressed-board');
  await cp(SAMPLE, suppressedBoard, { recursive: true });
  await rm(path.join(suppressedBoard, '2012-13/narrative'), { recursive: true });
  const suppressed = await runCli(['build', '2012-13', '--data', suppressedBoard, '--out', path.join(work, 'suppressed'), '--format', 'html', '--suppress-threshold', '5', '--draft', '--quiet']);
  expect(suppressed.code, suppressed.stderr).toBe(0);
  for (const file of await readdir(path.join(work, 'suppressed'))) {
    if (file.endsWith('.json')) out['suppressed.json'] = await readFile(path.join(work, 'suppressed', file), 'utf8');
    if (file.endsWith('.csv')) out['suppressed.csv'] = await readFile(path.join(work, 'suppressed', file), 'utf8');
  }
  // A board whose finance return has a heading with a line break in it and no partner: findings to check.
  badBoard = path.join(work, 'bad-board');
  await cp(SAMPLE, badBoard, { recursive: true });
  await appendFile(path.join(badBoard, '2012-13/finance.csv'), 'contribution,"Grant from\nDfE",,1000\r\n');
}, 600_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('every JSON output conforms to its schema, and declares its schemaVersion', () => {
  it.each([
    ['validate --format json', 'validate.json', 'validate.schema.json'],
    ['indicators --format json', 'indicators.json', 'indicators.schema.json'],
    ['diff --format json', 'diff.json', 'diff.schema.json'],
    ['indicators --list --format json', 'catalogue.json', 'catalogue.schema.json'],
    ['doctor --format json', 'doctor.json', 'doctor.schema.json'],
    ["build's indicators JSON", 'build.json', 'indicators.schema.json'],
    ["build's indicators JSON, small counts suppressed", 'suppressed.json', 'indicators.schema.json'],
    ["indicators --format json, a board's own indicators", 'board-indicators.json', 'indicators.schema.json'],
    ["indicators --list --format json, a board's own indicators", 'board-catalogue.json', 'catalogue.schema.json'],
  ])('%s', (_what, output, schema) => {
    const doc = JSON.parse(out[output]!) as JsonObject;
    expect(errorsAgainst(schema, doc)).toEqual([]);
    expect(doc.schemaVersion).toBe(1);
  });

  it('the outputs hold what the sample has (so the schemas were checked against real content)', () => {
    const indicators = JSON.parse(out['indicators.json']!) as { indicators: JsonObject[] };
    expect(indicators.indicators.length).toBeGreaterThan(50);
    expect(indicators.indicators.find((i) => i.id === 'cp.plans_open_at_year_end')).toMatchObject({ value: 217, previous: { value: 237 } });
    const build = JSON.parse(out['build.json']!) as { edition: string; indicators: JsonObject[] };
    expect(build.edition).toBe('published');
    expect(build.indicators.every((i) => typeof i.suppressed === 'boolean')).toBe(true);
    const suppressed = JSON.parse(out['suppressed.json']!) as { disclosure: { threshold: number; note: string | null }; indicators: JsonObject[] };
    expect(suppressed.disclosure.threshold).toBe(5);
    expect(suppressed.disclosure.note).toContain('[c]');
    const withheld = suppressed.indicators.filter((i) => i.suppressed === true);
    expect(withheld.length).toBeGreaterThan(0);
    expect(withheld.every((i) => i.value === null && i.display === '[c]')).toBe(true);
    expect(csvRows(out['suppressed.csv']!).filter((r) => r[19] === 'yes' && r[5] === '' && r[6] === '[c]')).toHaveLength(withheld.length);
    const own = JSON.parse(out['board-indicators.json']!) as { indicators: JsonObject[] };
    expect(own.indicators.some((i) => i.definedBy === 'board')).toBe(true);
    const doctor = JSON.parse(out['doctor.json']!) as { ok: boolean; checks: { id: string; status: string }[] };
    expect(doctor.ok).toBe(false);
    expect(doctor.checks.map((c) => [c.id, c.status])).toEqual(expect.arrayContaining([['browser', 'fail'], ['data', 'pass']]));
  });

  it('validate --format json on a board with findings: each finding conforms, its message on one line', async () => {
    const result = await runCli(['validate', '2012-13', '--data', badBoard, '--format', 'json']);
    expect(result.code).toBe(1);
    const doc = JSON.parse(result.stdout) as { findings: { code: string; message: string; value: string }[] };
    expect(errorsAgainst('validate.schema.json', doc)).toEqual([]);
    const partner = doc.findings.find((f) => f.code === 'partner-missing')!;
    expect(partner.message).toBe('The contribution "Grant from\\nDfE" does not say which partner made it.');
    expect(doc.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['total-mismatch', 'partner-missing']));
  });
});

describe('a finding quoting a cell with a line break prints on one line', () => {
  it('validate lists it with the line break escaped, and no line of the output starts inside the cell', async () => {
    const result = await runCli(['validate', '2012-13', '--data', badBoard]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('        The contribution "Grant from\\nDfE" does not say which partner made it.\n');
    expect(result.stdout.split('\n').filter((line) => line.startsWith('DfE'))).toEqual([]);
  });

  it('oneLine escapes line breaks, tabs and control characters, and leaves other text alone', () => {
    expect(oneLine('Grant from\r\nDfE')).toBe('Grant from\\r\\nDfE');
    expect(oneLine('a\tb\u001b[31mred\u2028c')).toBe('a\\tb\\u001b[31mred\\u2028c');
    expect(oneLine('£1,000 – “quoted”')).toBe('£1,000 – “quoted”');
  });
});

describe('every CSV output conforms to its schema', () => {
  it.each([
    ['indicators --format csv', 'indicators.csv', 'indicators.csv.schema.json'],
    ['diff --format csv', 'diff.csv', 'diff.csv.schema.json'],
    ['indicators --list --format csv', 'catalogue.csv', 'catalogue.csv.schema.json'],
    ["build's indicators CSV", 'build.csv', 'published-indicators.csv.schema.json'],
    ["build's indicators CSV, small counts suppressed", 'suppressed.csv', 'published-indicators.csv.schema.json'],
    ["indicators --list --format csv, a board's own indicators", 'board-catalogue.csv', 'catalogue.csv.schema.json'],
  ])('%s', (_what, output, schema) => {
    const rows = csvRows(out[output]!);
    expect(rows.length).toBeGreaterThan(20);
    expect(errorsAgainst(schema, rows)).toEqual([]);
  });
});

describe('the checks can fail: doctored outputs do not conform', () => {
  const doctored = (output: string, change: (doc: JsonObject & { indicators: JsonObject[] }) => void) => {
    const doc = JSON.parse(out[output]!) as JsonObject & { indicators: JsonObject[] };
    change(doc);
    return doc;
  };

  it.each<[string, string, string, (doc: JsonObject & { indicators: JsonObject[] }) => void]>([
    ['a value written as text', 'indicators.json', 'indicators.schema.json', (d) => void (d.indicators[0]!.value = '217')],
    ['an indicator without its reason field', 'indicators.json', 'indicators.schema.json', (d) => void delete d.indicators[0]!.reason],
    ['no schemaVersion', 'diff.json', 'diff.schema.json', (d) => void delete d.schemaVersion],
    ['a field the contract does not list', 'build.json', 'indicators.schema.json', (d) => void (d.indicators[0]!.rank = 1)],
    ['an edition without its suppressed flags', 'build.json', 'indicators.schema.json', (d) => void delete d.indicators[3]!.suppressed],
    ['a suppressed flag outside a build', 'indicators.json', 'indicators.schema.json', (d) => void (d.indicators[0]!.suppressed = false)],
    ['an unknown unit', 'catalogue.json', 'catalogue.schema.json', (d) => void (d.indicators[0]!.unit = 'pounds')],
    ['a check doctor does not have', 'doctor.json', 'doctor.schema.json', (d) => void ((d.checks as JsonObject[])[0]!.id = 'disk')],
  ])('%s', (_what, output, schema, change) => {
    expect(errorsAgainst(schema, doctored(output, change))).not.toEqual([]);
  });

  it('a finding whose message holds a raw line break', () => {
    const doc = {
      schemaVersion: 1, year: '2012-13', valid: false, strict: false, errors: 1, warnings: 0,
      findings: [{ code: 'partner-missing', severity: 'error', file: '2012-13/finance.csv', row: 23, column: 'Partner', columnLetter: 'C', value: '', message: 'The contribution "Grant from\nDfE" does not say which partner made it.', hint: null }],
    };
    expect(errorsAgainst('validate.schema.json', doc)).not.toEqual([]);
    doc.findings[0]!.message = doc.findings[0]!.message.replace('\n', '\\n');
    expect(errorsAgainst('validate.schema.json', doc)).toEqual([]);
  });

  it.each<[string, string, string, (rows: string[][]) => void]>([
    ['columns in another order', 'indicators.csv', 'indicators.csv.schema.json', (r) => void ([r[0]![5], r[0]![6]] = [r[0]![6]!, r[0]![5]!])],
    ['a value that is not a number', 'indicators.csv', 'indicators.csv.schema.json', (r) => void (r[1]![5] = '217 plans')],
    ['a row with a cell too many', 'diff.csv', 'diff.csv.schema.json', (r) => void r[2]!.push('extra')],
    ["the build's file without its suppressed columns", 'build.csv', 'published-indicators.csv.schema.json', (r) => void r.forEach((row) => row.splice(19))],
  ])('CSV: %s', (_what, output, schema, change) => {
    const rows = csvRows(out[output]!);
    change(rows);
    expect(errorsAgainst(schema, rows)).not.toEqual([]);
  });
});

describe('the schemas ship with the package and each is checked', () => {
  it('package.json lists schemas/ in its files', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('schemas');
  });

  it('docs/outputs.md documents every schema file', async () => {
    const doc = await readFile(path.join(ROOT, 'docs/outputs.md'), 'utf8');
    for (const file of schemaFiles) expect(doc, file).toContain(`schemas/${file}`);
  });

  // Last in the file: every schema in schemas/ was used by a check above (none is stale or untested).
  it('every schema in schemas/ was used', () => {
    expect([...used].sort()).toEqual(schemaFiles);
  });
});
