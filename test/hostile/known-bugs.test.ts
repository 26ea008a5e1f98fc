/**
 * Bugs the hostile-input properties found, each as its smallest reproduction, kept as regression tests now
 * that they are fixed. A newly found bug goes here as `it.fails` until it is fixed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNarrativeExpressions } from '../../src/validate/checks/narrative-figures.js';
import { personalIdentifierIn } from '../../src/validate/checks/personal-data-values.js';
import { BoardSandbox } from './support/board-sandbox.js';
import { YAML_TOJS_CRASHERS } from './support/mutations.js';
import { BASE_BOARD_DIR, YEAR, expectFindingsJson, expectNoCrash, runCliInProcess } from './support/run-property.js';
import { validateBoard } from './support/validate-property.js';

const utf8 = new TextEncoder();

describe('known bugs (each fails until fixed)', () => {
  let sandbox: BoardSandbox;
  beforeAll(() => {
    sandbox = BoardSandbox.create(BASE_BOARD_DIR, 'lscb-hostile-bugs-');
  });
  afterAll(() => sandbox.remove());

  // src/load/load-board.ts loadYaml: parseDocument() reports no error, then doc.toJS() throws a
  // ReferenceError ("Excessive alias count indicates a resource exhaustion attack", "Unresolved alias (the
  // anchor must be set before the alias): nothing"), which nothing catches.
  for (const file of ['board.yaml', '2012-13/recommendations.yaml']) {
    for (const { what, text } of YAML_TOJS_CRASHERS) {
      it(`${what} in ${file} is a finding, not an internal error (exit 70)`, async () => {
        sandbox.apply([{ op: 'write', file, bytes: utf8.encode(text) }]);
        try {
          const outcome = await validateBoard(sandbox.dir);
          expectNoCrash(outcome, [1], `${what} in ${file}`);
          expectFindingsJson(outcome, `${what} in ${file}`);
        } finally {
          sandbox.restore();
        }
      });
    }
  }

  // src/report/narrative.ts renders narrative Markdown with marked, which recurses once per blockquote
  // level: "> " repeated 3,000 times (6 KB) throws "RangeError: Maximum call stack size exceeded", which
  // nothing catches. `validate` passes the board; `build` ends in an internal error.
  it('a narrative of blockquotes nested 3,000 deep is an error finding, not an internal error (exit 70)', async () => {
    sandbox.apply([{ op: 'write', file: `${YEAR}/narrative/foreword.md`, bytes: utf8.encode('> '.repeat(3_000)) }]);
    const out = `${sandbox.dir}-out`;
    try {
      const outcome = await runCliInProcess(['build', YEAR, '--data', sandbox.dir, '--out', out, '--format', 'html']);
      expectNoCrash(outcome, [1], 'narrative of 3,000 nested blockquotes');
    } finally {
      sandbox.restore();
    }
  });

  // src/validate/checks/personal-data-values.ts: /[^\s@]+@[^\s@]+\.[a-z]{2,}/i backtracks over the whole
  // run from every start position, so a long word in a free-text cell costs the square of its length
  // (20,000 characters: about 1 s; 100,000: about 40 s in `validate`).
  it('checking a 20,000-character free-text cell for e-mail addresses takes linear time', () => {
    const startedAt = performance.now();
    expect(personalIdentifierIn('x'.repeat(20_000))).toBeNull();
    expect(performance.now() - startedAt).toBeLessThan(100);
  });

  // src/validate/checks/narrative-figures.ts findNarrativeExpressions: `markdown.slice(0, i).split('\n')`
  // for every expression counts lines from the start of the file each time (10,000 lines: about 3 s;
  // 20,000: about 14 s).
  it('finding the live figures in 8,000 narrative lines takes linear time', () => {
    const startedAt = performance.now();
    expect(findNarrativeExpressions('{{value "lado.referrals"}}\n'.repeat(8_000))).toHaveLength(8_000);
    expect(performance.now() - startedAt).toBeLessThan(250);
  });
});
