/**
 * The returns a board collects each year, described once: file names, columns, types, allowed values.
 * Everything else (zod schemas, the blank templates, the data-folder docs, `init`) is derived from here,
 * so the documentation can never drift from what `validate` accepts.
 */

/** One allowed value of a coded column: the code written in the CSV and the label printed in reports. */
export interface AllowedValue {
  code: string;
  label: string;
}

/** The kinds of cell the tool understands. */
export type ColumnType =
  | 'ref' // a pseudonymous reference: letters, digits, '-', '_' or '/'
  | 'date' // ISO 2012-06-30 or UK 30/06/2012
  | 'count' // a whole number, 0 or more
  | 'money' // pounds, 0 or more, at most 2 decimal places; '£' and ',' allowed; held as whole pence
  | 'number' // any decimal number (context figures: rates, percentages)
  | 'enum' // one of `values`
  | 'yesno' // yes / no (also y, n, x = yes; blank = no where `blankMeans` is set)
  | 'text' // free text
  | 'indicator'; // an indicator id, e.g. cp.plans_open_at_year_end

/** One column of a CSV return. */
export interface ColumnDef {
  /** Property name in the parsed row. */
  key: string;
  /** The header as it appears in row 1 of the CSV (matched ignoring case and surrounding spaces). */
  header: string;
  type: ColumnType;
  required: boolean;
  values?: AllowedValue[];
  /** For yesno columns: what an empty cell means (the section 11 table marks yes with an x). */
  blankMeans?: 'no';
  /** Must be unique within the file. */
  unique?: boolean;
  /** Accepts "not recorded" (the agency did not record it): coded and yes/no columns of case-level returns. */
  notRecorded?: boolean;
  description: string;
  example: string;
}

/** A CSV return: one file in the year folder. */
export interface ReturnDef {
  id: ReturnId;
  file: string;
  title: string;
  /** What one row is. */
  grain: string;
  /** Case-level returns describe children or people: personal-data checks are strictest here. */
  caseLevel: boolean;
  /** Report sections that cannot be produced without this return. */
  sections: string[];
  /** Collected only by safeguarding partnerships (kind: partnership), not by a board; `init` leaves it out. */
  partnershipOnly?: boolean;
  /**
   * Collected only by boards that say so in board.yaml (`returns: { training-courses: collected }`): never
   * reported missing otherwise, and its indicators join the catalogue only for those boards.
   */
  optional?: boolean;
  /**
   * The case-level return this one stands in for when a board holds only totals (e.g. LADO referrals by
   * employment setting): a board supplies one or the other, so neither is reported missing while the other
   * is there; `init` writes the case-level template only.
   */
  alternativeTo?: ReturnId[];
  /** For a return supplied as totals: the figures it may give, and the indicators it stands in for. */
  totals?: TotalsSpec;
  columns: ColumnDef[];
}

/**
 * One figure a totals file can give, named in its Breakdown column: a single count (or a percentage of its
 * base), or one breakdown whose parts are named in the Code column.
 */
export interface TotalsFigure {
  code: string;
  label: string;
  /** The indicator its count gives (a single figure). */
  indicator?: string;
  /** The indicator that is this figure as a percentage of its base. */
  percentIndicator?: string;
  /** For a breakdown: the indicator family its parts belong to (`cp.category` → `cp.category.neglect`). */
  family?: string;
  /** For a breakdown: the codes its parts may name. */
  codes?: AllowedValue[];
  /** For a breakdown whose parts are named in the board's own words (agencies): any text is a code. */
  freeCodes?: boolean;
  /** The figure this one is part of: a percentage is of its count, and a part cannot exceed it. */
  base?: string;
  /** For a breakdown: every case belongs to exactly one part, so the parts add up to the base. */
  addsUp?: boolean;
}

/** What a totals return stands in for. */
export interface TotalsSpec {
  /** How reasons name it: "the child protection plans return for 2012-13 was supplied as totals …". */
  subject: string;
  /** Prefixes of the indicator ids the case-level return(s) would give; the totals give these or none. */
  covers: string[];
  figures: TotalsFigure[];
}

export type ReturnId =
  | 'cpPlans'
  | 'ladoReferrals'
  | 'cdopCases'
  | 'trainingEvents'
  | 'trainingAttendance'
  | 'elearning'
  | 'finance'
  | 'context'
  | 'boardMembers'
  | 'section11'
  | 'practiceReviews'
  | 'ladoTotals'
  | 'cpTotals'
  | 'cdopTotals'
  | 'trainingTotals'
  | 'trainingCourses';

const v = (code: string, label: string): AllowedValue => ({ code, label });

/** Categories of abuse recorded when a child protection plan starts. */
export const CP_CATEGORIES: AllowedValue[] = [
  v('neglect', 'Neglect'),
  v('physical', 'Physical abuse'),
  v('emotional', 'Emotional abuse'),
  v('sexual', 'Sexual abuse'),
  v('multiple', 'Multiple categories'),
];

