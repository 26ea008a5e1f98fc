/**
 * Disclosure control end to end: a copy of the sample board with suppression turned on is built, and the
 * HTML, the indicators JSON and CSV (and, with a browser, the PDF) are read back. The sample has the
 * tables where naive suppression leaks: a single small count in a list with a total (LADO outcomes, child
 * protection categories), in nested breakdowns (child deaths) and in a table linked to another (the
 * outstanding referrals, printed in the timeliness table too). The internal edition of the same board
 * shows every figure and is marked as not for publication on every page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSuppressed } from '../../src/disclosure/disclose-indicators.js';
import { breakdownMembers, indicatorDef } from '../../src/indicators/catalogue.js';
import type { IndicatorReport } from '../../src/indicators/types.js';
import { runCli } from '../cli/helpers.js';
import { describeWithBrowser, pageText, pdfInfo, testBrowserPath } from '../pdf/support.js';
import { loadSample } from '../report/sample.js';
import { editFile, enableSuppression, htmlTables, outputNames, printedNumber, scratchSpace, squash, tableOf, type HtmlTable } from './support.js';

const THRESHOLD = 5;
const small = (n: number | null | undefined) => n !== null && n !== undefined && n >= 1 && n <= THRESHOLD;
const caseLevel = (id: string) => /^(cp|lado|cdop)\./.test(id);
const isRate = (id: string) => id.endsWith('_pct') || id.includes('rate_per_10k');

interface JsonValue {
  value: number | null;
  suppressed: boolean;
  display: string;
}
interface JsonIndicator extends JsonValue {
  id: string;
  unit: string;
  previous: JsonValue & { year: string };
  change: { display: string; absolute: number | null; percent: number | null; points: number | null };
  comparators: { difference: number | null }[];
}
interface IndicatorsFile {
  edition: string;
  disclosure: { threshold: number; suppressedValues: number; symbol: string; note: string | null };
  indicators: JsonIndicator[];
}

/** Parse the indicators CSV (RFC 4180, as the build writes it) into records by header. */
function parseCsv(text: string): Record<string, string>[] {
  // Every CSV the tool writes starts with a UTF-8 byte-order mark, so Excel shows £.
  if (!text.startsWith('\uFEFF')) throw new Error('the indicators CSV has no byte-order mark');
  text = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r') continue;
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += ch;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

const space = scratchSpace();
let board: string;
let raw: IndicatorReport;
let html: string;
let tables: Map<string, HtmlTable>;
let json: IndicatorsFile;
let csvRows: Record<string, string>[];
let stderr: string;

const rawRow = (id: string) => raw.rows.find((r) => r.def.id === id)!;
const jsonRow = (id: string) => json.indicators.find((i) => i.id === id)!;

/** Labels of a breakdown family as the tables print them, with the raw value of each. */
function familyLabels(family: string): Map<string, number | null> {
  return new Map(breakdownMembers(family).map((d) => [d.breakdownLabel ?? d.title, rawRow(d.id).current.value]));
}

/** The cells of the column headed `column` (default: the year), by row label, body and footer. */
function column(t: HtmlTable, col = '2012-13'): Map<string, string> {
  const i = t.columns.indexOf(col);
  if (i < 0) throw new Error(`no column ${col} in ${t.id}: ${t.columns.join(' | ')}`);
  return new Map([...t.rows, ...t.totals].map((r) => [r[0]!, r[i]!]));
}

beforeAll(async () => {
  board = space.board();
  enableSuppression(board, THRESHOLD);
  // A year of the LADO series with a small count, to exercise the chart, and a previous-year figure for a
  // suppressed breakdown, to exercise the change.
  editFile(path.join(board, 'aggregates', 'published-figures.csv'), (t) =>
    t.replace(/^2007-08,lado\.referrals,24,/m, '2007-08,lado.referrals,3,') + '2011-12,lado.outcome.unfounded-malicious,9,"test figure"\n',
  );
  editFile(path.join(board, '2012-13', 'narrative', 'allegations.md'), (t) =>
    `${t}\nPlanted for the test: malicious {{value "lado.outcome.unfounded-malicious"}}, previously {{previous "lado.outcome.unfounded-malicious"}}, change {{change "lado.outcome.unfounded-malicious"}}; referrals {{change "lado.referrals"}}.\n`,
  );
  raw = (await loadSample(board)).indicators;
  const out = space.dir();
  const r = await runCli(['build', '2012-13', '--data', board, '--out', out, '--format', 'html']);
  if (r.code !== 0) throw new Error(`build failed (${r.code}): ${r.stderr}`);
  stderr = r.stderr;
  const names = outputNames();
  html = readFileSync(path.join(out, names.html), 'utf8');
  tables = htmlTables(html);
  json = JSON.parse(readFileSync(path.join(out, names.json), 'utf8')) as IndicatorsFile;
  csvRows = parseCsv(readFileSync(path.join(out, names.csv), 'utf8'));
});

afterAll(() => space.cleanup());

describe('published edition: the indicators JSON and CSV', () => {
  it('says what was done, and the build says so too', () => {
    expect(json.edition).toBe('published');
    expect(json.disclosure).toMatchObject({ threshold: THRESHOLD, symbol: '[c]' });
    expect(json.disclosure.suppressedValues).toBeGreaterThanOrEqual(20);
    expect(json.disclosure.note).toMatch(/^\[c\]: not published/);
    expect(stderr).toMatch(/Disclosure control: \d+ figures shown as \[c\]/);
  });

  it('publishes every count from 1 to 5 from a case-level return as [c], value null, suppressed true; nothing else', () => {
    let checked = 0;
    for (const row of raw.rows) {
      const j = jsonRow(row.def.id);
      const c = csvRows.find((x) => x.id === row.def.id)!;
      for (const [v, out, csvDisplay, csvFlag] of [
        [row.current.value, j, c.display, c.suppressed],
        [row.previous.value, j.previous, c.previous_display, c.previous_suppressed],
      ] as const) {
        if (caseLevel(row.def.id) && row.def.unit === 'count' && small(v)) {
          checked++;
          expect(out, row.def.id).toMatchObject({ value: null, suppressed: true, display: '[c]' });
          expect([csvDisplay, csvFlag], row.def.id).toEqual(['[c]', 'yes']);
        }
        if (!caseLevel(row.def.id)) {
          expect(out.suppressed, row.def.id).toBe(false);
          expect(csvFlag).toBe('no');
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20);
    // Small figures from other returns are published: training events, context from other systems.
    expect(jsonRow('training.type.conference')).toMatchObject({ value: 1, suppressed: false });
    expect(jsonRow('context.private_fostering_referrals').previous).toMatchObject({ value: 1, suppressed: false });
  });

  it('never gives a value, a change or a comparator difference for a suppressed figure', () => {
    for (const j of json.indicators) {
      for (const v of [j, j.previous]) if (v.suppressed) expect(v.value, j.id).toBeNull();
      if (j.suppressed || j.previous.suppressed) {
        expect(j.change, j.id).toMatchObject({ absolute: null, percent: null, points: null, display: 'not published' });
        for (const c of j.comparators) expect(c.difference).toBeNull();
      }
    }
    expect(jsonRow('lado.outcome.unfounded-malicious').previous).toMatchObject({ value: 9, suppressed: false });
    const csv = csvRows.find((x) => x.id === 'lado.outcome.unfounded-malicious')!;
    expect([csv.value, csv.display, csv.change_absolute, csv.change_display]).toEqual(['', '[c]', '', 'not published']);
  });

  it('publishes no percentage or rate built on a suppressed count, as numerator or denominator', () => {
    // Which counts each rate is built from, where the count is itself published.
    const parts: Record<string, string[]> = {
      'cp.rate_per_10k': ['cp.plans_open_at_year_end'],
      'cp.second_or_subsequent_pct': ['cp.plans_started'],
      'cp.lasting_2y_plus_pct': ['cp.plans_ended'],
      'lado.concluded_within_1_month_pct': ['lado.referrals'],
      'cdop.notified_concluded_in_year_pct': ['cdop.concluded_notified_in_year', 'cdop.deaths_notified'],
    };
    for (const row of raw.rows.filter((r) => caseLevel(r.def.id) && isRate(r.def.id))) {
      const builtOnSmall = small(row.current.numerator) || small(row.current.denominator);
      const builtOnSuppressed = (parts[row.def.id] ?? []).some((id) => jsonRow(id).suppressed);
      if (builtOnSmall || builtOnSuppressed) expect(jsonRow(row.def.id).suppressed, row.def.id).toBe(true);
    }
    // The sample's child death percentage is 6 of 17, and the 6 had to be hidden to protect the 3 deferred.
    expect(jsonRow('cdop.concluded_notified_in_year').suppressed).toBe(true);
    expect(jsonRow('cdop.notified_concluded_in_year_pct')).toMatchObject({ value: null, suppressed: true, display: '[c]' });
  });
});

describe('published edition: the report', () => {
  it('prints no count from 1 to 5 in any table of case-level figures', () => {
    const caseTables = [...tables.values()].filter((t) => /^table-(lado|cp|cdop)/.test(t.id));
    expect(caseTables.length).toBeGreaterThanOrEqual(8);
    for (const t of caseTables) {
      for (const row of [...t.rows, ...t.totals]) {
        // An earlier year's figure from published-figures.csv is public as it stands (README, Publishing safely).
        if (t.id === 'table-lado-by-year' && /^\d{4}-\d{2}$/.test(row[0]!) && row[0]! < '2012-13') continue;
        for (const cell of row.slice(1)) {
          if (cell.endsWith('%')) continue;
          expect(small(printedNumber(cell)), `${t.id}: ${row.join(' | ')}`).toBe(false);
        }
      }
    }
  });

  it('shows [c] for every small count in the breakdown tables, in the row it belongs to', () => {
    for (const [id, family] of [
      ['table-lado-source', 'lado.source'],
      ['table-lado-nature', 'lado.nature'],
      ['table-lado-outcome', 'lado.outcome'],
      ['table-cp-categories', 'cp.category'],
    ] as const) {
      const shown = column(tableOf(tables, id));
      for (const [label, value] of familyLabels(family)) {
        if (small(value)) expect(shown.get(label), `${id}: ${label}`).toBe('[c]');
      }
    }
    const cdop = column(tableOf(tables, 'table-cdop'), 'Number');
    expect(cdop.get('Deferred for more information')).toBe('[c]');
    const timeliness = column(tableOf(tables, 'table-lado-timeliness'));
    expect(timeliness.get('Police enquiries only')).toBe('[c]');
  });

  it('in every list with a total, hides a second cell wherever it hides one, so none is total minus the rest', () => {
    const lists: [string, string, string?][] = [
      ['table-lado-source', 'Total'],
      ['table-lado-nature', 'Total'],
      ['table-lado-outcome', 'Total'],
      ['table-lado-work', 'Total', 'Referrals'],
      ['table-cp-categories', 'All plans'],
    ];
    let protectedLists = 0;
    for (const [id, totalLabel, col] of lists) {
      const t = tableOf(tables, id);
      const cells = column(t, col ?? '2012-13');
      const total = printedNumber(cells.get(totalLabel)!);
      const parts = [...cells].filter(([label]) => label !== totalLabel).map(([, v]) => v);
      const hidden = parts.filter((v) => v === '[c]').length;
      expect(hidden, `${id} hides exactly one cell`).not.toBe(1);
      if (hidden >= 2) {
        protectedLists++;
        // What a reader can work out is only the sum of the hidden cells, and that sum does not pin them down.
        const hiddenSum = total! - parts.filter((v) => v !== '[c]').reduce((a, v) => a + printedNumber(v)!, 0);
        expect(hiddenSum, id).toBeGreaterThan(hidden);
      }
    }
    expect(protectedLists).toBeGreaterThanOrEqual(4);
  });

  it('protects the lone 5 among the outcomes with a cell that no other table prints (not "outstanding")', () => {
    const outcome = column(tableOf(tables, 'table-lado-outcome'));
    const timeliness = column(tableOf(tables, 'table-lado-timeliness'));
    expect(familyLabels('lado.outcome').get('Unfounded - malicious')).toBe(5);
    expect([...familyLabels('lado.outcome').values()].filter(small)).toHaveLength(1);
    // Outstanding referrals are printed in the timeliness table: hiding them in the outcome table alone
    // (what per-table suppression did) would leave the 5 recoverable as 144 − the rest.
    const printedElsewhere = new Set(printedNumber(timeliness.get('Still outstanding at 31 March')!) !== null ? ['Outstanding'] : []);
    const hidden = [...outcome].filter(([label, v]) => v === '[c]' && !printedElsewhere.has(label));
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    // The same holds for concluded-within-a-month: 82.6% of 144, + 19 over a month, + outstanding = 144.
    expect(timeliness.get('Concluded within one month (%)')).toBe('82.6%');
  });

  it('protects nested breakdowns: the child deaths table', () => {
    const cdop = column(tableOf(tables, 'table-cdop'), 'Number');
    const n = (label: string) => cdop.get(label)!;
    // Considered at panel (9) = concluded + deferred: both hidden, so the 3 deferred cannot be worked out,
    // not even through "reviews concluded (13) = notified this year + notified earlier".
    expect([n('Review concluded'), n('Deferred for more information')]).toEqual(['[c]', '[c]']);
    expect(n('Considered at panel by 31 March')).toBe('9');
    const notifiedRows = tableOf(tables, 'table-cdop').rows.filter((r) => /^Deaths notified in \d{4}-\d{2}$/.test(r[0]!)).map((r) => r[1]);
    expect(notifiedRows.slice(1)).toEqual(['[c]', '[c]']);
    expect(n('Deaths notified in 2012-13 whose review concluded by 31 March')).toBe('[c]');
    const timeliness = column(tableOf(tables, 'table-lado-timeliness'));
    expect(['Police enquiries only', 'Disciplinary enquiries only', 'Both police and disciplinary enquiries'].filter((l) => timeliness.get(l) === '[c]')).toHaveLength(2);
  });

  it('explains [c]: under each table that shows it, in the essential information and on the contents page', () => {
    for (const t of tables.values()) {
      const shows = [...t.rows, ...t.totals].some((r) => r.includes('[c]'));
      expect(t.notes.some((n) => n.startsWith('[c]: not published')), t.id).toBe(shows);
    }
    const essential = /<section[^>]*aria-labelledby="section-essential-information"[\s\S]*?<\/section>/.exec(html)![0];
    expect(essential).toContain('Figures shown as [c]');
    expect(essential).toContain('a count from 1 to 5');
    expect(html).toMatch(/<p class="contents-symbols"><strong>Symbols\.<\/strong> \[c\]: not published/);
    expect(html).not.toContain('INTERNAL EDITION');
  });

  it('prints [c] for a suppressed live figure in the narrative, and "not published" for a change touching one', () => {
    expect(html).toContain('Few allegations concerned emotional abuse ([c]) or neglect ([c])');
    expect(html).toContain('Planted for the test: malicious [c], previously 9, change not published; referrals up 2 (1.4%).');
  });

  it('prints an earlier year\'s published small count as it stands: the public already has it', () => {
    const figure = /<figure class="chart" id="fig-chart-lado-by-year" aria-label="([^"]*)">([\s\S]*?)<\/figure>/.exec(html)!;
    expect(figure[1]).toMatch(/2007-08 3\b/);
    expect(figure[1]).not.toContain('[c]');
    const svg = figure[2]!;
    const group = (name: string) => new RegExp(`<g class="[^"]*\\b${name}\\b[^"]*"[^>]*>(.*?)</g>`).exec(svg)![1]!;
    expect([...group('bars_marks').matchAll(/<path [^>]*\/>/g)]).toHaveLength(6);
    expect([...group('values_marks').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['3', '66', '55', '112', '142', '144']);
    expect(column(tableOf(tables, 'table-lado-by-year'), 'Referrals received').get('2007-08')).toBe('3');
  });
});

describe('editions and their options', () => {
  it('internal edition: every figure as computed, marked, with -internal file names', async () => {
    const out = space.dir();
    const r = await runCli(['build', '2012-13', '--data', board, '--out', out, '--format', 'html', '--edition', 'internal']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('INTERNAL edition');
    const names = outputNames('internal');
    const page = readFileSync(path.join(out, names.html), 'utf8');
    const t = htmlTables(page);
    expect(column(tableOf(t, 'table-lado-outcome')).get('Unfounded - malicious')).toBe('5');
    expect(column(tableOf(t, 'table-cdop'), 'Number').get('Deferred for more information')).toBe('3');
    expect(page).not.toContain('[c]');
    expect(page).toMatch(/<title>[^<]*\(internal edition – not for publication\)<\/title>/);
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page).toMatch(/<aside class="edition-banner" aria-label="Edition"><p><strong>INTERNAL EDITION – NOT FOR PUBLICATION<\/strong>/);
    expect(page).toMatch(/@bottom-center \{ content: "INTERNAL EDITION/);
    const j = JSON.parse(readFileSync(path.join(out, names.json), 'utf8')) as IndicatorsFile;
    expect(j.edition).toBe('internal');
    expect(j.indicators.find((i) => i.id === 'lado.outcome.unfounded-malicious')).toMatchObject({ value: 5, suppressed: false });
    expect(readFileSync(path.join(out, names.csv), 'utf8')).not.toContain('[c]');
  });

  it('--suppress-threshold overrides board.yaml: 0 publishes everything, 2 hides only counts of 1 and 2 (and their protectors)', async () => {
    const out = space.dir();
    expect((await runCli(['build', '2012-13', '--data', board, '--out', out, '--format', 'html', '--suppress-threshold', '0'])).code).toBe(0);
    expect(readFileSync(path.join(out, outputNames().html), 'utf8')).not.toContain('[c]');
    const out2 = space.dir();
    expect((await runCli(['build', '2012-13', '--data', board, '--out', out2, '--format', 'html', '--suppress-threshold', '2'])).code).toBe(0);
    const j = JSON.parse(readFileSync(path.join(out2, outputNames().json), 'utf8')) as IndicatorsFile;
    expect(j.disclosure.threshold).toBe(2);
    expect(j.indicators.find((i) => i.id === 'lado.nature.neglect')).toMatchObject({ suppressed: true });
    expect(j.indicators.find((i) => i.id === 'lado.outcome.unfounded-malicious')).toMatchObject({ value: 5, suppressed: false });
  });

  it('refuses a bad edition or threshold as a usage error, writing nothing', async () => {
    const out = space.dir();
    for (const args of [['--edition', 'draft'], ['--suppress-threshold', 'five'], ['--edition', 'internal', '--suppress-threshold', '3']]) {
      const r = await runCli(['build', '2012-13', '--data', board, '--out', out, '--format', 'html', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect(readFileSync(path.join(board, 'board.yaml'), 'utf8')).toContain('suppress: true');
  });

  it('with board.yaml suppress: false (the sample), the published edition prints small counts and is not marked internal', async () => {
    const { indicators } = await loadSample();
    expect(indicators.rows.some((r) => caseLevel(r.def.id) && small(r.current.value))).toBe(true);
    const out = space.dir();
    const r = await runCli(['build', '2012-13', '--data', path.resolve('data-samples/calderdale'), '--out', out, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('board.yaml sets disclosure.suppress: false');
    const page = readFileSync(path.join(out, outputNames().html), 'utf8');
    expect(page).not.toContain('[c]');
    expect(page).not.toContain('INTERNAL EDITION');
    expect(isSuppressed(indicators.rows[0]!.current)).toBe(false);
  });
});

describeWithBrowser('published and internal PDFs (real browser)', () => {
  const pagesOf = (file: string) => Array.from({ length: Number(pdfInfo(file).Pages) }, (_, i) => squash(pageText(file, i + 1)));
  let published: { file: string; pages: string[]; html: string };
  let internal: { file: string; pages: string[]; html: string };

  beforeAll(async () => {
    const browser = testBrowserPath();
    const build = async (edition: 'published' | 'internal') => {
      const out = space.dir();
      const r = await runCli(['build', '2012-13', '--data', board, '--out', out, '--edition', edition, '--browser', browser], { env: { PATH: process.env.PATH } });
      if (r.code !== 0) throw new Error(`build failed (${r.code}): ${r.stderr}`);
      const file = path.join(out, outputNames(edition).pdf);
      return { file, pages: pagesOf(file), html: readFileSync(path.join(out, outputNames(edition).html), 'utf8') };
    };
    published = await build('published');
    internal = await build('internal');
  });

  it('marks every page of the internal edition, the cover included, and its title', () => {
    expect(internal.pages.length).toBeGreaterThan(40);
    internal.pages.forEach((text, i) => expect(text, `page ${i + 1}`).toContain('INTERNAL EDITION – NOT FOR PUBLICATION'));
    expect(pdfInfo(internal.file).Title).toContain('internal edition – not for publication');
  });

  it('shows the raw values in the internal edition and [c] in the published one', () => {
    const all = (p: string[]) => p.join('\n');
    expect(all(internal.pages)).toMatch(/Unfounded - malicious 5\b/);
    expect(all(internal.pages)).toMatch(/Deferred for more information 3\b/);
    expect(all(published.pages)).toMatch(/Unfounded - malicious \[c\]/);
    expect(all(published.pages)).toMatch(/Deferred for more information \[c\]/);
    expect(all(published.pages)).not.toContain('INTERNAL EDITION');
    expect(all(published.pages)).toContain('Symbols. [c]: not published');
    expect(pdfInfo(published.file).Title).toBe('Calderdale Safeguarding Children Board annual report 2012-13');
  });

  it('both editions pass axe-core: the [c] notes and the internal banner keep the report accessible', async () => {
    const browser = await puppeteer.launch({ executablePath: testBrowserPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
      for (const edition of [published, internal]) {
        const page = await browser.newPage();
        await page.setBypassCSP(true);
        await page.setContent(edition.html, { waitUntil: 'load' });
        await page.addScriptTag({ content: axe });
        const result = (await page.evaluate(async () => {
          const run = (globalThis as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe;
          return run.run(document, { resultTypes: ['violations'] });
        })) as { violations: { id: string; nodes: { target: string[] }[] }[] };
        expect(result.violations.map((v) => `${v.id} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});

// Catalogue sanity: the ids this test names exist (a renamed id would otherwise make checks vacuous).
it('names only indicators the catalogue has', () => {
  for (const id of ['lado.outcome.unfounded-malicious', 'cdop.notified_concluded_in_year_pct', 'training.type.conference', 'context.private_fostering_referrals']) {
    expect(indicatorDef(id), id).toBeDefined();
  }
});
