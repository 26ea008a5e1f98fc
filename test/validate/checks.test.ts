/** The business-rule checks: the registry, edge cases of each rule, and the finding-code list. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BoardData, YearData } from '../../src/load/load-board.js';
import type { ReturnId } from '../../src/returns/definitions.js';
import { parseYear } from '../../src/returns/year.js';
import type { Check } from '../../src/validate/check.js';
import { CHECKS } from '../../src/validate/checks/index.js';
import { FINDING_CODES, findingCodeInfo } from '../../src/validate/checks/finding-codes.js';
import { datesInYear } from '../../src/validate/checks/dates-in-year.js';
import { cdopStatus } from '../../src/validate/checks/cdop-status.js';
import { trainingTotals } from '../../src/validate/checks/training-totals.js';
import { elearningTotal, isElearningTotalRow } from '../../src/validate/checks/elearning-total.js';
import { financeTotals } from '../../src/validate/checks/finance-totals.js';
import { contextRanges } from '../../src/validate/checks/context-ranges.js';
import { aggregateFigures, indicatorValueProblem } from '../../src/validate/checks/aggregate-figures.js';
import { findNarrativeExpressions, narrativeFigures } from '../../src/validate/checks/narrative-figures.js';
import { personalIdentifierIn } from '../../src/validate/checks/personal-data-values.js';
import { money, num, ukDate } from '../../src/validate/checks/helpers.js';
import type { Finding } from '../../src/validate/findings.js';

/** A year's data built by hand: rows get spreadsheet rows 2, 3, … in order. */
function year(returns: Partial<Record<ReturnId, Record<string, unknown>[] | null>>, extra: Partial<YearData> = {}): YearData {
  const withRows = Object.fromEntries(
    Object.entries(returns).map(([id, rows]) => [id, rows === null ? null : rows!.map((r, i) => ({ row: i + 2, ...r }))]),
  );
  return {
    year: parseYear('2012-13')!,
    returns: withRows as YearData['returns'],
    recommendations: undefined,
    narrative: new Map(),
    columnLetters: new Map(),
    findings: [],
    ...extra,
  };
}

const BOARD: BoardData = { dir: '/nowhere', config: null, sections: [], years: ['2012-13'], publishedFigures: [], comparators: [], findings: [] };

const runCheck = (check: Check, data: YearData, board: BoardData = BOARD) => check.run({ board, data });
const where = (fs: Finding[]) => fs.map((f) => [f.code, f.severity, f.file, f.row ?? null, f.column ?? null]);

describe('the check registry', () => {
  it('has unique kebab-case ids and a one-line description for every check', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CHECKS) {
      expect(c.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(c.description.length).toBeGreaterThan(20);
      expect(c.description).not.toContain('\n');
    }
  });

  it('finds nothing in an empty year', () => {
    for (const c of CHECKS) expect(runCheck(c, year({})), c.id).toEqual([]);
  });
});

describe('finding codes', () => {
  /** Every finding code used in the loader, the cell parsers, the schemas and the checks. */
  function codesInSource(): Set<string> {
    const src = fileURLToPath(new URL('../../src/', import.meta.url));
    const codes = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) {
          const text = readFileSync(p, 'utf8');
          const patterns = /\b(?:code|findingCode):\s*'([a-z0-9-]+)'|\bbad\(\s*'([a-z0-9-]+)'|\bfileFinding\(\s*\w+,\s*'([a-z0-9-]+)'/g;
          for (const m of text.matchAll(patterns)) codes.add(m[1] ?? m[2] ?? m[3]!);
        }
      }
    };
    for (const dir of ['load', 'returns', 'validate', 'config', 'io']) walk(path.join(src, dir));
    codes.delete('custom'); // zod's issue code, not a finding code
    return codes;
  }

  it('lists every code the source can produce, once each', () => {
    const listed = FINDING_CODES.map((f) => f.code);
    expect(new Set(listed).size).toBe(listed.length);
    const missing = [...codesInSource()].filter((c) => !findingCodeInfo(c));
    expect(missing, 'add these to src/validate/checks/finding-codes.ts (and regenerate docs/data-folder.md)').toEqual([]);
  });

  it('lists no code the source no longer produces', () => {
    const used = codesInSource();
    expect(FINDING_CODES.map((f) => f.code).filter((c) => !used.has(c))).toEqual([]);
  });
});

