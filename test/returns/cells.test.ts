/** Cell parsers: each accepts what people really type and rejects the rest with a stable code. */
import { describe, expect, it } from 'vitest';
import {
  parseCount,
  parseDate,
  parseEnum,
  parseIndicatorId,
  parseMoney,
  parseNumber,
  parseRef,
  parseYesNo,
  type CellResult,
} from '../../src/returns/cells.js';
import { CP_CATEGORIES, LADO_SOURCES } from '../../src/returns/definitions.js';

/** The value, or the problem's code: one table per parser. */
const outcome = <T>(r: CellResult<T>): T | string => (r.ok ? r.value : `!${r.problem.code}`);

describe('parseDate', () => {
  it.each([
    ['2012-06-30', '2012-06-30'],
    ['30/06/2012', '2012-06-30'],
    ['1/4/2012', '2012-04-01'],
    ['2012-4-1', '2012-04-01'],
    [' 29/02/2012 ', '2012-02-29'],
    ['31/02/2013', '!date-impossible'],
    ['2013-02-29', '!date-impossible'],
    ['31/04/2012', '!date-impossible'],
    ['00/01/2012', '!date-impossible'],
    ['12/13/2012', '!date-impossible'],
    ['30/06/12', '!date-unreadable'],
    ['June 30 2012', '!date-unreadable'],
    ['2012/06/30', '!date-unreadable'],
    ['30-06-2012', '!date-unreadable'],
    ['01/01/1850', '!date-unreadable'],
  ])('%s → %s', (raw, expected) => {
    expect(outcome(parseDate(raw))).toBe(expected);
  });

  it('explains an impossible date in words and hints at the fix', () => {
    const r = parseDate('31/02/2013');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.message).toBe('"31/02/2013" is not a real date.');
      expect(r.problem.hint).toMatch(/day and month/);
    }
  });
});

describe('parseCount', () => {
  it.each([
    ['0', 0],
    ['12', 12],
    [' 7 ', 7],
    ['1,378', 1378],
    ['12,345,678', 12345678],
    ['5.0', 5],
    ['-1', '!negative-count'],
    ['4.5', '!fractional-count'],
    ['twelve', '!not-a-number'],
    ['12 people', '!not-a-number'],
    ['1,5000', '!not-a-number'],
    ['1e3', '!not-a-number'],
    ['99999999999999999999', '!not-a-number'],
  ])('%s → %s', (raw, expected) => {
    expect(outcome(parseCount(raw))).toBe(expected);
  });
});

describe('parseMoney', () => {
  it.each([
    ['138706', 13870600],
    ['£138,706', 13870600],
    ['£ 1,540.50', 154050],
    ['0.99', 99],
    ['421629.59', 42162959],
    ['0.1', 10],
    ['39%', '!unit-mismatch'],
    ['-45000', '!negative-amount'],
    ['-£45', '!negative-amount'],
    ['(1,500)', '!negative-amount'],
    ['(£1,500.00)', '!negative-amount'],
    ['5500.505', '!too-many-decimals'],
    ['TBC', '!not-a-number'],
    ['£', '!not-a-number'],
    ['2000000000000', '!not-a-number'],
  ])('%s → %s', (raw, expected) => {
    expect(outcome(parseMoney(raw))).toBe(expected);
  });
});

describe('parseNumber', () => {
  it.each([
    ['369.6', 369.6],
    ['1,212.53', 1212.53],
    ['19%', 19],
    ['-3', -3],
    ['about 340', '!not-a-number'],
    ['', '!not-a-number'],
  ])('%s → %s', (raw, expected) => {
    expect(outcome(parseNumber(raw))).toBe(expected);
  });
});

describe('parseYesNo', () => {
  it.each([
    ['yes', undefined, true],
    ['Y', undefined, true],
    ['x', undefined, true],
    ['TRUE', undefined, true],
    ['1', undefined, true],
    ['no', undefined, false],
    ['N', undefined, false],
    ['0', undefined, false],
    ['', 'no' as const, false],
    ['maybe', undefined, '!value-not-allowed'],
    ['', undefined, '!value-not-allowed'],
  ])('%s (blank means %s) → %s', (raw, blankMeans, expected) => {
    expect(outcome(parseYesNo(raw, blankMeans))).toBe(expected);
  });
});

describe('parseEnum', () => {
  it.each([
    ['neglect', 'neglect'],
    ['NEGLECT', 'neglect'],
    ['Physical abuse', 'physical'],
    [' multiple ', 'multiple'],
    ['Multiple categories', 'multiple'],
  ])('%s → %s', (raw, expected) => {
    expect(outcome(parseEnum(raw, CP_CATEGORIES))).toBe(expected);
  });

  it('accepts spaces and underscores for hyphens', () => {
    expect(outcome(parseEnum('voluntary sector', LADO_SOURCES))).toBe('voluntary-sector');
    expect(outcome(parseEnum('higher_education', LADO_SOURCES))).toBe('higher-education');
  });

  it('suggests the closest allowed code and lists them all', () => {
    const r = parseEnum('neglet', CP_CATEGORIES);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.code).toBe('value-not-allowed');
      expect(r.problem.hint).toBe('Did you mean "neglect"? Allowed: neglect, physical, emotional, sexual, multiple.');
    }
  });
});

describe('parseRef', () => {
  it.each([
    ['CP-0001', 'CP-0001'],
    ['C_1042/a.1', 'C_1042/a.1'],
    ['John Smith', '!ref-invalid'],
    ['-CP1', '!ref-invalid'],
    ['A'.repeat(41), '!ref-invalid'],
  ])('%s → %s', (raw, expected) => {
    expect(outcome(parseRef(raw))).toBe(expected);
  });
});

describe('parseIndicatorId', () => {
  it.each([
    ['cp.plans_open_at_year_end', 'cp.plans_open_at_year_end'],
    ['lado.outcome.unfounded-false', 'lado.outcome.unfounded-false'],
    ['plans open', '!indicator-id-invalid'],
    ['CP.Rate', '!indicator-id-invalid'],
  ])('%s → %s', (raw, expected) => {
    expect(outcome(parseIndicatorId(raw))).toBe(expected);
  });
});