/** Who referred an allegation to the LADO (the published Calderdale source table). */
export const LADO_SOURCES: AllowedValue[] = [
  v('childrens-services', "Children and Young People's Services"),
  v('other-la-services', 'Other local authority services'),
  v('other-local-authorities', 'Other local authorities'),
  v('police', 'Police'),
  v('schools', 'LA schools (including academies)'),
  v('voluntary-sector', 'Voluntary sector'),
  v('independent-sector', 'Independent sector'),
  v('ofsted', 'Ofsted'),
  v('cafcass', 'Cafcass'),
  v('sport', 'Sporting organisations'),
  v('higher-education', 'Higher education'),
  v('armed-forces', 'Armed forces'),
  v('public', 'Members of the public'),
  v('health', 'Health services'),
  v('other', 'Other'),
];

/** The sector the person the allegation is about works in. */
export const LADO_SECTORS: AllowedValue[] = [
  v('education', 'Education'),
  v('early-years', 'Early years and childminding'),
  v('foster-care', 'Foster care'),
  v('residential-care', 'Residential care'),
  v('social-care', 'Social care'),
  v('health', 'Health'),
  v('police', 'Police'),
  v('faith', 'Faith groups'),
  v('sport', 'Sport and leisure'),
  v('voluntary', 'Voluntary and community'),
  v('transport', 'Transport'),
  v('armed-forces', 'Armed forces'),
  v('other', 'Other'),
];

/** Nature of the allegation. */
export const LADO_NATURES: AllowedValue[] = [
  v('sexual', 'Sexual abuse'),
  v('physical', 'Physical abuse'),
  v('emotional', 'Emotional abuse'),
  v('neglect', 'Neglect'),
  v('unsuitable', 'Unsuitable to work with children'),
];

/** Outcome of the LADO's enquiries. */
export const LADO_OUTCOMES: AllowedValue[] = [
  v('substantiated', 'Substantiated'),
  v('unsubstantiated', 'Unsubstantiated'),
  v('unfounded-false', 'Unfounded - false'),
  v('unfounded-malicious', 'Unfounded - malicious'),
  v('did-not-meet-threshold', 'Did not meet threshold'),
  v('outstanding', 'Outstanding'),
];

/** Age at death, in the bands CDOP returns use. */
export const CDOP_AGE_BANDS: AllowedValue[] = [
  v('0-27-days', 'Under 28 days'),
  v('28-364-days', '28 days to under 1 year'),
  v('1-4', '1 to 4 years'),
  v('5-9', '5 to 9 years'),
  v('10-14', '10 to 14 years'),
  v('15-17', '15 to 17 years'),
];

/** Where the panel's review of a death stands on 31 March. */
export const CDOP_REVIEW_STATUSES: AllowedValue[] = [
  v('not-discussed', 'Not yet discussed at panel'),
  v('deferred', 'Considered at panel, deferred for more information'),
  v('concluded', 'Concluded at panel'),
];

/** The ten national CDOP categories of death. */
export const CDOP_CATEGORIES: AllowedValue[] = [
  v('1', 'Deliberately inflicted injury, abuse or neglect'),
  v('2', 'Suicide or deliberate self-inflicted harm'),
  v('3', 'Trauma and other external factors'),
  v('4', 'Malignancy'),
  v('5', 'Acute medical or surgical condition'),
  v('6', 'Chronic medical condition'),
  v('7', 'Chromosomal, genetic and congenital anomalies'),
  v('8', 'Perinatal or neonatal event'),
  v('9', 'Infection'),
  v('10', 'Sudden unexpected, unexplained death'),
];

/** Kinds of direct training event (the Calderdale 7.2 list). */
export const TRAINING_TYPES: AllowedValue[] = [
  v('single-agency', 'Single-agency session'),
  v('multi-agency-course', 'Multi-agency course'),
  v('briefing', 'Multi-agency briefing'),
  v('regional', 'Regional training event'),
  v('conference', 'Conference'),
  v('launch', 'Launch of procedures or initiatives'),
  v('masterclass', 'Masterclass'),
];

/** Lines of the financial statement. */
export const FINANCE_TYPES: AllowedValue[] = [
  v('expenditure', 'Expenditure'),
  v('contribution', "Partner contribution (the Partner column names the partner)"),
  v('other-income', 'Other income (grants, charges, interest)'),
  v('income', 'Income (a partner contribution when Partner is given, otherwise other income)'),
  v('from-reserves', 'Contribution from reserves (net expenditure met from reserves)'),
  v('to-reserves', 'Surplus added to reserves'),
  v('opening-reserves', 'Reserves at the start of the year'),
  v('closing-reserves', 'Reserves at the end of the year'),
  v('total-expenditure', 'Stated total expenditure'),
  v('total-income', 'Stated total income'),
  v('carry-forward', 'Stated carry forward'),
];

/** Finance line types that are income (partner contributions and other income). */
export const FINANCE_INCOME_TYPES: readonly string[] = ['contribution', 'other-income', 'income'];