describe('dates-in-year', () => {
  const lado = (dateReceived: string) => ({ referralRef: 'L-1', dateReceived, outcome: 'outstanding', dateConcluded: null });

  it('accepts the first and last day of the year', () => {
    expect(runCheck(datesInYear, year({ ladoReferrals: [lado('2012-04-01'), lado('2013-03-31')] }))).toEqual([]);
  });

  it('rejects the day either side', () => {
    expect(where(runCheck(datesInYear, year({ ladoReferrals: [lado('2012-03-31'), lado('2013-04-01')] })))).toEqual([
      ['date-outside-year', 'error', '2012-13/lado-referrals.csv', 2, 'Date received'],
      ['date-outside-year', 'error', '2012-13/lado-referrals.csv', 3, 'Date received'],
    ]);
  });

  it('keeps an earlier death whose review concluded in the year, and warns about one concluded earlier', () => {
    const cdop = (dateConcluded: string) => ({ caseRef: 'D-1', dateNotified: '2011-06-01', reviewStatus: 'concluded', dateConcluded, category: '8' });
    expect(runCheck(datesInYear, year({ cdopCases: [cdop('2012-05-01')] }))).toEqual([]);
    expect(where(runCheck(datesInYear, year({ cdopCases: [cdop('2012-03-01')] })))).toEqual([
      ['date-outside-year', 'warning', '2012-13/cdop-cases.csv', 2, 'Date notified'],
    ]);
  });

  it('keeps a plan that started before the year and is still open', () => {
    const plan = { planRef: 'CP-1', planStart: '2009-01-01', planEnd: null };
    expect(runCheck(datesInYear, year({ cpPlans: [plan] }))).toEqual([]);
  });
});

describe('cdop-status', () => {
  it('reports a concluded review missing both its date and its category as two findings', () => {
    const data = year({ cdopCases: [{ caseRef: 'D-1', dateNotified: '2012-06-01', reviewStatus: 'concluded', dateConcluded: null, category: null }] });
    expect(where(runCheck(cdopStatus, data)).map((w) => w[4])).toEqual(['Date concluded', 'Category']);
  });
});

describe('training-totals', () => {
  const events = [
    { eventRef: 'T-1', participants: 5 },
    { eventRef: 'T-2', participants: 3 },
  ];

  it('matches event references ignoring case', () => {
    const data = year({ trainingEvents: events, trainingAttendance: [{ eventRef: 't-1', participants: 5 }, { eventRef: 'T-2', participants: 3 }] });
    expect(runCheck(trainingTotals, data)).toEqual([]);
  });

  it('says so when an event has no attendance rows at all', () => {
    const data = year({ trainingEvents: events, trainingAttendance: [{ eventRef: 'T-1', participants: 5 }] });
    const [f] = runCheck(trainingTotals, data);
    expect(f?.message).toBe('Event T-2 states 3 participants but has no rows in training-attendance.csv.');
  });

  it('does not add up attendance while that return has rows with errors', () => {
    const data = year(
      { trainingEvents: events, trainingAttendance: [{ eventRef: 'T-1', participants: 5 }] },
      { findings: [{ code: 'negative-count', severity: 'error', file: '2012-13/training-attendance.csv', row: 3, message: 'x' }] },
    );
    expect(runCheck(trainingTotals, data)).toEqual([]);
  });

  it('checks nothing when either return is absent or unreadable', () => {
    expect(runCheck(trainingTotals, year({ trainingEvents: events }))).toEqual([]);
    expect(runCheck(trainingTotals, year({ trainingEvents: events, trainingAttendance: null }))).toEqual([]);
  });
});

