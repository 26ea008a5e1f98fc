/**
 * Every finding code `validate` can report, with its severity and its meaning in plain words. The data
 * folder guide prints this table, and a test checks that every code used in the loader, the cell parsers
 * and the checks is listed here, so the list cannot fall behind the code.
 */

/** One finding code and what it means. */
export interface FindingCodeInfo {
  code: string;
  severity: 'error' | 'warning' | 'error or warning';
  /** Where it comes from: the file as a whole, a cell, a YAML file, or a business rule. */
  kind: 'file' | 'cell' | 'settings' | 'year' | 'rule';
  meaning: string;
}

const c = (code: string, severity: FindingCodeInfo['severity'], kind: FindingCodeInfo['kind'], meaning: string): FindingCodeInfo => ({
  code,
  severity,
  kind,
  meaning,
});

/** Every finding code, grouped by where it comes from. */
export const FINDING_CODES: FindingCodeInfo[] = [
  c('not-utf8', 'error', 'file', 'The file is not UTF-8 text: saved as UTF-16 ("Unicode text") or in an older Windows encoding. Nothing in it is read.'),
  c('not-csv', 'error', 'file', 'The file is not CSV: a workbook, PDF or image renamed .csv, columns separated by semicolons or tabs, or a quote mark that is never closed. Nothing in it is read.'),
  c('empty-file', 'error', 'file', 'The file has no header row (it is empty or holds only blank lines).'),
  c('narrative-too-deep', 'error', 'file', 'A narrative line is indented or nested (lists, quotes) more than 40 levels deep, beyond any real text; the file is not read.'),
  c('narrative-too-large', 'error', 'file', 'A narrative file is larger than 64 KB, far more than any report section; it is not read.'),
  c('file-outside-board', 'error', 'file', 'The file, or the folder it is in, is a symbolic link to a place outside the board folder. Nothing is read from it; copy it into the board folder instead.'),
  c('file-unreadable', 'error', 'file', 'The file could not be opened: it is a folder, or you lack permission to read it.'),
  c('missing-column', 'error', 'file', 'A required column is not in the header row.'),
  c('duplicate-column', 'error', 'file', 'The same column heading appears twice.'),
  c('personal-data-column', 'error', 'file', 'A column heading suggests personal data (a name, date of birth, address, postcode, NHS number, phone or e-mail). Such data must never enter the tool.'),
  c('unexpected-column', 'warning', 'file', 'A column that is not part of the return, or data under an empty heading. It is ignored.'),
  c('extra-cells', 'error', 'file', 'A row has more cells than the header has columns, usually an unquoted comma inside a cell.'),
  c('required-value-missing', 'error', 'cell', 'A cell that must be filled in is empty.'),
  c('value-not-allowed', 'error', 'cell', 'The value is not one of the codes the column accepts (the hint suggests the closest), or a yes/no cell holds something else.'),
  c('date-unreadable', 'error', 'cell', 'The cell is not a date in a form the tool reads (2012-06-30 or 30/06/2012), or its year is implausible.'),
  c('date-impossible', 'error', 'cell', 'The date does not exist, such as 31/02/2013.'),
  c('not-a-number', 'error', 'cell', 'A count, amount or figure that is not a number (words, symbols, or too large).'),
  c('negative-count', 'error', 'cell', 'A count below 0.'),
  c('fractional-count', 'error', 'cell', 'A count that is not a whole number.'),
  c('unit-mismatch', 'error', 'cell', 'A value in the wrong unit for its column: a percentage such as "39%" in a column of counts or amounts of money, a percentage over 100, or a rate with no population to divide by.'),
  c('negative-amount', 'error', 'cell', 'An amount of money below 0 (including accounting brackets). The Type column says whether money comes in or goes out.'),
  c('too-many-decimals', 'error', 'cell', 'An amount of money with fractions of a penny.'),
  c('ref-invalid', 'error', 'cell', 'A reference that is not a pseudonymous code: it has spaces or other characters, or is longer than 40 characters (a name typed in by mistake, for example).'),
  c('indicator-id-invalid', 'error', 'cell', 'A cell that should hold an indicator id is not shaped like one (such as cp.plans_open_at_year_end).'),
  c('invalid-value', 'error', 'cell', 'A cell the row could not accept for any other reason.'),
  c('board-config-missing', 'error', 'settings', 'There is no board.yaml at the root of the board folder.'),
  c('yaml-syntax', 'error', 'settings', 'A YAML file (board.yaml, recommendations.yaml) is not valid YAML; the row is the line where the problem was noticed.'),
  c('config-invalid', 'error', 'settings', 'A YAML file is valid YAML but breaks its rules: an unknown setting, a required one missing, or a value of the wrong kind. The column is the setting\'s path, such as board.name.'),
  c('unknown-section', 'warning', 'settings', 'board.yaml names a section the tool does not know without declaring it (no title), so it may be a misspelling; it is printed from its narrative only, unless the board supplies a partial for it. Declare a board\'s own section as { id, title } and there is no warning.'),
  c('section-duplicate', 'error', 'settings', 'board.yaml lists the same section twice.'),
  c('section-id-clash', 'error', 'settings', 'Two section ids in board.yaml differ only in case or in "_" against "-", so they would get the same HTML id.'),
  c('year-invalid', 'error', 'cell', 'A Year cell in the aggregates files is not a financial year like 2011-12.'),
  c('return-missing', 'warning', 'year', 'A return (or recommendations.yaml) is absent for the year; the hint names the report sections that will say their data is not available.'),
  c('return-not-collected-present', 'warning', 'year', 'board.yaml declares a return not collected (returns:), but its file is in the year folder; its rows are used.'),
  c('return-not-declared', 'warning', 'year', 'An optional return (training-courses.csv) is in the year folder but board.yaml does not declare it collected, so its figures are not computed.'),
  c('return-empty', 'warning', 'year', 'A return has its header row but no rows yet.'),
  c('narrative-missing', 'warning', 'year', 'A configured section has no narrative file; it will show its tables only.'),
  c('narrative-unused', 'warning', 'year', 'A narrative file names a section that board.yaml does not list, so it is not printed.'),
  c('narrative-placeholder', 'warning', 'year', 'A narrative file still holds the placeholder text written by `lscb-report init`.'),
  c('recommendations-placeholder', 'warning', 'year', 'recommendations.yaml still holds "To write:" placeholder text.'),
  c('config-placeholder', 'warning', 'settings', 'A board.yaml setting still holds "To write:" placeholder text.'),
  c('practice-review-dates-out-of-order', 'error', 'rule', 'In the practice-reviews return, a date comes before one that must precede it (incident, became aware, notified, rapid review, local review commissioned, published).'),
  c('practice-review-non-working-day', 'warning', 'rule', 'A panel notification or rapid review is dated on a Saturday, Sunday or bank holiday of England and Wales; timeliness is counted in working days, so the date is questioned.'),
  c('practice-review-decision-mismatch', 'warning', 'rule', 'The decision after a rapid review disagrees with the local review columns (a local review decided but not commissioned, or commissioned without that decision).'),
  c('guidance-requirement-unmet', 'warning', 'rule', 'A requirement of the statutory guidance edition named in board.yaml (guidance.edition) is not met by the year\'s report: the message gives its paragraph, the hint what would meet it. Record a reason under guidance.unmet to print it in the statement instead.'),
  c('typed-figure', 'warning', 'rule', 'A number typed in the narrative or recommendations is a figure the tool computes or was supplied for the year; the finding names the live figure ({{value "id"}}) to write instead. Put {{! not a figure }} straight after a number that is something else.'),
  c('typed-total-mismatch', 'warning', 'rule', 'A total typed in the narrative disagrees with the parts typed or cited beside it ("14,590 … of these 11,592 … and 3,000"); the finding gives both numbers.'),
  c('typed-percentage-mismatch', 'warning', 'rule', 'A percentage typed in the narrative is not the share the figures beside it give ("9 of 12 (62%)"); the finding gives both.'),
  c('typed-small-count', 'error', 'rule', 'Published edition only: the narrative or recommendations type a count from 1 to the suppression threshold about people ("one child (8%)", "all but one were female"), which would publish what disclosure control hides. Stops `build`; the internal edition is not affected.'),
  c('typed-percentage-discloses', 'error', 'rule', 'Published edition only: a typed percentage beside a live figure that the published edition suppresses would give the figure away. Stops `build`.'),
  c('duplicate-reference', 'error', 'rule', 'A reference (or another column that must be unique, such as an agency or course) appears in more than one row.'),
  c('personal-data-value', 'error', 'rule', 'A free-text cell, or a cell in a column with no header, holds what looks like a postcode, e-mail address, phone number, NHS or National Insurance number or date of birth. The value is withheld from the finding.'),
  c('link-text-empty', 'warning', 'rule', 'A link in the narrative has no text, so it says nothing about where it goes (the report shows its address instead). Only a cross-reference, [](#label), is written empty.'),
  c('link-text-not-descriptive', 'warning', 'rule', 'A link in the narrative says "click here", "read more" or the like, or its text is the web address itself: out of context it does not say where it leads. Name the page it opens.'),
  c('figure-id-duplicate', 'error', 'rule', 'tables.yaml declares two tables (or two charts) with the same id, or an id in the namespace of a section\'s built-in figures (allegations.…); use a namespace of the board\'s own, such as local.'),
  c('figure-indicator-unknown', 'error', 'rule', 'A row of a table or chart in tables.yaml is not an indicator: neither the tool\'s nor one of the board\'s own in indicators.yaml. The hint suggests the closest id.'),
  c('figure-chart-type-unknown', 'error', 'rule', 'A chart in tables.yaml asks for a type the tool does not draw (bar and line), or a bar chart has more than one row.'),
  c('figure-comparator-unknown', 'error', 'rule', 'A table in tables.yaml asks for a comparator that is not england, region or statistical-neighbours, or tables.yaml sets the comparators of a table the tool does not have (or that has no comparator columns).'),
  c('figure-section-unknown', 'warning', 'rule', 'A table or chart in tables.yaml belongs to a section that is not in the report, so it is shown only where a narrative places it.'),
  c('figure-unplaced', 'warning', 'rule', 'A table or chart in tables.yaml is placed in no narrative of the year and names no section, so the report does not show it.'),
  c('matter-file-missing', 'error', 'settings', 'The logo or inside cover file board.yaml names is not in the board folder (or could not be read).'),
  c('logo-not-image', 'error', 'settings', 'The logo board.yaml names is not a PNG, JPEG or SVG image (the tool reads what the file holds, not its name).'),
  c('logo-too-large', 'error', 'settings', 'The logo board.yaml names is larger than 512 KB; every copy of the report carries it, so save a smaller copy.'),
  c('email-in-narrative', 'warning', 'rule', 'A narrative line gives an e-mail address, which the report publishes as a link. Keep it only if it is the board\'s own contact address.'),
  c('date-outside-year', 'error or warning', 'rule', 'A date that must fall in the reporting year does not (an error), or a row belongs to another year\'s return, such as a plan that ended before the year began (a warning).'),
  c('end-before-start', 'error', 'rule', 'Something ends before it began: a plan, a LADO referral, or a child death review.'),
  c('reviews-exceed-due', 'error', 'rule', 'A child protection plan has more reviews on time than reviews due.'),
  c('inconsistent-outcome', 'error', 'rule', 'An outcome or status disagrees with its date: an outstanding referral with a date concluded, a concluded one without; a concluded death review without its date or category, or a date without the status.'),
  c('unknown-reference', 'error', 'rule', 'A row refers to something missing from the return it points to, such as attendance for an event that is not in the training events return.'),
  c('total-mismatch', 'error', 'rule', 'A stated total differs from the sum of its rows (event participants, e-learning Total, finance totals). The message gives both and the difference.'),
  c('total-missing', 'error', 'rule', 'A totals file (such as lado-totals.csv) has no total row with a count, so its parts have nothing to add up to.'),
  c('totals-disagree', 'error', 'rule', 'A return is supplied both as case-level rows and as totals, and a figure of the totals file differs from the one the rows give. The message gives both.'),
  c('carry-forward-mismatch', 'error', 'rule', 'The stated carry forward is not income minus expenditure. The message gives both and the difference.'),
  c('reserves-mismatch', 'error', 'rule', 'A stated contribution from reserves or surplus added to reserves is not the difference between expenditure and income, or closing reserves are not opening reserves plus that balance.'),
  c('partner-missing', 'error', 'rule', 'A contribution line of the finance return does not name the partner that made it (the Partner column).'),
  c('value-out-of-range', 'error', 'rule', 'A figure its measure cannot take: a negative count, population or rate, or a percentage above 100.'),
  c('attended-exceeds-held', 'error', 'rule', 'A board member attended more meetings than were held.'),
  c('unknown-indicator', 'error', 'rule', 'An indicator id (in the aggregates files or a narrative live figure) is not in the catalogue; the hint suggests the closest.'),
  c('duplicate-figure', 'error', 'rule', 'The same year and indicator (and comparator) appear twice in an aggregates file.'),
  c('narrative-expression-not-allowed', 'error', 'rule', 'Narrative Markdown holds a {{…}} expression other than the live figures {{value "id"}}, {{previous "id"}} and {{change "id"}}.'),
];

/** The entry for a code, if it is listed. */
export function findingCodeInfo(code: string): FindingCodeInfo | undefined {
  return FINDING_CODES.find((f) => f.code === code);
}
