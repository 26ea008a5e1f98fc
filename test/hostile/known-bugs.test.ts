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
/**
 * The linear-time tests assert no duration: their inputs are sized so that the old quadratic code could not
 * finish within this safety net even on a fast machine, while the linear code finishes in milliseconds
 * even on a loaded one (a ratio of more than a thousand either way).
 */
const LINEAR_SAFETY_NET_MS = 120_000;

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

  // src/validate/checks/personal-data-values.ts: /[^\s@]+@[^\s@]+\.[a-z]{2,}/i backtracked over the whole
  // run from every start position, so a long word in a free-text cell cost the square of its length
  // (20,000 characters: about 1 s; 100,000: about 40 s in `validate`). No clock here: the input is big
  // enough that the quadratic version would need about 10 minutes (400,000 characters), far beyond this
  // test's generous safety net; the linear one needs milliseconds, however busy the machine.
  it('checking a 400,000-character free-text cell for e-mail addresses takes linear time', () => {
    expect(personalIdentifierIn('x'.repeat(400_000))).toBeNull();
    expect(personalIdentifierIn(`${'x'.repeat(400_000)}@example.org`)).not.toBeNull();
  }, LINEAR_SAFETY_NET_MS);

  // src/validate/checks/narrative-figures.ts findNarrativeExpressions: `markdown.slice(0, i).split('\n')`
  // for every expression counted lines from the start of the file each time (10,000 lines: about 3 s;
  // 20,000: about 14 s). At 100,000 lines the quadratic version would need about 6 minutes.
  it('finding the live figures in 100,000 narrative lines takes linear time', () => {
    const found = findNarrativeExpressions('{{value "lado.referrals"}}\n'.repeat(100_000));
    expect(found).toHaveLength(100_000);
    expect(found[99_999]!.line).toBe(100_000);
  }, LINEAR_SAFETY_NET_MS);
});