describe('elearning-total', () => {
  it('recognises total rows by their course name', () => {
    expect(['Total', ' total ', 'TOTALS', 'Grand total'].every(isElearningTotalRow)).toBe(true);
    expect(isElearningTotalRow('Total safeguarding')).toBe(false);
  });

  it('is satisfied without a total row', () => {
    expect(runCheck(elearningTotal, year({ elearning: [{ course: 'A', completions: 3 }] }))).toEqual([]);
  });
});

describe('finance-totals', () => {
  it('compares to the penny and explains a deficit', () => {
    const data = year({
      finance: [
        { type: 'income', pence: 10010 },
        { type: 'income', pence: 20 },
        { type: 'expenditure', pence: 15000 },
        { type: 'total-income', pence: 10030 },
        { type: 'carry-forward', pence: 0 },
      ],
    });
    const findings = runCheck(financeTotals, data);
    expect(where(findings)).toEqual([['carry-forward-mismatch', 'error', '2012-13/finance.csv', 6, 'Amount']]);
    expect(findings[0]?.message).toContain('is -£49.70');
    expect(findings[0]?.hint).toMatch(/£49.70 met from reserves as a from-reserves line/);
  });

  it('checks reserves lines against the balance and closing reserves against opening, to the penny', () => {
    const data = year({
      finance: [
        { type: 'expenditure', pence: 42162959 },
        { type: 'contribution', heading: 'Council', partner: 'Council', pence: 30695000 },
        { type: 'from-reserves', pence: 11467959 },
        { type: 'opening-reserves', pence: 15000000 },
        { type: 'closing-reserves', pence: 3532042 },
      ],
    });
    const findings = runCheck(financeTotals, data);
    expect(where(findings)).toEqual([['reserves-mismatch', 'error', '2012-13/finance.csv', 6, 'Amount']]);
    expect(findings[0]?.message).toContain('less net expenditure (£114,679.59) come to £35,320.41: a difference of £0.01');
  });

  it('requires a contribution to name its partner', () => {
    const data = year({ finance: [{ type: 'contribution', heading: 'Police', partner: null, pence: 100 }] });
    expect(where(runCheck(financeTotals, data))).toEqual([['partner-missing', 'error', '2012-13/finance.csv', 2, 'Partner']]);
  });
});

describe('context-ranges', () => {
  it('accepts 0 and 100 per cent and rejects negative rates', () => {
    const data = year({
      context: [
        { measure: 'free_school_meals_pct', value: 0 },
        { measure: 'bullied_pct', value: 100 },
        { measure: 'referrals_per_10k', value: -1 },
      ],
    });
    expect(where(runCheck(contextRanges, data))).toEqual([['value-out-of-range', 'error', '2012-13/context.csv', 4, 'Value']]);
  });
});

describe('aggregate-figures', () => {
  it('checks both aggregates files and allows the same indicator for different comparators', () => {
    const board: BoardData = {
      ...BOARD,
      publishedFigures: [{ row: 2, year: '2011-12', indicator: 'cp.plans_open_at_year_end', value: 237, source: 's' }],
      comparators: [
        { row: 2, year: '2012-13', indicator: 'cp.rate_per_10k', comparator: 'england', value: 37.9, source: 's' },
        { row: 3, year: '2012-13', indicator: 'cp.rate_per_10k', comparator: 'region', value: 40, source: 's' },
        { row: 4, year: '2012-13', indicator: 'cp.rate_per_10k', comparator: 'region', value: 41, source: 's' },
      ],
    };
    expect(where(runCheck(aggregateFigures, year({}), board))).toEqual([['duplicate-figure', 'error', 'aggregates/comparators.csv', 4, 'Indicator']]);
  });

  it('knows the range of each unit', () => {
    expect(indicatorValueProblem('cp.second_or_subsequent_pct', 100)).toBeNull();
    expect(indicatorValueProblem('cp.second_or_subsequent_pct', 100.1)).toMatch(/more than 100/);
    expect(indicatorValueProblem('cp.plans_open_at_year_end', -1)).toMatch(/negative/);
    expect(indicatorValueProblem('no.such_indicator', -1)).toBeNull();
  });
});

