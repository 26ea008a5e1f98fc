/**
 * Issue 15: the statutory guidance catalogue and check, working days with England and Wales bank holidays,
 * practice-review timeliness, and the partnership sample.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isWorkingDay, nonWorkingReason, workingDaysBetween } from '../../src/calendar/working-days.js';
import { KNOWN_SECTIONS, PARTNERSHIP_SECTIONS } from '../../src/config/sections.js';
import { catalogue, GUIDANCE_DIR, readCatalogue } from '../../src/guidance/catalogue.js';
import { evaluateGuidance } from '../../src/guidance/evaluate.js';
import { summarisePracticeReviews } from '../../src/guidance/practice-reviews.js';
import { guidanceStatement } from '../../src/guidance/statement.js';
import { loadBoard, loadYear } from '../../src/load/load-board.js';
import { parseYear } from '../../src/returns/year.js';
import { validateYear } from '../../src/validate/validate-year.js';
import { runCli } from '../cli/helpers.js';

const CALDERDALE = path.resolve('data-samples/calderdale');
const PARTNERSHIP = path.resolve('data-samples/pennine-vale-partnership');
const work = mkdtempSync(path.join(tmpdir(), 'lscb-guidance-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of Calderdale with board.yaml edited. */
function calderdaleWith(edit: (yaml: string) => string): string {
  const dir = mkdtempSync(path.join(work, 'cald-'));
  cpSync(CALDERDALE, dir, { recursive: true });
  const file = path.join(dir, 'board.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

describe('working days in England and Wales', () => {
  it('skips Christmas Day, Boxing Day and New Year’s Day', () => {
    // Thursday 21 December 2023 to Friday 29 December: 22, 27, 28, 29 (25 and 26 are bank holidays).
    expect(workingDaysBetween('2023-12-21', '2023-12-29')).toBe(4);
    expect(workingDaysBetween('2023-12-29', '2024-01-02')).toBe(1);
  });

  it('skips Good Friday and Easter Monday', () => {
    // Friday 22 March 2024 to Tuesday 16 April: 17 weekdays, less 29 March and 1 April.
    expect(workingDaysBetween('2024-03-22', '2024-04-16')).toBe(15);
    expect(workingDaysBetween('2024-03-28', '2024-04-02')).toBe(1);
  });

  it('skips substitute days when Christmas falls at a weekend', () => {
    // 2021: Christmas on Saturday, Boxing Day on Sunday, so Monday 27 and Tuesday 28 are bank holidays.
    expect(workingDaysBetween('2021-12-24', '2021-12-29')).toBe(1);
    expect(nonWorkingReason('2021-12-27')).toMatch(/substitute/i);
  });

  it('names why a day is not a working day, and counts backwards as negative', () => {
    expect(nonWorkingReason('2023-12-30')).toBe('Saturday');
    expect(nonWorkingReason('2023-12-31')).toBe('Sunday');
    expect(nonWorkingReason('2024-03-29')).toBe('Good Friday');
    expect(isWorkingDay('2024-04-02')).toBe(true);
    expect(workingDaysBetween('2023-12-29', '2023-12-21')).toBe(-4);
    expect(workingDaysBetween('2023-05-10', '2023-05-10')).toBe(0);
  });
});

describe('the guidance catalogue', () => {
  const editions = catalogue();

  it('holds the five editions, boards then partnerships', () => {
    expect([...editions.keys()]).toEqual(['wt2010', 'wt2013', 'wt2015', 'wt2018', 'wt2023']);
    expect([...editions.values()].map((e) => e.kind)).toEqual(['board', 'board', 'board', 'partnership', 'partnership']);
  });

  it('gives every requirement an id, its wording, a reference and evidence, with ids unique across editions', () => {
    const seen = new Set<string>();
    for (const e of editions.values()) {
      for (const r of e.requirements) {
        expect(r.id.startsWith(`${e.edition}.`), r.id).toBe(true);
        expect(seen.has(r.id), r.id).toBe(false);
        seen.add(r.id);
        expect(r.text.length, r.id).toBeGreaterThan(20);
        expect(r.reference, r.id).toMatch(/^(Chapter \d+|Children Act)/);
        const ev = r.evidence;
        expect(ev.sections.length + ev.returns.length + (ev.recipients ? 1 : 0), `${r.id} has no evidence`).toBeGreaterThan(0);
      }
    }
  });

  it('marks every reference it could not confirm, and cites a listed source for every confirmed one', () => {
    for (const e of editions.values()) {
      for (const r of e.requirements) {
        expect(r.confirmed === false, `${r.id}: ${r.reference}`).toBe(/not confirmed/.test(r.reference));
        if (r.confirmed) {
          expect(r.source, `${r.id} is confirmed without a source`).toBeDefined();
          expect(r.reference, r.id).toMatch(/paragraph \d+/);
        }
        if (r.source !== undefined) expect(e.sources.some((s) => s.includes(r.source!)), `${r.id}: ${r.source}`).toBe(true);
      }
    }
    const confirmed = [...editions.values()].flatMap((e) => e.requirements.filter((r) => r.confirmed).map((r) => `${r.id}: ${r.reference}`));
    expect(confirmed).toEqual(['wt2015.publish: Chapter 3, paragraph 16', 'wt2015.recipients: Chapter 3, paragraph 16']);
    expect(editions.get('wt2015')!.requirements.find((r) => r.id === 'wt2015.recipients')!.source).toBe('Calderdale Health and Wellbeing Board cover report');
  });

  it('refuses a catalogue file whose confirmed requirement cites no source, or a source the file does not list', () => {
    const dir = mkdtempSync(path.join(work, 'cat-'));
    const base = readFileSync(path.join(GUIDANCE_DIR, 'wt2015.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'wt2015.yaml'), base.replace('    source: Calderdale Health and Wellbeing Board cover report\n', ''));
    expect(() => readCatalogue(dir)).toThrow(/wt2015.publish is confirmed but names no source/);
    writeFileSync(path.join(dir, 'wt2015.yaml'), base.replace('source: Calderdale Health and Wellbeing Board cover report', 'source: a page nobody read'));
    expect(() => readCatalogue(dir)).toThrow(/cites "a page nobody read"/);
  });

  it('lists the partnership requirements the 2018 and 2023 guidance add to the yearly report', () => {
    for (const ed of ['wt2018', 'wt2023']) {
      const ids = editions.get(ed)!.requirements.map((r) => r.id.replace(`${ed}.`, ''));
      expect(ids).toEqual(['publish', 'impact', 'training-impact', 'little-progress', 'reviews', 'feedback', 'recipients']);
      expect(editions.get(ed)!.recipients.map((r) => [r.id, r.within, r.confirmed])).toEqual([
        ['national-panel', 'within 7 days of publication', false],
        ['what-works-centre', 'within 7 days of publication', false],
      ]);
    }
  });

  it('names only sections the tool knows as evidence, and the partnership defaults are known sections', () => {
    const known = new Set(KNOWN_SECTIONS.map((s) => s.id));
    for (const e of editions.values()) for (const r of e.requirements) for (const s of r.evidence.sections) expect(known.has(s), `${r.id}: ${s}`).toBe(true);
    for (const s of PARTNERSHIP_SECTIONS) expect(known.has(s), s).toBe(true);
  });
});

describe('the guidance check', () => {
  it('finds the Calderdale 2012-13 report meets every requirement of Working Together 2010', async () => {
    const { board, data, findings } = await validateYear(CALDERDALE, '2012-13');
    expect(findings.filter((f) => f.code === 'guidance-requirement-unmet')).toEqual([]);
    const result = evaluateGuidance(board, data)!;
    expect(result.edition.edition).toBe('wt2010');
    expect(result.results.map((r) => [r.requirement.id, r.met])).toEqual([
      ['wt2010.publish', true],
      ['wt2010.assessment', true],
      ['wt2010.reviews', true],
      ['wt2010.resources', true],
      ['wt2010.recipients', true],
    ]);
    expect(result.results.find((r) => r.requirement.id === 'wt2010.reviews')!.metIn.map((s) => s.id)).toEqual(['case-reviews']);
  });

  it('warns about each unmet requirement with its reference and what would meet it', async () => {
    const dir = calderdaleWith((y) => y.replace('      sentTo: [childrens-trust-board]\n', '').replace(/^ {2}- case-reviews\n/m, ''));
    const { findings } = await validateYear(dir, '2012-13');
    const unmet = findings.filter((f) => f.code === 'guidance-requirement-unmet');
    expect(unmet.map((f) => f.value)).toEqual(['wt2010.reviews', 'wt2010.recipients']);
    expect(unmet[0]!.message).toContain('(paragraph not confirmed)');
    expect(unmet[0]!.hint).toContain('"Case review function" (case-reviews)');
    expect(unmet[1]!.hint).toContain('sentTo');
    expect(unmet.every((f) => f.severity === 'warning' && f.file === 'board.yaml')).toBe(true);
  });

  it('counts a board’s own section mapped to a requirement, and prints a recorded reason instead of warning', async () => {
    const dir = calderdaleWith((y) =>
      y
        .replace(/^ {2}- case-reviews\n/m, '')
        .replace('      sentTo: [childrens-trust-board]\n', '')
        .replace('  edition: wt2010\n', '  edition: wt2010\n  sections:\n    appendix-cse: [wt2010.reviews]\n  unmet:\n    wt2010.recipients: The children’s trust board had been stood down.\n'),
    );
    const { board, data, findings } = await validateYear(dir, '2012-13');
    expect(findings.filter((f) => f.code === 'guidance-requirement-unmet')).toEqual([]);
    const sections = board.sections.map((s) => ({ id: s.id, anchor: `section-${s.id}`, label: '', title: s.title }));
    const statement = guidanceStatement(board, data, sections)!;
    expect(statement.metCount).toBe(4);
    expect(statement.rows.find((r) => r.id === 'wt2010.reviews')!.links.map((l) => l.id)).toEqual(['appendix-cse']);
    expect(statement.rows.find((r) => r.id === 'wt2010.recipients')).toMatchObject({ met: false, reason: 'The children’s trust board had been stood down.' });
  });

  it('refuses a partnership edition for a board, on its line', async () => {
    const dir = calderdaleWith((y) => y.replace('  edition: wt2010\n', '  edition: wt2023\n'));
    const board = await loadBoard(dir);
    const f = board.findings.find((x) => x.code === 'config-invalid')!;
    expect(f).toMatchObject({ file: 'board.yaml', column: 'guidance.edition' });
    expect(f.row).toBe(readFileSync(path.join(dir, 'board.yaml'), 'utf8').split('\n').indexOf('  edition: wt2023') + 1);
    expect(f.message).toContain('safeguarding partnership');
  });
});

describe('the partnership sample and practice-review timeliness', () => {
  it('counts notifications and rapid reviews in working days across Christmas and Easter', async () => {
    const board = await loadBoard(PARTNERSHIP);
    const data = await loadYear(board, '2023-24');
    const rows = data.returns.practiceReviews!;
    const s = summarisePracticeReviews(rows, parseYear('2023-24')!);
    // SI-04 crosses Christmas, SI-06 Easter: both in time only because bank holidays do not count.
    expect(s).toMatchObject({ notified: 6, notifiedInTime: 5, rapidReviews: 5, rapidReviewsInTime: 4, rapidReviewsOutstanding: 1, reviewsCommissioned: 2, reviewsPublished: 1 });
    expect(Object.fromEntries(s.decisions)).toEqual({ 'local-review': 2, 'no-local-review': 2, pending: 1, 'national-review': 1 });
    // Counting calendar weekdays only would make the Christmas notification and the Easter rapid review late.
    const christmas = rows.find((r) => r.incidentRef === 'SI-04')!;
    expect(workingDaysBetween(christmas.dateAware!, christmas.dateNotified)).toBe(4);
    const easter = rows.find((r) => r.incidentRef === 'SI-06')!;
    expect(workingDaysBetween(easter.dateAware!, easter.rapidReviewDate!)).toBe(15);
  });

  it('validates with no errors and builds as a partnership yearly report', async () => {
    const { findings } = await validateYear(PARTNERSHIP, '2023-24');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => f.code === 'guidance-requirement-unmet' || f.code.startsWith('practice-review'))).toEqual([]);
    const out = path.join(work, 'pv');
    const r = await runCli(['build', '2023-24', '--data', PARTNERSHIP, '--out', out, '--format', 'html']);
    expect(r.code).toBe(0);
    const html = readFileSync(path.join(out, 'pennine-vale-safeguarding-children-partnership-annual-report-2023-24.html'), 'utf8');
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Notified within 5 working days 5 83.3%');
    expect(text).toContain('Completed within 15 working days 4 80.0%');
    expect(text).toContain('How this report meets the statutory guidance');
    expect(text).toContain('7 of its 7 requirements are met');
    // The three statutory partners and the relevant agencies, as board.yaml names them, in the arrangements section.
    expect(text).toContain('The safeguarding partners Local authority: Pennine Vale Council Police: Pennine Vale Police Health: Pennine Vale Integrated Care Board');
    expect(text).toContain('Relevant agencies Schools and colleges in Pennine Vale');
    expect(html).not.toMatch(/SI-0\d/); // incident references never reach the report
  });
});

describe('the cover paper’s recipients', () => {
  it('names the recipients of the board’s edition and whether each was sent the report', async () => {
    const { coverRecipients } = await import('../../src/cover/recipients.js');
    const calderdale = await loadBoard(CALDERDALE);
    expect(coverRecipients(calderdale, '2012-13')).toMatchObject({ items: [{ title: "Chair of the Children's Trust Board", sent: true }], unconfirmed: true });
    // Under Working Together 2015 a board's report goes to four named recipients (chapter 3, paragraph 16).
    const dir = calderdaleWith((y) => y.replace('  edition: wt2010\n', '  edition: wt2015\n').replace('sentTo: [childrens-trust-board]', 'sentTo: [chief-executive, hwb-chair]'));
    const r2015 = coverRecipients(await loadBoard(dir), '2012-13')!;
    expect(r2015.source).toBe('Working Together to Safeguard Children (2015), Chapter 3, paragraph 16');
    expect(r2015.items.map((i) => [i.title, i.sent])).toEqual([
      ['Chief Executive of the council', true],
      ['Leader of the Council', false],
      ['Police and Crime Commissioner', false],
      ['Chair of the Health and Wellbeing Board', true],
    ]);
    expect(r2015.unconfirmed).toBe(false);
    // A partnership sends its report to the national panel and the What Works centre, within a time limit.
    const partnership = coverRecipients(await loadBoard(PARTNERSHIP), '2023-24')!;
    expect(partnership.items.map((i) => [i.title, i.within, i.sent])).toEqual([
      ['Child Safeguarding Practice Review Panel', 'within 7 days of publication', true],
      ["What Works Centre for Children's Social Care (now part of Foundations)", 'within 7 days of publication', true],
    ]);
  });
});
