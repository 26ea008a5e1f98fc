import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCoverPaper, loadCoverPaper } from '../../src/cover/load-cover-paper.js';
import { DEFAULT_MOVER_GROUPS } from '../../src/cover/schema.js';
import { SAMPLE_DIR } from '../report/sample.js';

const FILE = '2012-13/cover-paper.yaml';

/** A valid paper, as lines, for tests to break one line of. */
const VALID = [
  'meeting:', //                                1
  '  board: Health and Wellbeing Board', //     2
  '  date: 2013-09-24', //                      3
  'contacts:', //                               4
  '  - name: A Chair', //                       5
  '    role: Independent Chair', //             6
  'purpose: To present the annual report.', //  7
  'keyIssues: |', //                            8
  '  The figures are below.', //                9
  'actions:', //                                10
  '  - Note the report', //                     11
  'exempt: no', //                              12
];

const check = (lines: string[]) => checkCoverPaper(lines.join('\n'), FILE);
const table = (lines: string[]) => check(lines).findings.map((f) => [f.code, f.row, f.column ?? null]);

describe('checkCoverPaper', () => {
  it('accepts a minimal paper and fills in the defaults', () => {
    const { paper, findings } = check(VALID);
    expect(findings).toEqual([]);
    expect(paper).toMatchObject({ exempt: false, appendices: [], movers: { count: 3, groups: [...DEFAULT_MOVER_GROUPS] } });
    expect(paper!.headlineFigures).toBeUndefined();
  });

  it('reports an alias to no anchor, and an alias bomb, as a YAML finding (not an internal error)', () => {
    expect(table([...VALID, 'exemptReason: *nowhere']).map((r) => r[0])).toEqual(['yaml-syntax']);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...['b', 'c', 'd', 'e', 'f', 'g'].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`)];
    expect(table([...VALID, ...bomb]).map((r) => r[0])).toEqual(['yaml-syntax']);
  });

  it('reads yes/no in any case, and true/false', () => {
    for (const [written, value] of [['No', false], ['YES', true], ['false', false], ['true', true]] as const) {
      const lines = VALID.map((l) => (l.startsWith('exempt:') ? `exempt: ${written}` : l));
      if (value) lines.push('exemptReason: Contains information about an individual');
      expect(check(lines).paper?.exempt).toBe(value);
    }
  });

  it('gives each problem its line and setting', () => {
    const lines = [...VALID];
    lines[2] = '  date: 2013-02-30';
    lines[5] = '    role: ""';
    lines.splice(6, 1, 'purpos: To present the annual report.');
    expect(table(lines)).toEqual([
      ['cover-paper-invalid', 3, 'meeting.date'],
      ['cover-paper-invalid', 6, 'contacts.0.role'],
      ['cover-paper-invalid', 1, 'purpose'],
      ['cover-paper-invalid', 7, 'purpos'],
    ]);
    const messages = check(lines).findings.map((f) => f.message);
    expect(messages).toEqual([
      '"meeting.date" is not a real date.',
      '"contacts.0.role" must not be empty.',
      '"purpose" is required but missing.',
      '"purpos" is not a setting the cover paper knows.',
    ]);
  });

  it('checks e-mail addresses, telephone numbers and the exemption reason', () => {
    const lines = [...VALID, 'exemptReason: ""'];
    lines[5] = '    role: Chair\n    email: not-an-address\n    phone: call me';
    lines[11] = 'exempt: yes';
    const f = check(lines.join('\n').split('\n')).findings;
    expect(f.map((x) => [x.row, x.column, x.message])).toEqual([
      [7, 'contacts.0.email', '"contacts.0.email" must be an e-mail address like name@example.gov.uk.'],
      [8, 'contacts.0.phone', '"contacts.0.phone" must be a telephone number (digits, spaces, +, brackets, hyphens).'],
      [15, 'exemptReason', '"exemptReason" must not be empty.'],
    ]);
    const noReason = [...VALID];
    noReason[11] = 'exempt: yes';
    expect(check(noReason).findings.map((x) => [x.row, x.message])).toEqual([
      [12, '"exempt" is yes, so exemptReason must say why the paper may not be published.'],
    ]);
  });

  it('names an unknown indicator in headlineFigures on its line, with the nearest id', () => {
    const result = check([...VALID, 'headlineFigures:', '  - lado.referrals', '  - cp.plans_open']);
    expect(result.paper).toBeNull();
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ code: 'cover-unknown-indicator', row: 15, value: 'cp.plans_open' });
    expect(result.findings[0]!.hint).toContain('cp.plans_open_at_year_end');
  });

  it('checks the movers settings', () => {
    expect(table([...VALID, 'movers:', '  count: 0', '  groups: [cp, nonsense]'])).toEqual([
      ['cover-paper-invalid', 14, 'movers.count'],
      ['cover-paper-invalid', 15, 'movers.groups.1'],
    ]);
  });

  it('reports a YAML syntax error once, on its line', () => {
    const lines = [...VALID];
    lines[6] = 'purpose: [unclosed';
    const f = check(lines).findings;
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: 'yaml-syntax', file: FILE });
    expect(f[0]!.row).toBeGreaterThanOrEqual(7);
  });

  it('says what the file should be when it is not a mapping', () => {
    expect(check(['- just a list']).findings.map((f) => f.message)).toEqual([
      'The file must be a set of settings such as "meeting:", "purpose:" and "keyIssues:".',
    ]);
  });

  it('knows where each text setting starts, after a block indicator', () => {
    const { textLine } = check(VALID);
    expect(textLine('purpose')).toBe(7);
    expect(textLine('keyIssues')).toBe(9);
    expect(textLine('nothing')).toBeUndefined();
  });
});

describe('loadCoverPaper', () => {
  it('loads the sample board’s paper without findings', async () => {
    const loaded = await loadCoverPaper(SAMPLE_DIR, '2012-13');
    expect(loaded.findings).toEqual([]);
    expect(loaded.paper?.meeting.board).toBe('Calderdale Health and Wellbeing Board');
    expect(loaded.paper?.contacts.map((c) => `${c.name}, ${c.role}`)).toEqual(['Jane Booth, Independent Chair', 'Bernadette Johansen, Business Manager']);
  });

  it('a missing file is one error saying what to create', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lscb-cover-'));
    try {
      const loaded = await loadCoverPaper(dir, '2012-13');
      expect(loaded.paper).toBeNull();
      expect(loaded.findings).toEqual([
        expect.objectContaining({ code: 'cover-paper-missing', severity: 'error', file: FILE, hint: expect.stringContaining('Create 2012-13/cover-paper.yaml') }),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
