/** The bundled Calderdale sample board validates with no errors, every check running. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateYear } from '../../src/validate/validate-year.js';

const SAMPLE = fileURLToPath(new URL('../../data-samples/calderdale/', import.meta.url));

describe('data-samples/calderdale 2012-13', () => {
  it('has no errors', async () => {
    const { findings } = await validateYear(SAMPLE, '2012-13');
    const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.file} row ${f.row ?? '-'} ${f.column ?? ''} [${f.code}] ${f.message}`);
    expect(errors).toEqual([]);
  });
});
