/**
 * No personal data out: the sample is built in full (HTML, PDF printed by a real browser, JSON, CSV) and
 * no case reference from any case-level return (plan, child, referral or case ref) may appear in any of
 * them, nor in the PDF's metadata. The references are read straight from the CSV files with csv-parse,
 * not through the tool's loader, and the scan is shown to catch a planted reference, so the test cannot
 * pass by reading nothing or by looking in the wrong way. Training event refs (T-001 …) name training
 * sessions, not people or cases, and are not checked.
 *
 * Without a browser this suite is skipped locally and FAILS in CI (CI=true): see test/pdf/support.ts.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/pdf/browser-session.js';
import { runCli } from '../cli/helpers.js';
import { describeWithBrowser, pageText, pdfInfo, savePdf, testBrowserPath } from '../pdf/support.js';
import { SAMPLE_DIR } from '../report/sample.js';
import { editFile, outputNames, scratchSpace } from './support.js';

/** The reference columns of the case-level returns, by file. */
const REF_COLUMNS: Record<string, string[]> = {
  'child-protection-plans.csv': ['Plan ref', 'Child ref'],
  'lado-referrals.csv': ['Referral ref'],
  'cdop-cases.csv': ['Case ref'],
};

/** Every case reference in a board folder's year folders: ref → where it was read. */
function readCaseRefs(boardDir: string): Map<string, string> {
  const refs = new Map<string, string>();
  for (const year of readdirSync(boardDir).filter((d) => /^\d{4}-\d{2}$/.test(d))) {
    for (const [file, columns] of Object.entries(REF_COLUMNS)) {
      const full = path.join(boardDir, year, file);
      if (!existsSync(full)) continue;
      const records = parse(readFileSync(full, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
      for (const r of records) {
        for (const c of columns) {
          const ref = r[c]?.trim();
          if (ref) refs.set(ref, `${year}/${file} ${c}`);
        }
      }
    }
  }
  return refs;
}

/**
 * The references that occur in `text`. Text from a PDF may write a hyphen as U+2010/U+2011 or a minus,
 * and may break a line inside a reference, so the text is also searched with those undone.
 */
function refsIn(text: string, refs: ReadonlyMap<string, string>): string[] {
  const normal = text.normalize('NFKC').replace(/\u00ad/g, '').replace(/[\u2010-\u2015\u2212]/g, '-');
  const joined = normal.replace(/\s+/g, '');
  const found: string[] = [];
  for (const ref of refs.keys()) {
    let hit = false;
    for (let at = normal.indexOf(ref); at >= 0 && !hit; at = normal.indexOf(ref, at + 1)) {
      hit = !/[A-Za-z0-9]/.test(normal[at - 1] ?? '') && !/[A-Za-z0-9]/.test(normal[at + ref.length] ?? '');
    }
    if (hit || joined.includes(ref)) found.push(ref);
  }
  return found;
}

const space = scratchSpace();
afterAll(() => space.cleanup());

let refs: Map<string, string>;
beforeAll(() => {
  refs = readCaseRefs(SAMPLE_DIR);
});

describe('the case references read from the sample', () => {
  it('are many, from every case-level return, so a clean scan means something', () => {
    expect(refs.size).toBeGreaterThan(500);
    const sources = new Set([...refs.values()].map((w) => w.replace(/^\d{4}-\d{2}\//, '')));
    expect([...sources].sort()).toEqual([
      'cdop-cases.csv Case ref',
      'child-protection-plans.csv Child ref',
      'child-protection-plans.csv Plan ref',
      'lado-referrals.csv Referral ref',
    ]);
  });

  it('would be caught by the scan if one were there, however it is written', () => {
    const [plan, child] = [...refs.keys()].filter((r) => /^(CP|C)-/.test(r));
    expect(plan).toBeDefined();
    expect(refsIn(`Plan ${plan!} was reviewed.`, refs)).toEqual([plan]);
    expect(refsIn(`<td>${child!}</td>`, refs)).toEqual([child]);
    expect(refsIn(`"source":"${plan!}"`, refs)).toEqual([plan]);
    expect(refsIn(`Plan ${plan!.replace('-', '\u2010')} (a PDF hyphen)`, refs)).toEqual([plan]);
    expect(refsIn(`Plan ${plan!.slice(0, 4)}\n${plan!.slice(4)} (broken over a line)`, refs)).toEqual([plan]);
    expect(refsIn('Nothing here: 2012-13, 144 referrals, CP-plans.', refs)).toEqual([]);
  });
});

describe('a build with a case reference in its narrative', () => {
  it('stops before writing anything, naming the file but not repeating the reference', async () => {
    const board = space.board();
    const ref = [...refs.keys()].find((r) => r.startsWith('L-'))!;
    editFile(path.join(board, '2012-13', 'narrative', 'allegations.md'), (t) => `${t}\nOne case (${ref}) took longest.\n`);
    const out = space.dir();
    const r = await runCli(['build', '2012-13', '--data', board, '--out', out, '--format', 'html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[case-reference-in-output]');
    expect(r.stderr).toContain('2012-13/narrative/allegations.md');
    expect(r.stderr).toContain('a case reference would be published');
    expect(r.stderr).not.toContain(ref);
    expect(readdirSync(out)).toEqual([]);
  });
});

describeWithBrowser('no case reference in anything the sample build writes (real browser)', () => {
  let out: string;
  let outputs: { name: string; text: string }[];

  beforeAll(async () => {
    const browser = testBrowserPath();
    out = space.dir();
    const r = await runCli(['build', '2012-13', '--data', SAMPLE_DIR, '--out', out, '--browser', browser], { env: { PATH: process.env.PATH } });
    if (r.code !== 0) throw new Error(`build failed (${r.code}): ${r.stderr}`);
    const internal = space.dir();
    const ri = await runCli(['build', '2012-13', '--data', SAMPLE_DIR, '--out', internal, '--format', 'html', '--edition', 'internal']);
    if (ri.code !== 0) throw new Error(`internal build failed (${ri.code}): ${ri.stderr}`);
    const names = outputNames();
    const pdf = path.join(out, names.pdf);
    const pages = Number(pdfInfo(pdf).Pages);
    outputs = [
      ...[names.html, names.json, names.csv].map((n) => ({ name: n, text: readFileSync(path.join(out, n), 'utf8') })),
      ...Array.from({ length: pages }, (_, i) => ({ name: `${names.pdf} page ${i + 1}`, text: pageText(pdf, i + 1) })),
      { name: `${names.pdf} metadata`, text: Object.values(pdfInfo(pdf)).join('\n') },
      ...Object.values(outputNames('internal'))
        .filter((n) => !n.endsWith('.pdf'))
        .map((n) => ({ name: n, text: readFileSync(path.join(internal, n), 'utf8') })),
    ];
  });

  it('reads every output, each with real content', () => {
    expect(readdirSync(out).sort()).toEqual(Object.values(outputNames()).sort());
    expect(outputs.length).toBeGreaterThan(40);
    for (const o of outputs) expect(o.text.length, o.name).toBeGreaterThan(o.name.endsWith('metadata') ? 100 : 20);
    // The PDF text is the report: it has the figures the references were counted into.
    expect(outputs.filter((o) => o.name.includes('page')).map((o) => o.text).join(' ')).toMatch(/144/);
  });

  it('finds no case reference in the HTML, the PDF text and metadata, the JSON or the CSV', () => {
    const leaks = outputs.flatMap((o) => refsIn(o.text, refs).map((ref) => `${o.name}: ${ref} (${refs.get(ref)})`));
    expect(leaks).toEqual([]);
  });

  it('the same PDF text scan finds a reference that the browser has printed, even broken over a line', async () => {
    const [plan, child] = [...refs.keys()].filter((r) => /^(CP|C)-/.test(r));
    const session = await BrowserSession.launch(testBrowserPath());
    try {
      const html = `<!DOCTYPE html><html lang="en"><head><title>Planted</title></head><body><p>Plan ${plan} for child</p><p style="width:2.2em;word-break:break-all">${child}</p></body></html>`;
      const pdf = await session.printPdf(html, { title: 'Planted', author: 'test', date: new Date(Date.UTC(2013, 7, 29)) });
      const file = savePdf(space.dir(), 'planted.pdf', pdf);
      expect(refsIn(pageText(file, 1), refs).sort()).toEqual([plan, child].sort());
    } finally {
      await session.close();
    }
  });
});

// Keep the fixture honest: writing a file the scan reads must not be what makes it pass.
it('reads references from files, not from a list in this test', () => {
  const board = space.board();
  writeFileSync(path.join(board, '2012-13', 'cdop-cases.csv'), 'Case ref,Date notified\nZZ-9999,2012-05-01\n');
  const fromCopy = readCaseRefs(board);
  expect(fromCopy.has('ZZ-9999')).toBe(true);
  expect(fromCopy.has([...refs.keys()].find((r) => r.startsWith('D-'))!)).toBe(false);
});