/** Figures from other systems that describe the area's children (section 3 and 13 of the report). */
export const CONTEXT_MEASURES: AllowedValue[] = [
  v('child_population_0_17', 'Children aged 0-17 (population estimate)'),
  v('looked_after_children', 'Looked-after children at 31 March'),
  v('children_in_need_per_10k', 'Children in need per 10,000 children'),
  v('referrals_per_10k', "Referrals to children's social care per 10,000 children"),
  v('caf_assessments', 'New early-help (CAF) assessments'),
  v('cse_referrals', 'Referrals to the child sexual exploitation group'),
  v('young_carers_known', 'Young carers known to the young carers service'),
  v('free_school_meals_pct', 'Pupils eligible for free school meals (%)'),
  v('sen_statements', 'Children with a statement of special educational needs'),
  v('placement_orders', 'Looked-after children subject to placement orders'),
  v('private_fostering_referrals', 'Private fostering referrals'),
  v('children_in_workless_households', 'Children in households where no-one works'),
  v('minority_ethnic_pct', 'Children from a minority ethnic group (%)'),
  v('reception_obesity_pct', 'Obesity in reception class (%)'),
  v('bullied_pct', 'Young people reporting experience of bullying (%)'),
  v('births_per_year', 'Births per year'),
];

/** What the safeguarding partners decided after the rapid review of a serious incident. */
export const PRACTICE_REVIEW_DECISIONS: AllowedValue[] = [
  v('local-review', 'Local child safeguarding practice review commissioned'),
  v('no-local-review', 'No local review: learning taken forward in other ways'),
  v('national-review', 'Referred to the national panel, which decided on a national review'),
  v('pending', 'Not yet decided'),
];

/** Comparator areas for indicators. */
export const COMPARATORS: AllowedValue[] = [
  v('england', 'England'),
  v('region', 'Region'),
  v('statistical-neighbours', 'Statistical neighbours'),
];

