/**
 * The bad-input corpus: each case starts from the valid base board (test/corpus/base/, zero findings),
 * changes ONE thing, and names the finding `validate` must give for it (code, file, spreadsheet row,
 * column header) and the exit code. Valid cases (files as people really send them) expect no finding.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BoardFiles } from './board-files.js';

/** The finding a case must produce, exactly. `row` and `column` are null when the finding has none. */
export interface ExpectedFinding {
  code: string;
  severity: 'error' | 'warning';
  file: string;
  row: number | null;
  column: string | null;
  /** Text the message or hint must contain (the suggestion, the stated and computed totals, …). */
  says?: string[];
}

/** One bad (or awkward but valid) input. */
export interface CorpusCase {
  name: string;
  /** The single problem, in words. */
  problem: string;
  mutate(board: BoardFiles): void;
  /** The finding it must produce; null for a valid case (no findings at all). */
  expect: ExpectedFinding | null;
  exitCode: 0 | 1;
}

const Y = '2012-13';
const CP = `${Y}/child-protection-plans.csv`;
const LADO = `${Y}/lado-referrals.csv`;
const CDOP = `${Y}/cdop-cases.csv`;
const EVENTS = `${Y}/training-events.csv`;
const ATTENDANCE = `${Y}/training-attendance.csv`;
const ELEARNING = `${Y}/elearning-completions.csv`;
const FINANCE = `${Y}/finance.csv`;
const CONTEXT = `${Y}/context.csv`;
const MEMBERS = `${Y}/board-members.csv`;
const RECS = `${Y}/recommendations.yaml`;
const PUBLISHED = 'aggregates/published-figures.csv';
const COMPARATORS = 'aggregates/comparators.csv';
const BOARD = 'board.yaml';
const OWN = 'indicators.yaml';
const OWN_YAML = 'indicators:\n  - id: local.contacts\n    title: Contacts\n    unit: count\n    polarity: neither\n    definition: Contacts.\n    supplier: Front door\n';
const NARRATIVE = `${Y}/narrative/priority-groups.md`;
const REVIEWS = `${Y}/practice-reviews.csv`;
const REVIEWS_HEADER = 'Incident ref,Incident date,Date aware,Date notified,Rapid review completed,Decision,Local review commissioned,Local review published\n';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./files/${name}`, import.meta.url)));

const error = (code: string, file: string, row: number | null, column: string | null, says?: string[]): ExpectedFinding => ({
  code,
  severity: 'error',
  file,
  row,
  column,
  says,
});
const warning = (code: string, file: string, row: number | null, column: string | null, says?: string[]): ExpectedFinding => ({
  ...error(code, file, row, column, says),
  severity: 'warning',
});

/** Every file of the board rewritten the way spreadsheets and e-mail really deliver them. */
function asPeopleSendThem(board: BoardFiles): void {
  for (const file of board.paths().filter((p) => p.endsWith('.csv'))) {
    board.edit(file, (text) => {
      const [head, ...rows] = text.replace(/\n$/, '').split('\n');
      // Stray spaces (and a different case) in the headers, every cell of the data quoted.
      const header = head!
        .split(',')
        .map((h, i) => (i === 0 ? ` ${h.toUpperCase()}  ` : `${h} `))
        .join(',');
      const quoted = rows.map((r) =>
        r
          .split(',')
          .map((c) => `"${c}"`)
          .join(','),
      );
      return `\uFEFF${[header, ...quoted].join('\r\n')}\r\n\r\n\r\n`;
    });
  }
}

export const CASES: CorpusCase[] = [
  // --- valid inputs that must stay valid ---------------------------------------------------------------
  {
    name: 'valid-base-board',
    problem: 'none: the base board as it is',
    mutate: () => {},
    expect: null,
    exitCode: 0,
  },
  {
    name: 'valid-bom-crlf-blank-lines-quotes-header-spaces',
    problem: 'none: every CSV has a UTF-8 BOM, CRLF line ends, trailing blank lines, quoted cells and stray header spaces',
    mutate: asPeopleSendThem,
    expect: null,
    exitCode: 0,
  },
  {
    name: 'valid-uk-dates',
    problem: 'none: dates written the UK way (12/04/2012) and ISO with one-digit months (2012-8-3)',
    mutate: (b) => b.setCell(LADO, 2, 'Date received', '12/04/2012').setCell(LADO, 3, 'Date received', '2012-8-3').setCell(LADO, 3, 'Date concluded', '20/10/2012'),
    expect: null,
    exitCode: 0,
  },
  {
    name: 'valid-labels-and-money-formats',
    problem: 'none: a coded value written as its label, yes/no as Y, money with £ and thousands separators',
    mutate: (b) =>
      b.setCell(CP, 2, 'Category', 'Neglect').setCell(CP, 3, 'Category', 'Physical abuse').setCell(CP, 3, 'Previous plan', 'Y')
        .setCell(FINANCE, 2, 'Amount', '£60,000').setCell(FINANCE, 5, 'Amount', '£ 5,500.50'),
    expect: null,
    exitCode: 0,
  },
  {
    name: 'valid-quoted-comma-and-line-break',
    problem: 'none: a quoted cell holding a comma and a line break',
    mutate: (b) => b.setCell(EVENTS, 2, 'Title', 'Working with neglect:\nthe toolkit, in practice'),
    expect: null,
    exitCode: 0,
  },

  // --- cell values --------------------------------------------------------------------------------------
  {
    name: 'value-not-allowed-with-suggestion',
    problem: 'a referral source misspelt',
    mutate: (b) => b.setCell(LADO, 2, 'Referral source', 'shools'),
    expect: error('value-not-allowed', LADO, 2, 'Referral source', ['Did you mean "schools"']),
    exitCode: 1,
  },
  {
    name: 'value-not-allowed-category',
    problem: 'a category of abuse that is not one of the five',
    mutate: (b) => b.setCell(CP, 4, 'Category', 'neglet'),
    expect: error('value-not-allowed', CP, 4, 'Category', ['Did you mean "neglect"']),
    exitCode: 1,
  },
  {
    name: 'yes-no-not-allowed',
    problem: 'a yes/no column holding "maybe"',
    mutate: (b) => b.setCell(CP, 2, 'Previous plan', 'maybe'),
    expect: error('value-not-allowed', CP, 2, 'Previous plan'),
    exitCode: 1,
  },
  {
    name: 'date-unreadable',
    problem: 'a date written in words',
    mutate: (b) => b.setCell(CP, 3, 'Plan start', '10th May 2012'),
    expect: error('date-unreadable', CP, 3, 'Plan start'),
    exitCode: 1,
  },
  {
    name: 'date-impossible',
    problem: '31/02/2013, a day February does not have',
    mutate: (b) => b.setCell(LADO, 4, 'Date received', '31/02/2013'),
    expect: error('date-impossible', LADO, 4, 'Date received'),
    exitCode: 1,
  },
  {
    name: 'date-impossible-iso',
    problem: '2013-02-29, not a leap year',
    mutate: (b) => b.setCell(CDOP, 4, 'Date notified', '2013-02-29'),
    expect: error('date-impossible', CDOP, 4, 'Date notified'),
    exitCode: 1,
  },
  {
    name: 'blank-required-cell',
    problem: 'a child reference left blank',
    mutate: (b) => b.setCell(CP, 5, 'Child ref', ''),
    expect: error('required-value-missing', CP, 5, 'Child ref'),
    exitCode: 1,
  },
  {
    name: 'reference-is-a-name',
    problem: "a child's name typed where the pseudonymous reference belongs",
    mutate: (b) => b.setCell(CP, 2, 'Child ref', 'John Smith'),
    expect: error('ref-invalid', CP, 2, 'Child ref'),
    exitCode: 1,
  },
  {
    name: 'negative-count',
    problem: 'reviews due of -1',
    mutate: (b) => b.setCell(CP, 4, 'Reviews due', '-1'),
    expect: error('negative-count', CP, 4, 'Reviews due'),
    exitCode: 1,
  },
  {
    name: 'fractional-count',
    problem: 'participants of 4.5',
    mutate: (b) => b.setCell(ATTENDANCE, 2, 'Participants', '4.5'),
    expect: error('fractional-count', ATTENDANCE, 2, 'Participants'),
    exitCode: 1,
  },
  {
    name: 'non-numeric-count',
    problem: 'participants written as a word',
    mutate: (b) => b.setCell(EVENTS, 3, 'Participants', 'twenty'),
    expect: error('not-a-number', EVENTS, 3, 'Participants'),
    exitCode: 1,
  },
  {
    name: 'negative-amount',
    problem: 'an expenditure line entered as a negative number',
    mutate: (b) => b.setCell(FINANCE, 4, 'Amount', '-45000'),
    expect: error('negative-amount', FINANCE, 4, 'Amount'),
    exitCode: 1,
  },
  {
    name: 'negative-amount-in-brackets',
    problem: 'an amount in accounting brackets, (5,500.50)',
    mutate: (b) => b.setCell(FINANCE, 5, 'Amount', '(5,500.50)'),
    expect: error('negative-amount', FINANCE, 5, 'Amount'),
    exitCode: 1,
  },
  {
    name: 'non-numeric-amount',
    problem: 'an amount still "TBC"',
    mutate: (b) => b.setCell(FINANCE, 3, 'Amount', 'TBC'),
    expect: error('not-a-number', FINANCE, 3, 'Amount'),
    exitCode: 1,
  },
  {
    name: 'amount-too-many-decimals',
    problem: 'an amount with fractions of a penny',
    mutate: (b) => b.setCell(FINANCE, 5, 'Amount', '5500.505'),
    expect: error('too-many-decimals', FINANCE, 5, 'Amount'),
    exitCode: 1,
  },
  {
    name: 'context-value-not-a-number',
    problem: 'a context figure with words in it',
    mutate: (b) => b.setCell(CONTEXT, 3, 'Value', 'about 340'),
    expect: error('not-a-number', CONTEXT, 3, 'Value'),
    exitCode: 1,
  },

  // --- dates and the reporting year ---------------------------------------------------------------------
  {
    name: 'lado-received-after-year',
    problem: 'a referral received after 31 March 2013',
    mutate: (b) => b.setCell(LADO, 4, 'Date received', '2013-04-02'),
    expect: error('date-outside-year', LADO, 4, 'Date received', ['2 April 2013']),
    exitCode: 1,
  },
  {
    name: 'lado-received-before-year',
    problem: 'a referral received before 1 April 2012',
    mutate: (b) => b.setCell(LADO, 2, 'Date received', '2012-03-30'),
    expect: error('date-outside-year', LADO, 2, 'Date received'),
    exitCode: 1,
  },
  {
    name: 'training-event-outside-year',
    problem: 'a training event dated in the previous year',
    mutate: (b) => b.setCell(EVENTS, 2, 'Date', '2012-03-31'),
    expect: error('date-outside-year', EVENTS, 2, 'Date', ['2011-12']),
    exitCode: 1,
  },
  {
    name: 'cp-plan-starts-after-year',
    problem: 'a plan starting after the year end',
    mutate: (b) => b.setCell(CP, 4, 'Plan start', '2013-04-01'),
    expect: error('date-outside-year', CP, 4, 'Plan start'),
    exitCode: 1,
  },
  {
    name: 'cp-plan-ends-after-year',
    problem: 'a plan end date after the year end',
    mutate: (b) => b.setCell(CP, 3, 'Plan end', '2013-05-01'),
    expect: error('date-outside-year', CP, 3, 'Plan end'),
    exitCode: 1,
  },
  {
    name: 'cp-plan-ended-before-year',
    problem: 'a plan that ended before the year began (does not belong in the return)',
    // The plan is then not open on 31 March 2012, so the 2011-12 published count is lowered to match:
    // otherwise validate also (rightly) reports that the two years no longer reconcile.
    mutate: (b) => b.setCell(CP, 2, 'Plan end', '2012-03-01').edit(PUBLISHED, (t) => t.replace('cp.plans_open_at_year_end,2,', 'cp.plans_open_at_year_end,1,')),
    expect: warning('date-outside-year', CP, 2, 'Plan end', ['does not belong']),
    exitCode: 0,
  },
  {
    name: 'cdop-concluded-after-year',
    problem: 'a review concluded after the year end',
    mutate: (b) => b.setCell(CDOP, 2, 'Date concluded', '2013-04-15'),
    expect: error('date-outside-year', CDOP, 2, 'Date concluded'),
    exitCode: 1,
  },
  {
    name: 'cdop-earlier-death-not-concluded',
    problem: 'a death notified before the year whose review did not conclude in it (does not belong)',
    mutate: (b) => b.setCell(CDOP, 3, 'Date notified', '2012-01-20'),
    expect: warning('date-outside-year', CDOP, 3, 'Date notified', ['does not belong']),
    exitCode: 0,
  },
  {
    name: 'cp-plan-ends-before-start',
    problem: 'a plan ending before it started',
    mutate: (b) => b.setCell(CP, 3, 'Plan end', '2012-05-01'),
    expect: error('end-before-start', CP, 3, 'Plan end'),
    exitCode: 1,
  },
  {
    name: 'lado-concluded-before-received',
    problem: 'a referral concluded before it was received',
    mutate: (b) => b.setCell(LADO, 3, 'Date concluded', '2012-07-01'),
    expect: error('end-before-start', LADO, 3, 'Date concluded'),
    exitCode: 1,
  },
  {
    name: 'cdop-concluded-before-notified',
    problem: 'a review concluded before the death was notified',
    mutate: (b) => b.setCell(CDOP, 2, 'Date concluded', '2012-05-01'),
    expect: error('end-before-start', CDOP, 2, 'Date concluded'),
    exitCode: 1,
  },

  // --- references ---------------------------------------------------------------------------------------
  {
    name: 'duplicate-referral-ref',
    problem: 'the same referral entered twice',
    mutate: (b) => b.duplicateRow(LADO, 3),
    expect: error('duplicate-reference', LADO, 5, 'Referral ref', ['first in row 3']),
    exitCode: 1,
  },
  {
    name: 'duplicate-case-ref',
    problem: 'two deaths with the same case reference',
    mutate: (b) => b.setCell(CDOP, 4, 'Case ref', 'D-002'),
    expect: error('duplicate-reference', CDOP, 4, 'Case ref'),
    exitCode: 1,
  },
  {
    name: 'attendance-unknown-event',
    problem: 'attendance for an event that is not in the events return',
    mutate: (b) => b.addRow(ATTENDANCE, ['T-009', 'Police', '0']),
    expect: error('unknown-reference', ATTENDANCE, 7, 'Event ref', ['T-009']),
    exitCode: 1,
  },

  // --- consistency --------------------------------------------------------------------------------------
  {
    name: 'lado-outstanding-with-date',
    problem: 'an outstanding referral with a date concluded',
    mutate: (b) => b.setCell(LADO, 4, 'Date concluded', '2013-03-20'),
    expect: error('inconsistent-outcome', LADO, 4, 'Outcome'),
    exitCode: 1,
  },
  {
    name: 'lado-concluded-without-date',
    problem: 'a substantiated referral with no date concluded',
    mutate: (b) => b.setCell(LADO, 2, 'Date concluded', ''),
    expect: error('inconsistent-outcome', LADO, 2, 'Date concluded'),
    exitCode: 1,
  },
  {
    name: 'cdop-concluded-without-date',
    problem: 'a concluded review with no date concluded',
    mutate: (b) => b.setCell(CDOP, 2, 'Date concluded', ''),
    expect: error('inconsistent-outcome', CDOP, 2, 'Date concluded'),
    exitCode: 1,
  },
  {
    name: 'cdop-concluded-without-category',
    problem: 'a concluded review with no category of death',
    mutate: (b) => b.setCell(CDOP, 5, 'Category', ''),
    expect: error('inconsistent-outcome', CDOP, 5, 'Category'),
    exitCode: 1,
  },
  {
    name: 'cdop-deferred-with-date',
    problem: 'a deferred review with a date concluded',
    mutate: (b) => b.setCell(CDOP, 3, 'Date concluded', '2013-03-01'),
    expect: error('inconsistent-outcome', CDOP, 3, 'Review status'),
    exitCode: 1,
  },
  {
    name: 'reviews-on-time-exceed-due',
    problem: 'more reviews on time than reviews due',
    mutate: (b) => b.setCell(CP, 4, 'Reviews on time', '2'),
    expect: error('reviews-exceed-due', CP, 4, 'Reviews on time'),
    exitCode: 1,
  },
  {
    name: 'attended-more-meetings-than-held',
    problem: 'a board member attending more meetings than were held',
    mutate: (b) => b.setCell(MEMBERS, 3, 'Meetings attended', '7'),
    expect: error('attended-exceeds-held', MEMBERS, 3, 'Meetings attended'),
    exitCode: 1,
  },
  {
    name: 'context-percentage-over-100',
    problem: 'a percentage of 190',
    mutate: (b) => b.setCell(CONTEXT, 4, 'Value', '190'),
    expect: error('value-out-of-range', CONTEXT, 4, 'Value'),
    exitCode: 1,
  },
  {
    name: 'context-count-as-percentage',
    problem: '339% for a count of looked-after children',
    mutate: (b) => b.setCell(CONTEXT, 3, 'Value', '339%'),
    expect: error('unit-mismatch', CONTEXT, 3, 'Value'),
    exitCode: 1,
  },
  {
    name: 'context-negative-population',
    problem: 'a negative child population',
    mutate: (b) => b.setCell(CONTEXT, 2, 'Value', '-45000'),
    expect: error('value-out-of-range', CONTEXT, 2, 'Value'),
    exitCode: 1,
  },

  // --- totals -------------------------------------------------------------------------------------------
  {
    name: 'training-participants-mismatch',
    problem: "an event's participants differing from its attendance rows",
    mutate: (b) => b.setCell(EVENTS, 2, 'Participants', '13'),
    expect: error('total-mismatch', EVENTS, 2, 'Participants', ['13', 'add up to 12', 'difference of 1']),
    exitCode: 1,
  },
  {
    name: 'elearning-total-mismatch',
    problem: 'an e-learning Total row that is not the sum of the courses',
    mutate: (b) => b.setCell(ELEARNING, 4, 'Completions', '150'),
    expect: error('total-mismatch', ELEARNING, 4, 'Completions', ['150', 'add up to 154', 'difference of 4']),
    exitCode: 1,
  },
  {
    name: 'finance-expenditure-total-mismatch',
    problem: 'a stated total expenditure that is not the sum of the lines',
    mutate: (b) => b.setCell(FINANCE, 7, 'Amount', '50000'),
    expect: error('total-mismatch', FINANCE, 7, 'Amount', ['£50,000', '£50,500.50', 'difference of £500.50']),
    exitCode: 1,
  },
  {
    name: 'finance-income-total-mismatch',
    problem: 'a stated total income that is not the sum of the lines',
    mutate: (b) => b.setCell(FINANCE, 6, 'Amount', '71000'),
    expect: error('total-mismatch', FINANCE, 6, 'Amount', ['£71,000', '£70,000', 'difference of £1,000']),
    exitCode: 1,
  },
  {
    name: 'carry-forward-mismatch',
    problem: 'a stated carry forward that is not income minus expenditure',
    mutate: (b) => b.setCell(FINANCE, 8, 'Amount', '19000'),
    expect: error('carry-forward-mismatch', FINANCE, 8, 'Amount', ['£19,000', '£19,499.50', 'difference of £499.50']),
    exitCode: 1,
  },

  // --- files and columns --------------------------------------------------------------------------------
  {
    name: 'return-missing',
    problem: 'the training attendance return not sent',
    mutate: (b) => b.remove(ATTENDANCE),
    expect: warning('return-missing', ATTENDANCE, null, null, ['Training provision']),
    exitCode: 0,
  },
  {
    name: 'cp-return-missing',
    problem: 'the child protection return not sent',
    mutate: (b) => b.remove(CP),
    expect: warning('return-missing', CP, null, null, ['Priority groups of children', 'Local background and context']),
    exitCode: 0,
  },
  {
    name: 'unexpected-column',
    problem: 'an extra Notes column',
    mutate: (b) => b.addColumn(CONTEXT, 'Notes', () => 'checked'),
    expect: warning('unexpected-column', CONTEXT, 1, 'Notes'),
    exitCode: 0,
  },
  {
    name: 'data-under-blank-header',
    problem: 'a column of data with no header',
    mutate: (b) => b.addColumn(CONTEXT, '', (row) => (row === 3 ? 'see note' : '')),
    expect: warning('unexpected-column', CONTEXT, 3, null),
    exitCode: 0,
  },
  {
    name: 'personal-data-name',
    problem: 'a Name column in the child protection return',
    mutate: (b) => b.addColumn(CP, 'Name', () => 'withheld'),
    expect: error('personal-data-column', CP, 1, 'Name'),
    exitCode: 1,
  },
  {
    name: 'personal-data-date-of-birth',
    problem: 'a Date of birth column in the CDOP return',
    mutate: (b) => b.addColumn(CDOP, 'Date of birth', () => '2010-01-01'),
    expect: error('personal-data-column', CDOP, 1, 'Date of birth'),
    exitCode: 1,
  },
  {
    name: 'personal-data-dob',
    problem: 'a DOB column in the child protection return',
    mutate: (b) => b.addColumn(CP, 'DOB', () => '01/01/2010'),
    expect: error('personal-data-column', CP, 1, 'DOB'),
    exitCode: 1,
  },
  {
    name: 'personal-data-address',
    problem: 'an Address column in the LADO return',
    mutate: (b) => b.addColumn(LADO, 'Address', () => 'withheld'),
    expect: error('personal-data-column', LADO, 1, 'Address'),
    exitCode: 1,
  },
  {
    name: 'personal-data-postcode',
    problem: 'a Postcode column in the CDOP return',
    mutate: (b) => b.addColumn(CDOP, 'Postcode', () => 'withheld'),
    expect: error('personal-data-column', CDOP, 1, 'Postcode'),
    exitCode: 1,
  },
  {
    name: 'personal-data-surname',
    problem: "a Child's surname column",
    mutate: (b) => b.addColumn(CP, "Child's surname", () => 'withheld'),
    expect: error('personal-data-column', CP, 1, "Child's surname"),
    exitCode: 1,
  },
  {
    name: 'postcode-in-locality',
    problem: 'a postcode typed into the Locality cell',
    mutate: (b) => b.setCell(CDOP, 3, 'Locality', 'HX1 2AB'),
    expect: error('personal-data-value', CDOP, 3, 'Locality'),
    exitCode: 1,
  },
  ...(
    [
      ['child_name', CP],
      ['ChildName', CP],
      ['date_of_birth', CDOP],
      ['DateOfBirth', CDOP],
      ['home_address', LADO],
      ['Post_Code', CDOP],
      ['nhs_no', CP],
      ['NHSNumber', CP],
      ['e_mail', LADO],
    ] as const
  ).map(
    ([header, file]): CorpusCase => ({
      name: `personal-data-header-${header}`,
      problem: `a ${header} column, written the way databases and spreadsheets name columns`,
      mutate: (b) => b.addColumn(file, header, () => 'withheld'),
      expect: error('personal-data-column', file, 1, header),
      exitCode: 1,
    }),
  ),
  ...(
    [
      ['nhs-number-spaced', CDOP, 'Locality', '943 476 5919'],
      ['nhs-number-labelled', CDOP, 'Locality', 'NHS 9434765919'],
      ['date-of-birth-labelled', CDOP, 'Locality', 'DOB 12/03/2005'],
      ['ni-number', CDOP, 'Locality', 'NI QQ123456C'],
      ['phone-in-finance-heading', FINANCE, 'Heading', 'Helpline (01422) 393000'],
      ['phone-in-finance-partner', FINANCE, 'Partner', 'Example Council tel 01422393000'],
      ['phone-non-breaking-hyphen', CDOP, 'Locality', '01422\u2011393\u2011000'],
    ] as const
  ).map(
    ([name, file, column, value]): CorpusCase => ({
      name: `personal-data-value-${name}`,
      problem: `"${value}" typed into a free-text cell`,
      mutate: (b) => b.setCell(file, 2, column, value),
      expect: error('personal-data-value', file, 2, column),
      exitCode: 1,
    }),
  ),
  {
    name: 'personal-data-under-blank-header',
    problem: 'a column with no header holding a name and address, never repeated in the findings',
    mutate: (b) => b.addColumn(LADO, '', (row) => (row === 3 ? 'Jo Bloggs, 1 High Street, HX1 2AB' : '')),
    expect: error('personal-data-value', LADO, 3, null),
    exitCode: 1,
  },
  {
    name: 'email-in-narrative',
    problem: "a person's e-mail address in the narrative",
    mutate: (b) => b.edit(NARRATIVE, (t) => `${t}\nFor details write to jo.bloggs@example.gov.uk.\n`),
    expect: warning('email-in-narrative', NARRATIVE, 6, null),
    exitCode: 0,
  },
  {
    name: 'narrative-too-large',
    problem: 'a narrative file of 80 KB of "*a", which a Markdown parser takes seconds over',
    mutate: (b) => b.setText(NARRATIVE, '*a'.repeat(40 * 1024)),
    expect: error('narrative-too-large', NARRATIVE, null, null),
    exitCode: 1,
  },
  {
    name: 'narrative-too-deep',
    problem: 'a list nested 250 deep (nesting like this, thousands deep, exhausts a Markdown parser)',
    mutate: (b) => b.setText(NARRATIVE, Array.from({ length: 250 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')),
    expect: error('narrative-too-deep', NARRATIVE, 41, null),
    exitCode: 1,
  },
  {
    name: 'count-dot-thousands',
    problem: '45.000 (a dot as thousands separator) in a count column, once read as 45',
    mutate: (b) => b.setCell(EVENTS, 2, 'Participants', '45.000'),
    expect: error('not-a-number', EVENTS, 2, 'Participants', ['dots as thousands separators']),
    exitCode: 1,
  },
  {
    name: 'context-dot-thousands',
    problem: 'a population of 45.000 in context.csv',
    mutate: (b) => b.setCell(CONTEXT, 2, 'Value', '45.000'),
    expect: error('not-a-number', CONTEXT, 2, 'Value', ['dots as thousands separators']),
    exitCode: 1,
  },
  {
    name: 'board-name-too-long',
    problem: 'a board name of 230 characters, which once passed validate and failed every build (ENAMETOOLONG)',
    mutate: (b) => b.edit(BOARD, (t) => t.replace('name: Example Safeguarding Children Board', `name: ${'Example '.repeat(29)}Board`)),
    expect: error('config-invalid', BOARD, 3, 'board.name', ['longer than 120 characters']),
    exitCode: 1,
  },
  {
    name: 'missing-required-column',
    problem: 'the Category column deleted',
    mutate: (b) => b.dropColumn(CP, 'Category'),
    expect: error('missing-column', CP, 1, 'Category'),
    exitCode: 1,
  },
  {
    name: 'duplicate-column',
    problem: 'the Category column twice',
    mutate: (b) => b.addColumn(CP, 'Category', () => 'neglect'),
    expect: error('duplicate-column', CP, 1, 'Category'),
    exitCode: 1,
  },
  {
    name: 'empty-file',
    problem: 'a return with no bytes at all',
    mutate: (b) => b.setText(LADO, ''),
    expect: error('empty-file', LADO, null, null),
    exitCode: 1,
  },
  {
    name: 'blank-lines-only',
    problem: 'a return holding only blank lines and a BOM',
    mutate: (b) => b.setText(CDOP, '\uFEFF\r\n\r\n  \r\n'),
    expect: error('empty-file', CDOP, null, null),
    exitCode: 1,
  },
  {
    name: 'utf16-file',
    problem: 'a return saved as UTF-16 ("Unicode text") with a BOM',
    mutate: (b) => b.setBytes(CP, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.text(CP), 'utf16le')])),
    expect: error('not-utf8', CP, null, null, ['UTF-16']),
    exitCode: 1,
  },
  {
    name: 'utf16-file-without-bom',
    problem: 'a return saved as UTF-16 with no BOM',
    mutate: (b) => b.setBytes(CONTEXT, Buffer.from(b.text(CONTEXT), 'utf16le')),
    expect: error('not-utf8', CONTEXT, null, null, ['UTF-16']),
    exitCode: 1,
  },
  {
    name: 'windows-1252-file',
    problem: 'a return saved in the old Windows encoding, with a £ sign',
    mutate: (b) => b.setBytes(FINANCE, Buffer.from(b.text(FINANCE).replace('60000', '£60000'), 'latin1')),
    expect: error('not-utf8', FINANCE, null, null),
    exitCode: 1,
  },
  {
    name: 'png-renamed-csv',
    problem: 'an image saved under the return name',
    mutate: (b) => b.setBytes(EVENTS, fixture('pixel.png')),
    expect: error('not-csv', EVENTS, null, null, ['PNG']),
    exitCode: 1,
  },
  {
    name: 'xlsx-renamed-csv',
    problem: 'an Excel workbook renamed to .csv',
    mutate: (b) => b.setBytes(ATTENDANCE, fixture('workbook.xlsx')),
    expect: error('not-csv', ATTENDANCE, null, null, ['Excel']),
    exitCode: 1,
  },
  {
    name: 'semicolon-separated',
    problem: 'a return saved with semicolons between columns',
    mutate: (b) => b.edit(ELEARNING, (t) => t.replace(/,/g, ';')),
    expect: error('not-csv', ELEARNING, 1, null, ['semicolons']),
    exitCode: 1,
  },
  {
    name: 'unmatched-quote',
    problem: 'a quote mark opened and never closed',
    mutate: (b) => b.setCell(LADO, 3, 'Sector', '"foster-care', { raw: true }),
    expect: error('not-csv', LADO, 3, null, ['quote']),
    exitCode: 1,
  },
  {
    name: 'extra-cells',
    problem: 'a row with more cells than the header',
    mutate: (b) => b.edit(CONTEXT, (t) => t.replace('SSDA903 return', 'SSDA903 return,provisional')),
    expect: error('extra-cells', CONTEXT, 3, null),
    exitCode: 1,
  },
  {
    name: 'blank-line-keeps-spreadsheet-rows',
    problem: 'a bad value below a blank line: the row number is the one a spreadsheet shows',
    mutate: (b) => b.insertLine(LADO, 3, '').setCell(LADO, 4, 'Nature', 'phsyical'),
    expect: error('value-not-allowed', LADO, 4, 'Nature', ['Did you mean "physical"']),
    exitCode: 1,
  },
  {
    name: 'multi-line-cell-keeps-spreadsheet-rows',
    problem: 'a bad value below a cell with a line break: the row number is the one a spreadsheet shows',
    mutate: (b) => b.setCell(EVENTS, 2, 'Title', 'Working with\nneglect').edit(EVENTS, (t) => t.replace('2012-10-03', '2012-10-33')),
    expect: error('date-impossible', EVENTS, 3, 'Date'),
    exitCode: 1,
  },

  {
    name: 'tab-separated',
    problem: 'a return saved as tab-separated text',
    mutate: (b) => b.edit(CONTEXT, (t) => t.replace(/,/g, '\t')),
    expect: error('not-csv', CONTEXT, 1, null, ['tabs']),
    exitCode: 1,
  },
  {
    name: 'valid-old-mac-line-ends',
    problem: 'none: a return whose lines end with a carriage return only',
    mutate: (b) => b.edit(ATTENDANCE, (t) => t.replace(/\n/g, '\r')),
    expect: null,
    exitCode: 0,
  },
  {
    name: 'return-is-a-folder',
    problem: 'a folder where a return should be',
    mutate: (b) => b.remove(CONTEXT).folder(CONTEXT),
    expect: error('file-unreadable', CONTEXT, null, null),
    exitCode: 1,
  },

  // --- board.yaml, recommendations, narrative -----------------------------------------------------------
  {
    name: 'board-yaml-unknown-key',
    problem: 'a misspelt setting in board.yaml',
    mutate: (b) => b.edit(BOARD, (t) => t.replace('  chair: Alex Example\n', '  chair: Alex Example\n  chiar: Alex Example\n')),
    expect: error('config-invalid', BOARD, 6, 'board.chiar', ['unknown setting']),
    exitCode: 1,
  },
  {
    name: 'board-yaml-missing-name',
    problem: 'board.yaml without the board name',
    mutate: (b) => b.edit(BOARD, (t) => t.replace('  name: Example Safeguarding Children Board\n', '')),
    expect: error('config-invalid', BOARD, 2, 'board.name', ['required']),
    exitCode: 1,
  },
  {
    name: 'board-yaml-syntax-error',
    problem: 'board.yaml with broken indentation',
    mutate: (b) => b.edit(BOARD, (t) => t.replace('  area: Example\n', '  area: Example\n chair: [unclosed\n')),
    expect: error('yaml-syntax', BOARD, 5, null),
    exitCode: 1,
  },
  {
    name: 'board-yaml-missing',
    problem: 'no board.yaml at all',
    mutate: (b) => b.remove(BOARD),
    expect: error('board-config-missing', BOARD, null, null),
    exitCode: 1,
  },
  {
    name: 'board-yaml-unknown-section',
    problem: 'a section id the default template does not know',
    mutate: (b) => b.edit(BOARD, (t) => t.replace('  - finance\n', '  - finance\n  - early-help\n')).setText(`${Y}/narrative/early-help.md`, 'Early help.\n'),
    expect: warning('unknown-section', BOARD, 17, 'sections.10'),
    exitCode: 0,
  },
  {
    name: 'recommendations-invalid-status',
    problem: 'a recommendation status that is not allowed',
    mutate: (b) => b.edit(RECS, (t) => t.replace('status: new', 'status: done')),
    expect: error('config-invalid', RECS, 7, 'objectives.0.recommendations.0.status'),
    exitCode: 1,
  },
  {
    name: 'recommendations-syntax-error',
    problem: 'recommendations.yaml with an unclosed list',
    mutate: (b) => b.edit(RECS, (t) => t.replace('paragraphs: ["7.3", "13.2"]', 'paragraphs: ["7.3", "13.2"')),
    expect: error('yaml-syntax', RECS, 7, null),
    exitCode: 1,
  },
  {
    name: 'narrative-unknown-indicator',
    problem: 'a live figure citing an indicator id that does not exist',
    mutate: (b) => b.edit(NARRATIVE, (t) => t.replace('{{change \'cp.plans_open_at_year_end\'}}', '{{change "cp.plans_open_at_yearend"}}')),
    expect: error('unknown-indicator', NARRATIVE, 2, null, ['Did you mean "cp.plans_open_at_year_end"']),
    exitCode: 1,
  },
  {
    name: 'narrative-expression-not-allowed',
    problem: 'a template expression that is not a live figure',
    mutate: (b) => b.edit(NARRATIVE, (t) => `${t}\nThe first child is {{lookup children 0}}.\n`),
    expect: error('narrative-expression-not-allowed', NARRATIVE, 6, null),
    exitCode: 1,
  },
  {
    name: 'narrative-is-a-folder',
    problem: 'a folder where a narrative file should be',
    mutate: (b) => b.remove(`${Y}/narrative/training.md`).folder(`${Y}/narrative/training.md`),
    expect: error('file-unreadable', `${Y}/narrative/training.md`, null, null),
    exitCode: 1,
  },
  {
    name: 'narrative-utf16',
    problem: 'a narrative file saved as UTF-16',
    mutate: (b) => b.setBytes(`${Y}/narrative/finance.md`, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.text(`${Y}/narrative/finance.md`), 'utf16le')])),
    expect: error('not-utf8', `${Y}/narrative/finance.md`, null, null),
    exitCode: 1,
  },
  {
    name: 'published-figure-unknown-indicator',
    problem: 'an indicator id in the published figures that does not exist',
    mutate: (b) => b.setCell(PUBLISHED, 3, 'Indicator', 'lado.referral'),
    expect: error('unknown-indicator', PUBLISHED, 3, 'Indicator', ['Did you mean "lado.referrals"']),
    exitCode: 1,
  },
  {
    name: 'published-figure-duplicate',
    problem: 'the same year and indicator given twice',
    mutate: (b) => b.addRow(PUBLISHED, ['2011-12', 'lado.referrals', '5', 'Another report']),
    expect: error('duplicate-figure', PUBLISHED, 4, 'Indicator', ['row 3']),
    exitCode: 1,
  },
  {
    name: 'published-figure-bad-year',
    problem: 'a year written 2011/12',
    mutate: (b) => b.setCell(PUBLISHED, 2, 'Year', '2011/12'),
    expect: error('year-invalid', PUBLISHED, 2, 'Year'),
    exitCode: 1,
  },
  {
    name: 'comparator-not-allowed',
    problem: 'a comparator misspelt',
    mutate: (b) => b.setCell(COMPARATORS, 2, 'Comparator', 'englnd'),
    expect: error('value-not-allowed', COMPARATORS, 2, 'Comparator', ['Did you mean "england"']),
    exitCode: 1,
  },
  {
    name: 'comparator-percentage-over-100',
    problem: 'a comparator percentage above 100',
    mutate: (b) => b.addRow(COMPARATORS, ['2012-13', 'cp.second_or_subsequent_pct', 'england', '148', 'DfE']),
    expect: error('value-out-of-range', COMPARATORS, 3, 'Value'),
    exitCode: 1,
  },
  {
    name: 'percentage-in-count-column',
    problem: 'a percentage ("39%") typed into a column of counts',
    mutate: (b) => b.setCell(EVENTS, 3, 'Participants', '39%'),
    expect: error('unit-mismatch', EVENTS, 3, 'Participants', ['"39%" is a percentage', 'holds a count']),
    exitCode: 1,
  },
  {
    name: 'percentage-in-amount-column',
    problem: 'a share of the budget ("12%") typed as an amount of money',
    mutate: (b) => b.setCell(FINANCE, 4, 'Amount', '12%'),
    expect: error('unit-mismatch', FINANCE, 4, 'Amount', ['amount of money']),
    exitCode: 1,
  },
  {
    name: 'contribution-without-partner',
    problem: 'a partner contribution line that does not name the partner',
    mutate: (b) => b.setCell(FINANCE, 2, 'Type', 'contribution').setCell(FINANCE, 2, 'Partner', ''),
    expect: error('partner-missing', FINANCE, 2, 'Partner', ['does not say which partner']),
    exitCode: 1,
  },
  {
    name: 'from-reserves-when-in-surplus',
    problem: 'a contribution from reserves recorded in a year whose income exceeded its expenditure',
    mutate: (b) => b.addRow(FINANCE, ['from-reserves', 'Met from reserves', '', '1000']),
    expect: error('reserves-mismatch', FINANCE, 9, 'Amount', ['there is none']),
    exitCode: 1,
  },
  {
    name: 'closing-reserves-off-by-a-penny',
    problem: 'closing reserves one penny away from opening reserves plus the surplus',
    mutate: (b) => b.addRow(FINANCE, ['opening-reserves', 'Reserves at 1 April', '', '1000']).addRow(FINANCE, ['closing-reserves', 'Reserves at 31 March', '', '20499.49']),
    expect: error('reserves-mismatch', FINANCE, 10, 'Amount', ['£20,499.50', 'difference of £0.01']),
    exitCode: 1,
  },
  {
    name: 'finance-line-not-supplied',
    problem: 'valid: an income line left blank, printed as "not supplied" (its stated total covers the lines supplied)',
    mutate: (b) =>
      b.setCell(FINANCE, 3, 'Amount', '').setCell(FINANCE, 6, 'Amount', '60000').setCell(FINANCE, 8, 'Amount', '9499.50'),
    expect: null,
    exitCode: 0,
  },
  // --- typed numbers in narrative (issue 12) ---------------------------------------------------------
  {
    name: 'narrative-typed-small-count',
    problem: 'the published edition types a count of one child, with its percentage',
    mutate: (b) => b.edit(NARRATIVE, (t) => `${t}\nOf the cases reviewed, *one* child (8%) had been subject to a plan.\n`),
    expect: error('typed-small-count', NARRATIVE, 6, null, ['one child (8%)', 'Para 6.']),
    exitCode: 1,
  },
  {
    name: 'narrative-typed-all-but-one',
    problem: 'the published edition types "all but one", giving away a count of one',
    mutate: (b) => b.edit(NARRATIVE, (t) => `${t}\nThey were aged between 11 and 18, and all but [one](#x) were female.\n`),
    expect: error('typed-small-count', NARRATIVE, 6, null, ['all but one were female']),
    exitCode: 1,
  },
  {
    name: 'narrative-typed-percentage-beside-suppressed',
    problem: 'a typed percentage beside a live figure that the published edition suppresses',
    mutate: (b) => b.edit(NARRATIVE, (t) => `${t}\nAbout 33% of referrals ({{value "lado.sector.foster-care"}}) concerned foster carers.\n`),
    expect: error('typed-percentage-discloses', NARRATIVE, 6, null, ['33%', 'lado.sector.foster-care']),
    exitCode: 1,
  },
  {
    name: 'narrative-typed-total-disagrees-with-parts',
    problem: 'a typed total that its typed parts do not add up to',
    mutate: (b) => b.edit(NARRATIVE, (t) => `${t}\nThe service had 14,590 contacts; of these 11,592 came from the police and 3,000 from schools.\n`),
    expect: warning('typed-total-mismatch', NARRATIVE, 6, null, ['"14,590"', '14,592']),
    exitCode: 0,
  },
  {
    name: 'narrative-typed-total-nbsp-and-emphasis',
    problem: 'the same typed total, with a non-breaking space as the thousands separator and emphasis on a part',
    mutate: (b) => b.edit(NARRATIVE, (t) => `${t}\nThe service had 14\u00a0590 contacts. Of these, **11,592** came from the police and 3,000 from schools.\n`),
    expect: warning('typed-total-mismatch', NARRATIVE, 6, null, ['14,592']),
    exitCode: 0,
  },
  {
    name: 'narrative-typed-percentage-disagrees',
    problem: 'a typed percentage that is not the share its typed figures give',
    mutate: (b) => b.edit(NARRATIVE, (t) => `${t}\nReferrals concluded within a month were 9 of 12 (62%).\n`),
    expect: warning('typed-percentage-mismatch', NARRATIVE, 6, null, ['62%', '75%']),
    exitCode: 0,
  },
  {
    name: 'narrative-typed-figure',
    problem: 'a typed amount that is a figure the tool computes, where a live figure should be',
    mutate: (b) => b.edit(NARRATIVE, (t) => `${t}\nExpenditure in the year was £50,500.50.\n`),
    expect: warning('typed-figure', NARRATIVE, 6, null, ['{{value "finance.expenditure_total"}}']),
    exitCode: 0,
  },
  {
    name: 'narrative-numbers-that-are-not-figures',
    problem: 'years, dates, references, ages, legislation, telephone numbers, durations and a marked number (valid)',
    mutate: (b) =>
      b.edit(
        NARRATIVE,
        (t) =>
          `${t}\nUnder section 11 of the Children Act 2004 (para 3.4, appendix 2), children aged 0\u201318 and under-5s were seen in 2012\u201313 ` +
          `by 31 March 2013; call 01422 393336 within 2 working days. Room 1{{! not a figure }} held one-to-one meetings, one at a time.\n`,
      ),
    expect: null,
    exitCode: 0,
  },
  {
    name: 'published-figure-disagrees-with-returns',
    problem: 'a supplied figure for the year that the returns do not give (validate reports it as build does)',
    mutate: (b) => b.edit(PUBLISHED, (t) => `${t}2012-13,lado.referrals,5,Example annual report 2012-13\n`),
    expect: warning('reconciliation-difference', PUBLISHED, 4, 'Value', ['5', '3']),
    exitCode: 0,
  },
  // --- the board's own indicators, indicators.yaml (issue 10) -------------------------------------
  {
    name: 'board-indicator-id-collides',
    problem: 'a board indicator declared with the id of one of the tool\'s own',
    mutate: (b) => b.setText(OWN, OWN_YAML.replace('local.contacts', 'lado.referrals')),
    expect: error('indicator-id-collides', OWN, 2, 'indicators.0.id', ['already one of the tool']),
    exitCode: 1,
  },
  {
    name: 'board-indicator-unknown-return',
    problem: 'a formula naming a return that does not exist',
    mutate: (b) => b.setText(OWN, `${OWN_YAML}    formula:\n      count: { return: contacts.csv, column: Outcome }\n`),
    expect: error('formula-unknown-return', OWN, 9, 'indicators.0.formula.count.return', ['contacts.csv']),
    exitCode: 1,
  },
  {
    name: 'board-indicator-unknown-column',
    problem: 'a formula naming a column the return does not have',
    mutate: (b) => b.setText(OWN, `${OWN_YAML}    formula:\n      count: { return: lado-referrals.csv, column: Setting }\n`),
    expect: error('formula-unknown-column', OWN, 9, 'indicators.0.formula.count.column', ['has no column "Setting"']),
    exitCode: 1,
  },
  {
    name: 'board-indicator-unknown-code',
    problem: 'a formula counting a code the column does not have',
    mutate: (b) => b.setText(OWN, `${OWN_YAML}    formula:\n      count: { return: lado-referrals.csv, column: Outcome, value: proven }\n`),
    expect: error('formula-unknown-code', OWN, 9, 'indicators.0.formula.count.value', ['"proven" is not a code']),
    exitCode: 1,
  },
  {
    name: 'board-indicator-circular',
    problem: 'a ratio that divides itself by another ratio that divides by the first',
    mutate: (b) =>
      b.setText(
        OWN,
        `${OWN_YAML.replace('unit: count', 'unit: ratio')}    formula:\n      ratio: { numerator: lado.referrals, denominator: local.other }\n  - id: local.other\n    title: Other\n    unit: ratio\n    polarity: neither\n    definition: Other.\n    supplier: Front door\n    formula:\n      ratio: { numerator: local.contacts, denominator: lado.referrals }\n`,
      ),
    expect: error('formula-circular', OWN, 9, 'indicators.0.formula.ratio', ['depends on itself']),
    exitCode: 1,
  },
  {
    name: 'board-indicator-unit-mismatch',
    problem: 'a share of rows declared as a count',
    mutate: (b) => b.setText(OWN, `${OWN_YAML}    formula:\n      share: { return: lado-referrals.csv, column: Outcome, value: substantiated }\n`),
    expect: error('unit-mismatch', OWN, 4, 'indicators.0.unit', ['a share of rows is a percentage']),
    exitCode: 1,
  },
  {
    name: 'board-indicator-valid',
    problem: 'valid: a board indicator counted from a return, cited in the narrative and supplied for an earlier year',
    mutate: (b) =>
      b
        .setText(OWN, `${OWN_YAML}    formula:\n      count: { return: lado-referrals.csv, column: Outcome, value: substantiated }\n`)
        .edit(PUBLISHED, (t) => `${t}2011-12,local.contacts,1,Example annual report 2011-12\n`)
        .edit(NARRATIVE, (t) => `${t}\nSubstantiated: {{value "local.contacts"}}.\n`),
    expect: null,
    exitCode: 0,
  },
  {
    name: 'guidance-unknown-edition',
    problem: 'board.yaml names a guidance edition the catalogue does not have',
    mutate: (b) => b.edit(BOARD, (t) => `${t}guidance:\n  edition: wt2099\n`),
    expect: error('config-invalid', BOARD, 18, 'guidance.edition', ['wt2099', 'wt2010, wt2013, wt2015']),
    exitCode: 1,
  },
  {
    name: 'guidance-unknown-requirement-id',
    problem: "a reason recorded for a requirement id that is not in the board's edition",
    mutate: (b) => b.edit(BOARD, (t) => `${t}guidance:\n  edition: wt2015\n  unmet:\n    wt2015.sending: The report went to scrutiny instead.\n`),
    expect: error('config-invalid', BOARD, 20, 'guidance.unmet.wt2015.sending', ['no requirement "wt2015.sending"']),
    exitCode: 1,
  },
  {
    name: 'guidance-requirement-unmet',
    problem: 'the report answers to Working Together 2015 but is not recorded as sent to the recipients it names',
    mutate: (b) => b.edit(BOARD, (t) => `${t}guidance:\n  edition: wt2015\n`),
    expect: warning('guidance-requirement-unmet', BOARD, null, 'guidance.edition', ['Chapter 3, paragraph 16', 'sentTo', 'police-crime-commissioner']),
    exitCode: 0,
  },
  {
    name: 'practice-review-dates-out-of-order',
    problem: 'a rapid review completed before the incident was notified to the national panel',
    mutate: (b) => b.setText(REVIEWS, `${REVIEWS_HEADER}SI-1,2012-12-20,2012-12-21,2012-12-28,2012-12-27,no-local-review,,\n`),
    expect: error('practice-review-dates-out-of-order', REVIEWS, 2, 'Rapid review completed', ['27 December 2012', 'Date notified']),
    exitCode: 1,
  },
  {
    name: 'practice-review-notified-outside-year',
    problem: 'a serious incident notified after the end of the reporting year',
    mutate: (b) => b.setText(REVIEWS, `${REVIEWS_HEADER}SI-1,2013-03-28,,2013-04-02,,pending,,\n`),
    expect: error('date-outside-year', REVIEWS, 2, 'Date notified', ['2 April 2013']),
    exitCode: 1,
  },
  {
    name: 'practice-review-notified-on-weekend',
    problem: 'a notification to the national panel dated on a Saturday, which working-day counting would treat as a working day',
    mutate: (b) => b.setText(REVIEWS, `${REVIEWS_HEADER}SI-1,2012-12-20,2012-12-21,2012-12-29,2013-01-10,no-local-review,,\n`),
    expect: warning('practice-review-non-working-day', REVIEWS, 2, 'Date notified', ['Saturday', 'working days']),
    exitCode: 0,
  },
  {
    name: 'practice-review-notified-on-bank-holiday',
    problem: 'a notification dated on Boxing Day, a bank holiday in England and Wales',
    mutate: (b) => b.setText(REVIEWS, `${REVIEWS_HEADER}SI-1,2012-12-20,2012-12-21,2012-12-26,2013-01-10,no-local-review,,\n`),
    expect: warning('practice-review-non-working-day', REVIEWS, 2, 'Date notified', ['Boxing Day']),
    exitCode: 0,
  },
  {
    name: 'practice-review-valid-across-christmas',
    problem: 'a notification and rapid review either side of Christmas, all on working days (valid)',
    mutate: (b) => b.setText(REVIEWS, `${REVIEWS_HEADER}SI-1,2012-12-20,2012-12-21,2012-12-28,2013-01-10,no-local-review,,\n`),
    expect: null,
    exitCode: 0,
  },
  // --- returns supplied as totals (issue 10) ---------------------------------------------------------
  {
    name: 'lado-totals-parts-do-not-add-up',
    problem: 'a LADO totals file whose sector counts do not add up to its stated total',
    mutate: (b) => b.setText(`${Y}/lado-totals.csv`, 'Breakdown,Code,Count,Percent\ntotal,,10,\nsector,education,6,\nsector,health,3,\n'),
    expect: error('total-mismatch', `${Y}/lado-totals.csv`, 2, 'Count', ['total is 10', 'add up to 9']),
    exitCode: 1,
  },
  {
    name: 'lado-totals-percentages-do-not-add-up',
    problem: 'a LADO totals file whose sector percentages add up to 90%',
    mutate: (b) => b.setText(`${Y}/lado-totals.csv`, 'Breakdown,Code,Count,Percent\ntotal,,10,\nsector,education,,60\nsector,health,,30\n'),
    expect: error('total-mismatch', `${Y}/lado-totals.csv`, 3, 'Percent', ['add up to 90%']),
    exitCode: 1,
  },
  {
    name: 'lado-totals-unknown-code',
    problem: 'a LADO totals part naming a sector that is not a code',
    mutate: (b) => b.setText(`${Y}/lado-totals.csv`, 'Breakdown,Code,Count,Percent\ntotal,,10,\nsector,schools,10,\n'),
    expect: error('value-not-allowed', `${Y}/lado-totals.csv`, 3, 'Code', ['education']),
    exitCode: 1,
  },
  {
    name: 'lado-totals-valid',
    problem: 'valid: LADO referrals by sector as percentages of a total, instead of the case-level return',
    mutate: (b) => b.remove(LADO).setText(`${Y}/lado-totals.csv`, 'Breakdown,Code,Count,Percent\ntotal,,10,\nsector,education,,66.7\nsector,health,,33.3\n'),
    expect: null,
    exitCode: 0,
  },
  {
    name: 'lado-totals-disagree-with-case-level',
    problem: 'a LADO totals file beside the case-level return, giving a different total',
    mutate: (b) => b.setText(`${Y}/lado-totals.csv`, 'Breakdown,Code,Count,Percent\ntotal,,10,\n'),
    expect: error('totals-disagree', `${Y}/lado-totals.csv`, 2, 'Count', ['gives 10 for lado.referrals']),
    exitCode: 1,
  },
  {
    name: 'cp-totals-percentage-without-base',
    problem: 'a child protection totals file giving categories as percentages with no count of open plans',
    mutate: (b) => b.remove(CP).setText(`${Y}/cp-totals.csv`, 'Breakdown,Code,Count,Percent\ncategory,neglect,,60\ncategory,physical,,40\n'),
    expect: error('total-missing', `${Y}/cp-totals.csv`, null, null, ['open figure']),
    exitCode: 1,
  },
  {
    name: 'cp-totals-count-over-its-base',
    problem: 'a child protection totals file with more second or subsequent plans than plans started',
    mutate: (b) => b.remove(CP).setText(`${Y}/cp-totals.csv`, 'Breakdown,Code,Count,Percent\nopen,,20,\nstarted,,12,\nsecond-or-subsequent,,13,\n'),
    expect: error('value-out-of-range', `${Y}/cp-totals.csv`, 4, 'Count', ['more than the started figure']),
    exitCode: 1,
  },
  {
    name: 'training-totals-agencies-do-not-add-up',
    problem: 'a training totals file whose participants by agency do not add up to the participants',
    mutate: (b) => b.remove(EVENTS).remove(ATTENDANCE).setText(`${Y}/training-totals.csv`, 'Breakdown,Code,Count,Percent\nevents,,3,\nparticipants,,50,\nagency,Police,20,\nagency,Health,20,\n'),
    expect: error('total-mismatch', `${Y}/training-totals.csv`, 3, 'Count', ['participants figure is 50', 'add up to 40']),
    exitCode: 1,
  },
  {
    name: 'not-recorded-valid',
    problem: 'valid: a LADO referral whose source the agency did not record, written "not recorded"',
    mutate: (b) => b.setCell(LADO, 2, 'Referral source', 'Not recorded'),
    expect: null,
    exitCode: 0,
  },
  {
    name: 'not-recorded-misspelt',
    problem: 'a coded cell with "not know" instead of a code or "not recorded"',
    mutate: (b) => b.setCell(LADO, 2, 'Referral source', 'not know'),
    expect: error('value-not-allowed', LADO, 2, 'Referral source'),
    exitCode: 1,
  },
  {
    name: 'board-yaml-returns-unknown-name',
    problem: 'board.yaml declares a return not collected under a name that is not a return',
    mutate: (b) => b.edit(BOARD, (t) => `${t}\nreturns:\n  cdop: not-collected\n`),
    expect: error('config-invalid', BOARD, 19, 'returns.cdop', ['not a return']),
    exitCode: 1,
  },
  {
    name: 'training-courses-row-for-another-year',
    problem: 'a course-level training return with a row for a year that is neither the report year nor the one before',
    mutate: (b) =>
      b
        .edit(BOARD, (t) => `${t}\nreturns:\n  training-courses: collected\n`)
        .setText(`${Y}/training-courses.csv`, 'Course,Level,Delivery,Year,Courses run,Places,Attended\nWorking Together,Level 2,face-to-face,2012-13,7,140,126\nWorking Together,Level 2,face-to-face,2010-11,6,120,104\n'),
    expect: error('date-outside-year', `${Y}/training-courses.csv`, 3, 'Year', ['2010-11']),
    exitCode: 1,
  },
];
