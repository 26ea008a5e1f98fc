/**
 * The case-reference scan reads the text a reader sees: references hidden by character references, markup,
 * Unicode dashes or invisible characters are still found, in the narrative as written and in the HTML the
 * narrative renders to; and a build with one in its narrative stops with a finding.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { findCaseRefs, type CaseRef } from '../../src/disclosure/case-refs.js';
import { readerText } from '../../src/disclosure/reader-text.js';
import { renderNarrative } from '../../src/report/narrative.js';
import { runCli } from '../cli/helpers.js';
import { BoardFiles } from '../corpus/board-files.js';

const ref = (r: string): CaseRef => ({ ref: r, file: '2012-13/lado-referrals.csv', row: 2, column: 'Referral ref' });

/** What a reader sees of a narrative: the scan runs on the rendered HTML, as the build does. */
function foundInNarrative(markdown: string, refs: CaseRef[]): string[] {
  const { html, after } = renderNarrative(markdown, { sectionNumber: 1 });
  return findCaseRefs(`${html}${after}`, refs).map((r) => r.ref);
}

describe('findCaseRefs reads what a reader sees', () => {
  it.each([
    ['C&#45;44333', 'C-44333'],
    ['CP&#x2d;0001', 'CP-0001'],
    ['L\u20110001', 'L-0001'],
    ['CP-00**02**', 'CP-0002'],
    ['CP-00<strong>02</strong>', 'CP-0002'],
    ['C\u200b-44333', 'C-44333'],
    ['CP\u00ad-0001', 'CP-0001'],
    ['\uff23\uff30-0001', 'CP-0001'],
    ['CP&hyphen;0001', 'CP-0001'],
    ['CP-0<!-- x -->001', 'CP-0001'],
  ])('finds %j as %s', (written, r) => {
    expect(findCaseRefs(`One case (${written}) took longest.`, [ref(r)]).map((x) => x.ref)).toEqual([r]);
  });

  it('does not find a reference a reader would not see, or a longer one', () => {
    expect(findCaseRefs('<p>CP-00011 and &amp;#45;</p>', [ref('CP-0001')])).toEqual([]);
    expect(readerText('a&amp;#45;b')).toBe('a&#45;b');
  });

  it.each([['C&#45;44333'], ['CP&#x2d;0001'], ['L\u20110001'], ['CP-00**02**'], ['`CP-0001`']])('finds %j in rendered narrative', (written) => {
    const r = readerText(written).replace(/_/g, '');
    expect(foundInNarrative(`One case (${written}) took longest.\n`, [ref(r)])).toEqual([r]);
  });

  it('finds a reference however markup, entities, dashes and invisible characters hide it (property search)', () => {
    const DASH = ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\ufe63', '\uff0d', '&#45;', '&#x2d;', '&#x2D;', '&hyphen;', '&dash;', '&minus;'];
    const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '&shy;', '&#8203;', '&zwnj;'];
    // Markdown emphasis as an author writes it (in a code span entities show as written, so it is not used); the HTML elements a renderer or template writes for it.
    const WRAP = [(s: string) => `**${s}**`, (s: string) => `*${s}*`, (s: string) => `~~${s}~~`];
    const HTML_WRAP = [(s: string) => `<strong>${s}</strong>`, (s: string) => `<span class="x">${s}</span>`, (s: string) => `<em>${s}</em><!-- -->`];
    const refArb = fc
      .tuple(fc.stringMatching(/^[A-Z]{1,3}$/), fc.stringMatching(/^[0-9]{3,6}$/))
      .map(([letters, digits]) => `${letters}-${digits}`);
    const charArb = (c: string) =>
      fc.oneof(
        fc.constant(c),
        fc.constant(`&#${c.codePointAt(0)};`),
        fc.constant(`&#x${c.codePointAt(0)!.toString(16)};`),
        fc.constantFrom(...INVISIBLE).map((inv) => `${inv}${c}`),
      );
    fc.assert(
      fc.property(
        refArb.chain((r) =>
          fc.tuple(
            fc.constant(r),
            fc.tuple(...[...r].map((c) => (c === '-' ? fc.constantFrom(...DASH) : charArb(c)))),
            fc.nat({ max: r.length - 1 }),
            fc.constantFrom(...WRAP),
            fc.constantFrom(...HTML_WRAP),
            fc.boolean(),
          ),
        ),
        fc.constantFrom('In one case ({}) the review took longest.', '- {} was escalated', '| Case | {} |\n|---|---|', '> See {}.', '# Case {}'),
        ([r, parts, split, wrap, htmlWrap, wrapped], context) => {
          // Wrap the tail of the reference (from a split point) in emphasis or an inline element.
          const head = parts.slice(0, split + 1).join('');
          const tail = parts.slice(split + 1).join('');
          const written = wrapped && tail ? `${head}${wrap(tail)}` : parts.join('');
          const markdown = `${context.replace('{}', written)}\n`;
          expect(foundInNarrative(markdown, [ref(r)])).toEqual([r]);
          expect(findCaseRefs(markdown, [ref(r)]).map((x) => x.ref)).toEqual([r]);
          const html = `<td>${head}${tail ? htmlWrap(tail) : ''}</td>`;
          expect(findCaseRefs(html, [ref(r)]).map((x) => x.ref)).toEqual([r]);
        },
      ),
      { numRuns: 2000, seed: 13 },
    );
  });
});

describe('a build whose narrative hides a case reference', () => {
  const BASE = fileURLToPath(new URL('../corpus/base/', import.meta.url));
  const work = mkdtempSync(path.join(tmpdir(), 'lscb-refs-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each([['L&#45;001'], ['L&#x2d;002'], ['L\u2011003'], ['L-00**1**']])('stops on %j with case-reference-in-output and writes nothing', async (written) => {
    const board = BoardFiles.fromDir(BASE);
    board.edit('2012-13/narrative/allegations.md', (t) => `${t}\nThe longest case (${written}) is described below.\n`);
    const dir = path.join(work, `b${written.length}${written.charCodeAt(3)}`);
    board.writeTo(dir);
    const out = path.join(work, `out-${path.basename(dir)}`);
    const r = await runCli(['build', '2012-13', '--data', dir, '--out', out, '--format', 'html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[case-reference-in-output]');
    expect(r.stderr).toContain('2012-13/narrative/allegations.md');
    let written_: string[] = [];
    try {
      written_ = readdirSync(out);
    } catch {
      written_ = [];
    }
    expect(written_).toEqual([]);
  });
});