/** The CSV returns held in each year folder. */
export const RETURNS: ReturnDef[] = [
  {
    id: 'cpPlans',
    file: 'child-protection-plans.csv',
    title: 'Child protection plans',
    grain: 'one row per child protection plan open at any time in the year',
    caseLevel: true,
    sections: ['priority-groups', 'local-context'],
    columns: [
      { key: 'planRef', header: 'Plan ref', type: 'ref', required: true, unique: true, description: 'Pseudonymous reference of the plan, unique in the file.', example: 'CP-0001' },
      { key: 'childRef', header: 'Child ref', type: 'ref', required: true, description: 'Pseudonymous reference of the child (never a name or case number from the case system).', example: 'C-1042' },
      { key: 'planStart', header: 'Plan start', type: 'date', required: true, description: 'Date the plan started.', example: '2012-06-30' },
      { key: 'planEnd', header: 'Plan end', type: 'date', required: false, description: 'Date the plan ended; blank if still open.', example: '2013-01-15' },
      { key: 'category', header: 'Category', type: 'enum', required: true, values: CP_CATEGORIES, description: 'Category of abuse recorded when the plan started.', example: 'neglect' },
      { key: 'previousPlan', header: 'Previous plan', type: 'yesno', required: true, description: 'Whether the child had been the subject of a plan before.', example: 'no' },
      { key: 'reviewsDue', header: 'Reviews due', type: 'count', required: true, description: 'Review conferences due so far for this plan.', example: '2' },
      { key: 'reviewsOnTime', header: 'Reviews on time', type: 'count', required: true, description: 'Of the reviews due, how many were held on time.', example: '2' },
    ],
  },
  {
    id: 'ladoReferrals',
    file: 'lado-referrals.csv',
    title: 'LADO referrals',
    grain: 'one row per allegation referred to the Local Authority Designated Officer',
    caseLevel: true,
    sections: ['allegations'],
    columns: [
      { key: 'referralRef', header: 'Referral ref', type: 'ref', required: true, unique: true, description: 'Pseudonymous reference of the referral.', example: 'L-0001' },
      { key: 'dateReceived', header: 'Date received', type: 'date', required: true, description: 'Date the LADO received the referral (must be in the reporting year).', example: '2012-05-14' },
      { key: 'source', header: 'Referral source', type: 'enum', required: true, values: LADO_SOURCES, description: 'Who made the referral.', example: 'schools' },
      { key: 'sector', header: 'Sector', type: 'enum', required: true, values: LADO_SECTORS, description: 'Sector the person works or volunteers in.', example: 'education' },
      { key: 'nature', header: 'Nature', type: 'enum', required: true, values: LADO_NATURES, description: 'Nature of the allegation.', example: 'physical' },
      { key: 'workBased', header: 'Work based', type: 'yesno', required: true, description: 'Whether the allegation is about conduct at work (no: outside work).', example: 'yes' },
      { key: 'outcome', header: 'Outcome', type: 'enum', required: true, values: LADO_OUTCOMES, description: 'Outcome of the enquiries; outstanding if not concluded.', example: 'substantiated' },
      { key: 'dateConcluded', header: 'Date concluded', type: 'date', required: false, description: 'Date the case concluded; blank if outstanding.', example: '2012-06-01' },
      { key: 'policeInvolved', header: 'Police involvement', type: 'yesno', required: true, description: 'Whether there were police enquiries.', example: 'no' },
      { key: 'disciplinaryInvolved', header: 'Disciplinary involvement', type: 'yesno', required: true, description: "Whether there were the employer's disciplinary enquiries.", example: 'no' },
    ],
  },
  {
    id: 'cdopCases',
    file: 'cdop-cases.csv',
    title: 'Child deaths (CDOP)',
    grain: 'one row per child death notified in the year, plus earlier deaths whose review concluded in the year',
    caseLevel: true,
    sections: ['case-reviews'],
    columns: [
      { key: 'caseRef', header: 'Case ref', type: 'ref', required: true, unique: true, description: 'Pseudonymous reference of the case.', example: 'D-0001' },
      { key: 'dateNotified', header: 'Date notified', type: 'date', required: true, description: 'Date the death was notified to the child death review team.', example: '2012-07-02' },
      { key: 'ageBand', header: 'Age band', type: 'enum', required: true, values: CDOP_AGE_BANDS, description: 'Age at death.', example: '28-364-days' },
      { key: 'deathType', header: 'Expected', type: 'enum', required: true, values: [v('expected', 'Expected'), v('unexpected', 'Unexpected')], description: 'Whether the death was expected.', example: 'expected' },
      { key: 'reviewStatus', header: 'Review status', type: 'enum', required: true, values: CDOP_REVIEW_STATUSES, description: 'Where the review stood on 31 March.', example: 'concluded' },
      { key: 'dateConcluded', header: 'Date concluded', type: 'date', required: false, description: 'Date the panel concluded its review; blank unless concluded.', example: '2013-02-20' },
      { key: 'category', header: 'Category', type: 'enum', required: false, values: CDOP_CATEGORIES, description: 'National CDOP category (1-10), given when the review concludes.', example: '8' },
      { key: 'modifiable', header: 'Modifiable factors', type: 'enum', required: false, values: [v('yes', 'Yes'), v('no', 'No'), v('possibly', 'Possibly')], description: 'Whether the panel found modifiable factors; given when the review concludes.', example: 'no' },
      { key: 'locality', header: 'Locality', type: 'text', required: false, description: 'Locality of residence (an area, never an address).', example: 'Halifax Central' },
      { key: 'deprivationQuintile', header: 'Deprivation quintile', type: 'enum', required: false, values: ['1', '2', '3', '4', '5'].map((q) => v(q, q === '1' ? '1 (most deprived)' : q === '5' ? '5 (least deprived)' : q)), description: 'IMD quintile of the area of residence, 1 = most deprived.', example: '1' },
    ],
  },
  {
    id: 'trainingEvents',
    file: 'training-events.csv',
    title: 'Training events',
    grain: 'one row per direct training event delivered in the year',
    caseLevel: false,
    sections: ['training'],
    columns: [
      { key: 'eventRef', header: 'Event ref', type: 'ref', required: true, unique: true, description: 'Reference of the event.', example: 'T-001' },
      { key: 'date', header: 'Date', type: 'date', required: true, description: 'Date of the event (in the reporting year).', example: '2012-09-12' },
      { key: 'type', header: 'Type', type: 'enum', required: true, values: TRAINING_TYPES, description: 'Kind of event.', example: 'multi-agency-course' },
      { key: 'title', header: 'Title', type: 'text', required: true, description: 'Title of the course or event.', example: 'Working with neglect' },
      { key: 'level', header: 'Level', type: 'text', required: false, description: 'Level of the course, if the programme uses levels.', example: 'Core' },
      { key: 'participants', header: 'Participants', type: 'count', required: true, description: 'Total participants; must equal the sum of its rows in the attendance return.', example: '24' },
    ],
  },
  {
    id: 'trainingAttendance',
    file: 'training-attendance.csv',
    title: 'Training attendance by agency',
    grain: 'one row per event and agency',
    caseLevel: false,
    sections: ['training'],
    columns: [
      { key: 'eventRef', header: 'Event ref', type: 'ref', required: true, description: 'Event reference from the training events return.', example: 'T-001' },
      { key: 'agency', header: 'Agency', type: 'text', required: true, description: 'Agency the participants came from.', example: 'Police' },
      { key: 'participants', header: 'Participants', type: 'count', required: true, description: 'Participants from that agency.', example: '3' },
    ],
  },
  {
    id: 'elearning',
    file: 'elearning-completions.csv',
    title: 'E-learning completions',
    grain: 'one row per course; an optional last row with Course "Total" is checked against the sum',
    caseLevel: false,
    sections: ['training'],
    columns: [
      { key: 'course', header: 'Course', type: 'text', required: true, unique: true, description: 'E-learning course title.', example: 'An Introduction to Safeguarding Children' },
      { key: 'completions', header: 'Completions', type: 'count', required: true, description: 'People who completed the course (passed its test) in the year.', example: '94' },
    ],
  },
  {
    id: 'finance',
    file: 'finance.csv',
    title: 'Finance',
    grain: 'one row per line of the financial statement',
    caseLevel: false,
    sections: ['finance'],
    columns: [
      { key: 'type', header: 'Type', type: 'enum', required: true, values: FINANCE_TYPES, description: 'Kind of line. Stated totals, carry forward, reserves lines are optional; stated figures are checked against the lines.', example: 'expenditure' },
      { key: 'heading', header: 'Heading', type: 'text', required: true, description: 'Heading as printed in the statement.', example: 'Salary costs' },
      { key: 'partner', header: 'Partner', type: 'text', required: false, description: 'For a contribution line: the partner agency contributing (required there, printed in the table).', example: 'West Yorkshire Police' },
      { key: 'pence', header: 'Amount', type: 'money', required: false, description: 'Amount in pounds and pence, such as 1,540.50 (no negatives; at most 2 decimal places). Blank means "not supplied": the line is printed as such and left out of the totals.', example: '138706' },
    ],
  },
  {
    id: 'context',
    file: 'context.csv',
    title: 'Context figures',
    grain: 'one row per figure supplied from another system',
    caseLevel: false,
    sections: ['local-context', 'priority-groups'],
    columns: [
      { key: 'measure', header: 'Measure', type: 'enum', required: true, unique: true, values: CONTEXT_MEASURES, description: 'Which figure this is.', example: 'looked_after_children' },
      { key: 'value', header: 'Value', type: 'number', required: true, description: 'The figure, as published: rates per 10,000 and percentages as numbers (26.5; a trailing % is accepted and ignored).', example: '339' },
      { key: 'periodEnd', header: 'Period end', type: 'date', required: false, description: 'Date the figure describes (a snapshot date or the end of its period).', example: '2013-03-31' },
      { key: 'source', header: 'Source', type: 'text', required: true, description: 'Where the figure comes from.', example: 'SSDA903 return' },
      { key: 'period', header: 'Period', type: 'text', required: false, description: 'The period or date the figure describes, in words, when it is not the report year: printed beside the figure. Blank: worked out from Period end.', example: 'mid-2010 estimate' },
      { key: 'ageBand', header: 'Age band', type: 'text', required: false, description: 'The ages the figure covers, as its source gives them (for the child population); printed in its label instead of the default.', example: '0-18' },
    ],
  },
  {
    id: 'boardMembers',
    file: 'board-members.csv',
    title: 'Board membership',
    grain: 'one row per board member (public office holders, named as published)',
    caseLevel: false,
    sections: ['board-effectiveness'],
    columns: [
      { key: 'name', header: 'Name', type: 'text', required: true, description: "Member's name as it is to be published.", example: 'Jane Booth' },
      { key: 'role', header: 'Job title', type: 'text', required: true, description: 'Job title.', example: 'Independent Chair' },
      { key: 'agency', header: 'Agency', type: 'text', required: true, description: 'Agency represented.', example: 'Calderdale Safeguarding Children Board' },
      { key: 'meetingsHeld', header: 'Meetings held', type: 'count', required: false, description: 'Board meetings the member could have attended.', example: '6' },
      { key: 'meetingsAttended', header: 'Meetings attended', type: 'count', required: false, description: 'Board meetings the member (or a deputy) attended.', example: '5' },
    ],
  },
  {
    id: 'section11',
    file: 'section-11-audit.csv',
    title: 'Section 11 audit',
    grain: 'one row per agency asked to complete the section 11 self-assessment',
    caseLevel: false,
    sections: ['section-11', 'appendix-section-11'],
    columns: [
      { key: 'agency', header: 'Agency', type: 'text', required: true, unique: true, description: 'Agency name.', example: 'Police' },
      { key: 'returned', header: 'Returned audit', type: 'yesno', required: false, blankMeans: 'no', description: 'Returned its audit (yes, or x; blank means no).', example: 'x' },
      { key: 'invited', header: 'Invited to challenge', type: 'yesno', required: false, blankMeans: 'no', description: 'Invited to a challenge event.', example: 'x' },
      { key: 'attended', header: 'Attended challenge', type: 'yesno', required: false, blankMeans: 'no', description: 'Attended the challenge event.', example: 'x' },
      { key: 'deferred', header: 'Deferred', type: 'yesno', required: false, blankMeans: 'no', description: 'Deferred until next year.', example: '' },
      { key: 'recommendations', header: 'Recommendations made', type: 'yesno', required: false, blankMeans: 'no', description: 'Recommendations were made to the agency.', example: 'x' },
    ],
  },
  {
    id: 'practiceReviews',
    file: 'practice-reviews.csv',
    title: 'Serious incidents and practice reviews',
    grain: 'one row per serious incident notified to the Child Safeguarding Practice Review Panel in the year',
    caseLevel: true,
    sections: ['practice-reviews'],
    partnershipOnly: true,
    columns: [
      { key: 'incidentRef', header: 'Incident ref', type: 'ref', required: true, unique: true, description: 'Pseudonymous reference of the serious incident notification (never a name or case number).', example: 'SI-001' },
      { key: 'incidentDate', header: 'Incident date', type: 'date', required: true, description: 'Date of the incident.', example: '2023-12-20' },
      { key: 'dateAware', header: 'Date aware', type: 'date', required: false, description: 'Date the local authority became aware of the incident; blank means the incident date. Notification and rapid review times are counted from it.', example: '2023-12-21' },
      { key: 'dateNotified', header: 'Date notified', type: 'date', required: true, description: 'Date the incident was notified to the national Child Safeguarding Practice Review Panel (must be in the reporting year).', example: '2023-12-29' },
      { key: 'rapidReviewDate', header: 'Rapid review completed', type: 'date', required: false, description: 'Date the rapid review was completed and sent to the panel; blank if not yet completed.', example: '2024-01-15' },
      { key: 'decision', header: 'Decision', type: 'enum', required: true, values: PRACTICE_REVIEW_DECISIONS, description: 'What the partners decided after the rapid review.', example: 'local-review' },
      { key: 'reviewCommissioned', header: 'Local review commissioned', type: 'date', required: false, description: 'Date a local child safeguarding practice review was commissioned; blank if none.', example: '2024-02-01' },
      { key: 'reviewPublished', header: 'Local review published', type: 'date', required: false, description: 'Date the local review was published; blank if not yet published.', example: '2024-09-30' },
    ],
  },
];

