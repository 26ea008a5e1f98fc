/** yamlScalar writes a value that reads back as itself after a key, whatever characters it holds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { yamlScalar } from '../../src/init/yaml-text.js';

describe('yamlScalar', () => {
  it('keeps a board name with a line break valid YAML that reads back unchanged', () => {
    const name = 'Example\nBoard: x';
    expect(parse(`board:\n  name: ${yamlScalar(name)}\n  area: A\n`)).toEqual({ board: { name, area: 'A' } });
  });

  it('round-trips any string after a key (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(parse(`board:\n  name: ${yamlScalar(s)}\n  area: A\n`)).toEqual({ board: { name: s, area: 'A' } });
      }),
      { numRuns: 500, seed: 13 },
    );
  });
});
