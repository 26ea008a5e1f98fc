/**
 * The catalogue's breakdowns of the LADO referrals and training events returns are declared in the form a
 * board's indicators.yaml uses, and computed by the same code as a board's formulas.
 */
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../src/indicators/catalogue.js';
import { resolveBoardIndicators, resolveRowFormula } from '../../src/indicators/board-indicators.js';
import { computeYear } from '../../src/indicators/compute.js';
import { makeBoard, makeYear, referral } from './fixtures.js';

const declared = INDICATORS.filter((d) => d.formula);

describe('built-in indicators declared as formulas', () => {
  it('cover the LADO referrals and every LADO source, sector, nature and outcome, and the training events, participants, kinds and e-learning completions', () => {
    expect([...new Set(declared.map((d) => d.breakdownOf))].filter(Boolean)).toEqual(['lado.source', 'lado.sector', 'lado.nature', 'lado.outcome', 'training.type']);
    expect(declared.filter((d) => !d.breakdownOf).map((d) => [d.id, d.formula])).toEqual([
      ['lado.referrals', { count: { return: 'lado-referrals.csv', column: 'Referral ref' } }],
      ['training.events', { count: { return: 'training-events.csv', column: 'Event ref' } }],
      ['training.participants', { sum: { return: 'training-events.csv', column: 'Participants' } }],
      ['training.elearning_completions', { sum: { return: 'elearning-completions.csv', column: 'Completions' } }],
    ]);
    expect(declared.find((d) => d.id === 'lado.source.childrens-services')!.formula).toEqual({ count: { return: 'lado-referrals.csv', column: 'Referral source', value: 'childrens-services' } });
  });

  it('each resolve, as a board declaration would, to its own return, column and code', () => {
    for (const d of declared) {
      const r = resolveRowFormula(d.formula as Parameters<typeof resolveRowFormula>[0]);
      expect('formula' in r, d.id).toBe(true);
      if ('formula' in r && r.formula.kind !== 'sum') expect(r.formula.code).toBe(d.breakdownCode ?? null);
    }
  });

  it('give the same figure as the same formula declared by a board', () => {
    const formula = INDICATORS.find((d) => d.id === 'lado.outcome.substantiated')!.formula!;
    const own = resolveBoardIndicators(
      [{ id: 'local.substantiated', title: 'Substantiated', unit: 'count', polarity: 'neither', definition: 'd', supplier: 's', comparators: [], formula }],
      () => undefined,
    );
    const board = { ...makeBoard(['2012-13']), ownIndicators: own.defs, formulas: own.formulas };
    const year = makeYear('2012-13', { ladoReferrals: [referral(), referral({ outcome: 'unsubstantiated' }), referral()] });
    const v = new Map(computeYear(board, year).map((x) => [x.id, x.value]));
    expect(v.get('lado.outcome.substantiated')).toBe(2);
    expect(v.get('local.substantiated')).toBe(2);
  });
});