// In the case-level returns an agency may answer a coded or yes/no column with "not recorded".
for (const def of RETURNS) {
  if (!def.caseLevel || def.partnershipOnly) continue;
  for (const col of def.columns) if ((col.type === 'enum' || col.type === 'yesno') && !col.blankMeans) col.notRecorded = true;
}

const f = (code: string, label: string, more: Omit<TotalsFigure, 'code' | 'label'> = {}): TotalsFigure => ({ code, label, ...more });

/** The figures a LADO totals file can give: the total, breakdowns of it, and timeliness. */
export const LADO_TOTAL_FIGURES: TotalsFigure[] = [
  f('total', 'All referrals received in the year', { indicator: 'lado.referrals' }),
  f('source', 'Referrals by source (codes of the Referral source column)', { family: 'lado.source', codes: LADO_SOURCES, base: 'total', addsUp: true }),
  f('sector', 'Referrals by employment setting (codes of the Sector column)', { family: 'lado.sector', codes: LADO_SECTORS, base: 'total', addsUp: true }),
  f('nature', 'Referrals by nature of allegation (codes of the Nature column)', { family: 'lado.nature', codes: LADO_NATURES, base: 'total', addsUp: true }),
  f('outcome', 'Referrals by outcome (codes of the Outcome column)', { family: 'lado.outcome', codes: LADO_OUTCOMES, base: 'total', addsUp: true }),
  f('work-based', 'Referrals about conduct at work', { indicator: 'lado.work_based', base: 'total' }),
  f('outside-work', 'Referrals about conduct outside work', { indicator: 'lado.outside_work', base: 'total' }),
  f('concluded-within-1-month', 'Referrals concluded within one month of receipt', { percentIndicator: 'lado.concluded_within_1_month_pct', base: 'total' }),
  f('over-1-month', 'Referrals concluded more than one month after receipt', { indicator: 'lado.over_1_month', base: 'total' }),
  f('over-1-month-police', 'Referrals over one month with police enquiries only', { indicator: 'lado.over_1_month_police', base: 'over-1-month' }),
  f('over-1-month-disciplinary', 'Referrals over one month with disciplinary enquiries only', { indicator: 'lado.over_1_month_disciplinary', base: 'over-1-month' }),
  f('over-1-month-both', 'Referrals over one month with police and disciplinary enquiries', { indicator: 'lado.over_1_month_both', base: 'over-1-month' }),
];