describe('narrative live figures', () => {
  it.each([
    ['{{value "cp.plans_open_at_year_end"}}', [{ line: 1, figure: { helper: 'value', id: 'cp.plans_open_at_year_end' } }]],
    ["a\nb {{ previous 'lado.referrals' }} c", [{ line: 2, figure: { helper: 'previous', id: 'lado.referrals' } }]],
    ['{{change "x"}}{{value "y"}}', [{ line: 1, figure: { helper: 'change', id: 'x' } }, { line: 1, figure: { helper: 'value', id: 'y' } }]],
    ['literal \\{{value "x"}} braces', []],
    ['a backslash then a figure \\\\{{value "x"}}', [{ line: 1, figure: { helper: 'value', id: 'x' } }]],
    ['{{{value "x"}}}', [{ line: 1 }]],
    ['{{value x}}', [{ line: 1 }]],
    ['{{value "x" "y"}}', [{ line: 1 }]],
    ['{{#if a}}', [{ line: 1 }]],
    ['{{! a comment }}', [{ line: 1 }]],
    ['\n\nopen {{value "x"\nand never closed', [{ line: 3 }]],
    ['single { braces } are text', []],
  ])('%j', (markdown, expected) => {
    const found = findNarrativeExpressions(markdown).map(({ line, figure }) => (figure ? { line, figure } : { line }));
    expect(found).toEqual(expected);
  });

  it('reports unknown ids and other expressions with the file and line', () => {
    const data = year({}, { narrative: new Map([['training', 'Events: {{value "training.events"}}.\n\n{{value "training.event"}} and {{lookup x}}\n']]) });
    const findings = runCheck(narrativeFigures, data);
    expect(where(findings)).toEqual([
      ['unknown-indicator', 'error', '2012-13/narrative/training.md', 3, null],
      ['narrative-expression-not-allowed', 'error', '2012-13/narrative/training.md', 3, null],
    ]);
    expect(findings[0]?.hint).toContain('Did you mean "training.events"');
  });
});

describe('personal identifiers in free text', () => {
  it.each(['HX1 2AB', 'lives at hx12ab', 'SW1A 1AA', 'call 01422 123456', '+44 1422 123 456', 'jo@example.org', '943 476 5919', 'NHS 9434765919', 'nhs no: 123', 'DOB 12/03/2005', 'born 12.3.2005', 'NI QQ123456C', 'QQ 12 34 56 C', '(01422) 393000', '01422\u2011393000', 'Helpline 0800 123 4567', '\uff10\uff11\uff14\uff12\uff12 393000'])('%s is caught', (text) => {
    expect(personalIdentifierIn(text)).not.toBeNull();
  });

  it.each(['Halifax North & East', 'Working with neglect: level 2', 'Total 2012-13', 'CSE awareness 2013', 'West Yorkshire Police', 'Ref 12345', 'KS2 2nd cohort', 'Y10 1st term', '01/04/2012 - 31/03/2013', '01-04-2012 to 31-03-2013', 'Budget 2012-2013 £138,706', 'Course 101 of 2013', 'Ref 1234567890'])('%s is not', (text) => {
    expect(personalIdentifierIn(text)).toBeNull();
  });
});

describe('helpers', () => {
  it('write dates, numbers and money the UK way', () => {
    expect(ukDate('2013-03-31')).toBe('31 March 2013');
    expect(num(1378)).toBe('1,378');
    expect(money(207509)).toBe('£207,509');
    expect(money(1540.5)).toBe('£1,540.50');
    expect(money(-1000)).toBe('-£1,000');
    expect(money(-0.001)).toBe('£0');
  });
});