/** The figures a child protection totals file can give. */
export const CP_TOTAL_FIGURES: TotalsFigure[] = [
  f('open', 'Plans open at 31 March', { indicator: 'cp.plans_open_at_year_end' }),
  f('started', 'Plans started in the year', { indicator: 'cp.plans_started' }),
  f('ended', 'Plans ended in the year', { indicator: 'cp.plans_ended' }),
  f('category', 'Plans open at 31 March by category of abuse (codes of the Category column)', { family: 'cp.category', codes: CP_CATEGORIES, base: 'open', addsUp: true }),
  f('second-or-subsequent', 'Plans started in the year where the child had had a plan before', { percentIndicator: 'cp.second_or_subsequent_pct', base: 'started' }),
  f('lasted-2y-plus', 'Plans ended in the year that had lasted 2 years or more', { percentIndicator: 'cp.lasting_2y_plus_pct', base: 'ended' }),
  f('open-3-months', 'Plans open at 31 March that had lasted at least 3 months', { base: 'open' }),
  f('reviewed-in-time', 'Plans open at 31 March for at least 3 months with every review held on time', { percentIndicator: 'cp.reviewed_in_time_pct', base: 'open-3-months' }),
];

/** The figures a child deaths (CDOP) totals file can give. */
export const CDOP_TOTAL_FIGURES: TotalsFigure[] = [
  f('notified', 'Deaths notified in the year', { indicator: 'cdop.deaths_notified' }),
  f('considered-at-panel', 'Deaths notified in the year that were considered at panel by 31 March', { indicator: 'cdop.considered_at_panel', base: 'notified' }),
  f('concluded-notified-in-year', 'Deaths notified in the year whose review concluded by 31 March', { indicator: 'cdop.concluded_notified_in_year', percentIndicator: 'cdop.notified_concluded_in_year_pct', base: 'notified' }),
  f('deferred', 'Deaths notified in the year considered at panel and deferred', { indicator: 'cdop.deferred', base: 'notified' }),
  f('not-discussed', 'Deaths notified in the year not yet discussed at panel', { indicator: 'cdop.not_yet_discussed', base: 'notified' }),
  f('reviews-concluded', 'Reviews concluded at panel in the year, whatever year the death was notified', { indicator: 'cdop.reviews_concluded' }),
  f('concluded-notified-earlier', 'Reviews concluded in the year of deaths notified in earlier years', { indicator: 'cdop.concluded_notified_earlier', base: 'reviews-concluded' }),
];

/** The figures a training totals file can give. */
export const TRAINING_TOTAL_FIGURES: TotalsFigure[] = [
  f('events', 'Direct training events held in the year', { indicator: 'training.events' }),
  f('participants', 'Participants at those events', { indicator: 'training.participants' }),
  f('type', 'Events by kind (codes of the Type column of the training events return)', { family: 'training.type', codes: TRAINING_TYPES, base: 'events', addsUp: true }),
  f('agency', 'Participants by agency (the agency in the board\'s own words in Code)', { freeCodes: true, base: 'participants', addsUp: true }),
];

/** The columns every totals file has. */
function totalsColumns(figures: TotalsFigure[], example: { breakdown: string; part: string; count: string; percent: string }): ColumnDef[] {
  return [
    { key: 'breakdown', header: 'Breakdown', type: 'enum', required: true, values: figures.map((x) => v(x.code, x.label)), description: 'What the row counts: a figure, or one part of a breakdown. A breakdown that is given must cover every case; a figure that is not given is shown as not available.', example: example.breakdown },
    { key: 'code', header: 'Code', type: 'text', required: false, description: 'For a part of a breakdown: its code, as in the case-level return. Blank for a single figure.', example: example.part },
    { key: 'count', header: 'Count', type: 'count', required: false, description: 'The number. Give this or Percent.', example: example.count },
    { key: 'percent', header: 'Percent', type: 'number', required: false, description: 'The percentage of the figure\'s base (listed with the figures), when the board holds percentages only. Give this or Count.', example: example.percent },
  ];
}

RETURNS.push(
  {
    id: 'ladoTotals',
    file: 'lado-totals.csv',
    title: 'LADO referrals as totals',
    grain: 'one row per figure: the total referrals received in the year, and the parts of each breakdown the board holds (counts, or percentages of the total)',
    caseLevel: false,
    sections: ['allegations'],
    alternativeTo: ['ladoReferrals'],
    totals: { subject: 'LADO', covers: ['lado.'], figures: LADO_TOTAL_FIGURES },
    columns: totalsColumns(LADO_TOTAL_FIGURES, { breakdown: 'sector', part: 'education', count: '39', percent: '27.1' }),
  },
  {
    id: 'cpTotals',
    file: 'cp-totals.csv',
    title: 'Child protection plans as totals',
    grain: 'one row per figure: plans open at 31 March, started and ended, open plans by category, and the other counts the board holds (counts, or percentages of their base)',
    caseLevel: false,
    sections: ['priority-groups', 'local-context'],
    alternativeTo: ['cpPlans'],
    totals: { subject: 'child protection plans', covers: ['cp.'], figures: CP_TOTAL_FIGURES },
    columns: totalsColumns(CP_TOTAL_FIGURES, { breakdown: 'category', part: 'neglect', count: '154', percent: '' }),
  },
  {
    id: 'cdopTotals',
    file: 'cdop-totals.csv',
    title: 'Child deaths (CDOP) as totals',
    grain: 'one row per figure: deaths notified, where their reviews stood on 31 March, and reviews concluded in the year',
    caseLevel: false,
    sections: ['case-reviews'],
    alternativeTo: ['cdopCases'],
    totals: { subject: 'child deaths (CDOP)', covers: ['cdop.'], figures: CDOP_TOTAL_FIGURES },
    columns: totalsColumns(CDOP_TOTAL_FIGURES, { breakdown: 'notified', part: '', count: '17', percent: '' }),
  },
  {
    id: 'trainingTotals',
    file: 'training-totals.csv',
    title: 'Training as totals',
    grain: 'one row per figure: direct training events and participants, events by kind and participants by agency',
    caseLevel: false,
    sections: ['training'],
    alternativeTo: ['trainingEvents', 'trainingAttendance'],
    totals: { subject: 'training', covers: ['training.events', 'training.participants', 'training.type.'], figures: TRAINING_TOTAL_FIGURES },
    columns: totalsColumns(TRAINING_TOTAL_FIGURES, { breakdown: 'agency', part: 'Police', count: '42', percent: '' }),
  },
);

/** How a course was delivered. */
export const TRAINING_DELIVERY: AllowedValue[] = [
  v('face-to-face', 'Face to face'),
  v('e-learning', 'E-learning'),
  v('other', 'Other'),
];

RETURNS.push({
  id: 'trainingCourses',
  file: 'training-courses.csv',
  title: 'Training courses',
  grain: 'one row per course and year: the board\'s training catalogue course by course, for the report year and, if the board compares them, the year before',
  caseLevel: false,
  sections: ['training'],
  optional: true,
  columns: [
    { key: 'course', header: 'Course', type: 'text', required: true, description: 'Title of the course.', example: 'Working Together' },
    { key: 'level', header: 'Level', type: 'text', required: false, description: 'Level or audience of the course, in the board\'s own words (Level 2, Managers).', example: 'Level 2' },
    { key: 'delivery', header: 'Delivery', type: 'enum', required: true, values: TRAINING_DELIVERY, description: 'How the course was delivered: face to face, e-learning, or other (a webinar, blended course or self-study pack).', example: 'face-to-face' },
    { key: 'year', header: 'Year', type: 'text', required: false, description: 'The financial year the row describes: blank for the year of the folder, or the year before it (so one file can give the two years the report compares).', example: '2008-09' },
    { key: 'runs', header: 'Courses run', type: 'count', required: false, description: 'How many times the course ran in the year (blank for e-learning).', example: '7' },
    { key: 'places', header: 'Places', type: 'count', required: false, description: 'Places offered in the year.', example: '140' },
    { key: 'attended', header: 'Attended', type: 'count', required: false, description: 'Attendances (face to face) or completions (e-learning) in the year. Blank: not available.', example: '126' },
  ],
});

/** The returns that stand in for `id` when a board holds only totals. */
export function alternativesOf(id: ReturnId): ReturnDef[] {
  return RETURNS.filter((r) => r.alternativeTo?.includes(id));
}

/** Files that are not per-year CSV returns. */
export const OTHER_FILES = {
  boardConfig: 'board.yaml',
  publishedFigures: 'aggregates/published-figures.csv',
  comparators: 'aggregates/comparators.csv',
  recommendations: 'recommendations.yaml',
  narrativeDir: 'narrative',
} as const;

/** Figures supplied as published aggregates, for any year (the `aggregates/` folder at the board root). */
export const PUBLISHED_FIGURES_COLUMNS: ColumnDef[] = [
  { key: 'year', header: 'Year', type: 'text', required: true, description: 'Financial year the figure is for, like 2011-12.', example: '2011-12' },
  { key: 'indicator', header: 'Indicator', type: 'indicator', required: true, description: 'Indicator id (see `lscb-report indicators --list`).', example: 'cp.plans_open_at_year_end' },
  { key: 'value', header: 'Value', type: 'number', required: true, description: 'The published figure.', example: '237' },
  { key: 'source', header: 'Source', type: 'text', required: true, description: 'Where it was published.', example: 'CSCB annual report 2012-13, para 13.2' },
  { key: 'period', header: 'Period', type: 'text', required: false, description: 'The period or date the figure describes, in words, when it is not the Year: printed beside the figure.', example: 'March 2011' },
];

/** England, regional and statistical-neighbour figures for comparison. */
export const COMPARATOR_COLUMNS: ColumnDef[] = [
  { key: 'year', header: 'Year', type: 'text', required: true, description: 'Financial year, like 2012-13.', example: '2012-13' },
  { key: 'indicator', header: 'Indicator', type: 'indicator', required: true, description: 'Indicator id.', example: 'cp.rate_per_10k' },
  { key: 'comparator', header: 'Comparator', type: 'enum', required: true, values: COMPARATORS, description: 'Which comparison area.', example: 'england' },
  { key: 'value', header: 'Value', type: 'number', required: true, description: 'The comparator figure.', example: '37.9' },
  { key: 'source', header: 'Source', type: 'text', required: true, description: 'Where it was published.', example: 'DfE Characteristics of children in need 2012-13' },
  { key: 'period', header: 'Period', type: 'text', required: false, description: 'The period the comparator figure describes, in words, when it is not the Year: printed in the column header.', example: '2011-12 school year' },
];

/** The returns a board collects (for a partnership, every return). */
export function returnsFor(kind: 'board' | 'partnership'): ReturnDef[] {
  const collected = RETURNS.filter((r) => !r.alternativeTo && !r.optional);
  return kind === 'partnership' ? collected : collected.filter((r) => !r.partnershipOnly);
}

/** Look up a return definition by id. */
export function returnDef(id: ReturnId): ReturnDef {
  const def = RETURNS.find((r) => r.id === id);
  if (!def) throw new Error(`unknown return ${id}`);
  return def;
}
