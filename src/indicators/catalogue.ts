/**
 * The indicator catalogue: every figure the tool computes or accepts as supplied, with its title, unit,
 * definition, polarity and source. Ids are stable (see docs/indicators-json.md); breakdown ids use the
 * return's codes verbatim, e.g. `lado.outcome.unfounded-false`.
 */
import { distance } from 'fastest-levenshtein';
import {
  CONTEXT_MEASURES,
  CP_CATEGORIES,
  LADO_NATURES,
  LADO_OUTCOMES,
  LADO_SECTORS,
  LADO_SOURCES,
  TRAINING_TYPES,
  returnDef,
  type AllowedValue,
} from '../returns/definitions.js';
import type { IndicatorDef, Polarity, Unit } from './types.js';
import { collectedReturns, type ReturnsCollected } from '../returns/collection.js';

const CP = returnDef('cpPlans').file;
const LADO = returnDef('ladoReferrals').file;
const CDOP = returnDef('cdopCases').file;
const TRAINING = returnDef('trainingEvents').file;
const ELEARNING = returnDef('elearning').file;
const FINANCE = returnDef('finance').file;
const CONTEXT = returnDef('context').file;

/** Decimal places published for each unit (DfE/GSS practice). */
export const UNIT_DECIMALS: Record<Unit, number> = { count: 0, percent: 1, rate_per_10k: 1, money: 0, days: 0, ratio: 2 };

type Entry = Omit<IndicatorDef, 'decimals'> & { decimals?: number };

const def = (e: Entry): IndicatorDef => ({ ...e, decimals: e.decimals ?? UNIT_DECIMALS[e.unit] });

const count = (id: string, title: string, source: string, definition: string, polarity: Polarity = 'neither'): IndicatorDef =>
  def({ id, title, unit: 'count', definition, polarity, source });

/** One count per allowed code of a coded column, as breakdown members of `family`. */
function breakdown(
  family: string,
  codes: AllowedValue[],
  source: string,
  title: (label: string) => string,
  definition: (label: string) => string,
  /** The coded column counted, when the figure is a plain count of the year's rows holding each code. */
  column?: string,
): IndicatorDef[] {
  return codes.map((c) =>
    def({
      ...(column ? { formula: { count: { return: source, column, value: c.code } } } : {}),
      id: `${family}.${c.code}`,
      title: title(c.label),
      unit: 'count',
      definition: definition(c.label),
      polarity: 'neither',
      source,
      breakdownOf: family,
      breakdownCode: c.code,
      breakdownLabel: c.label,
    }),
  );
}

/** Unit of a context measure, from its code: `*_pct` is a percentage, `*_per_10k` a rate, anything else a count. */
export function contextMeasureUnit(measure: string): Unit {
  if (measure.endsWith('_pct')) return 'percent';
  if (measure.endsWith('_per_10k')) return 'rate_per_10k';
  return 'count';
}

/** Context measures where a reader would call a rise good or bad news; all others are `neither`. */
const CONTEXT_POLARITY: Record<string, Polarity> = {
  caf_assessments: 'higher_is_better', // more families reached by early help
  young_carers_known: 'higher_is_better', // more of the estimated young carers identified
  reception_obesity_pct: 'lower_is_better',
  bullied_pct: 'lower_is_better',
  children_in_workless_households: 'lower_is_better',
};

const cp: IndicatorDef[] = [
  def({
    id: 'cp.plans_open_at_year_end',
    title: 'Child protection plans open at 31 March',
    unit: 'count',
    definition: 'Plans that had started on or before 31 March and had not ended by then (plan end blank or after 31 March).',
    polarity: 'neither',
    source: CP,
  }),
  def({
    id: 'cp.rate_per_10k',
    title: 'Child protection plans per 10,000 children',
    unit: 'rate_per_10k',
    definition: 'Plans open at 31 March per 10,000 children aged 0-17.',
    numerator: 'child protection plans open at 31 March',
    denominator: 'children aged 0-17 (child_population_0_17 in context.csv), per 10,000',
    polarity: 'neither',
    source: `${CP} and ${CONTEXT}`,
  }),
  count('cp.plans_started', 'Child protection plans started', CP, 'Plans whose start date falls in the year (1 April to 31 March).'),
  count('cp.plans_ended', 'Child protection plans ended', CP, 'Plans whose end date falls in the year (1 April to 31 March).'),
  def({
    id: 'cp.second_or_subsequent_pct',
    title: 'Plans for a second or subsequent time (%)',
    unit: 'percent',
    definition: 'Of the plans started in the year, the percentage where the child had been the subject of a plan before.',
    numerator: 'plans started in the year where the child had a previous plan',
    denominator: 'plans started in the year',
    polarity: 'lower_is_better',
    source: CP,
  }),
  def({
    id: 'cp.lasting_2y_plus_pct',
    title: 'Plans ended that had lasted 2 years or more (%)',
    unit: 'percent',
    definition: 'Of the plans that ended in the year, the percentage that had lasted 2 years or more (end on or after the second anniversary of the start).',
    numerator: 'plans ended in the year that had lasted 2 years or more',
    denominator: 'plans ended in the year',
    polarity: 'lower_is_better',
    source: CP,
  }),
  def({
    id: 'cp.reviewed_in_time_pct',
    title: 'Plans reviewed on time (%)',
    unit: 'percent',
    definition: 'Of the plans open at 31 March that had lasted at least 3 months, the percentage whose every review due was held on time.',
    numerator: 'those plans with reviews held on time equal to (or more than) reviews due',
    denominator: 'plans open at 31 March that started on or before 31 December',
    polarity: 'higher_is_better',
    source: CP,
  }),
  ...breakdown(
    'cp.category',
    CP_CATEGORIES,
    CP,
    (label) => `Child protection plans open at 31 March: ${label.toLowerCase()}`,
    (label) => `Plans open at 31 March whose category of abuse at the start was ${label.toLowerCase()}.`,
  ),
];

const lado: IndicatorDef[] = [
  { ...count('lado.referrals', 'Allegations referred to the LADO', LADO, 'Referrals received by the Local Authority Designated Officer in the year.'), formula: { count: { return: LADO, column: 'Referral ref' } } },
  ...breakdown(
    'lado.source',
    LADO_SOURCES,
    LADO,
    (label) => `LADO referrals by source: ${label}`,
    (label) => `Referrals received in the year whose source was ${label}.`,
    'Referral source',
  ),
  ...breakdown(
    'lado.sector',
    LADO_SECTORS,
    LADO,
    (label) => `LADO referrals about people working in ${label.toLowerCase()}`,
    (label) => `Referrals received in the year about a person working or volunteering in ${label.toLowerCase()}.`,
    'Sector',
  ),
  ...breakdown(
    'lado.nature',
    LADO_NATURES,
    LADO,
    (label) => `LADO referrals by nature: ${label.toLowerCase()}`,
    (label) => `Referrals received in the year where the allegation was of ${label.toLowerCase()}.`,
    'Nature',
  ),
  ...breakdown(
    'lado.outcome',
    LADO_OUTCOMES,
    LADO,
    (label) => `LADO referrals by outcome: ${label.toLowerCase()}`,
    (label) => `Referrals received in the year whose recorded outcome is "${label.toLowerCase()}".`,
    'Outcome',
  ),
  count('lado.work_based', 'LADO referrals about conduct at work', LADO, 'Referrals received in the year about the person’s conduct at work.'),
  count('lado.outside_work', 'LADO referrals about conduct outside work', LADO, 'Referrals received in the year about conduct outside work that has implications for the person’s work with children.'),
  def({
    id: 'lado.concluded_within_1_month_pct',
    title: 'LADO referrals concluded within one month (%)',
    unit: 'percent',
    definition: 'Of the referrals received in the year, the percentage concluded within one calendar month of receipt (on or before the same day of the next month). Outstanding referrals count as not concluded within a month.',
    numerator: 'referrals received in the year and concluded on or before one month after receipt',
    denominator: 'referrals received in the year',
    polarity: 'higher_is_better',
    source: LADO,
  }),
  count(
    'lado.over_1_month',
    'LADO referrals that took more than one month to conclude',
    LADO,
    'Referrals received in the year that have concluded, more than one calendar month after receipt (outstanding referrals are not counted).',
    'lower_is_better',
  ),
  count('lado.over_1_month_police', 'LADO referrals over one month: police enquiries only', LADO, 'Of the referrals that took more than one month to conclude, those with police enquiries and no disciplinary enquiries.'),
  count('lado.over_1_month_disciplinary', 'LADO referrals over one month: disciplinary enquiries only', LADO, 'Of the referrals that took more than one month to conclude, those with disciplinary enquiries and no police enquiries.'),
  count('lado.over_1_month_both', 'LADO referrals over one month: police and disciplinary enquiries', LADO, 'Of the referrals that took more than one month to conclude, those with both police and disciplinary enquiries.'),
];

const cdop: IndicatorDef[] = [
  count('cdop.deaths_notified', 'Child deaths notified', CDOP, 'Deaths of children notified to the child death review team in the year.'),
  count('cdop.reviews_concluded', 'Child death reviews concluded at panel', CDOP, 'Reviews concluded at the Child Death Overview Panel in the year, whatever year the death was notified.'),
  def({
    id: 'cdop.notified_concluded_in_year_pct',
    title: 'Deaths notified in the year whose review concluded by 31 March (%)',
    unit: 'percent',
    definition: 'Of the deaths notified in the year, the percentage whose review was concluded at panel by 31 March.',
    numerator: 'deaths notified in the year with a review concluded in the year',
    denominator: 'deaths notified in the year',
    polarity: 'higher_is_better',
    source: CDOP,
  }),
  count('cdop.considered_at_panel', 'Deaths notified in the year considered at panel by 31 March', CDOP, 'Of the deaths notified in the year, those whose review status on 31 March was deferred or concluded.'),
  count('cdop.deferred', 'Deaths notified in the year whose review was deferred', CDOP, 'Of the deaths notified in the year, those considered at panel but deferred for more information (status on 31 March).'),
  count('cdop.not_yet_discussed', 'Deaths notified in the year not yet discussed at panel', CDOP, 'Of the deaths notified in the year, those not yet discussed at panel on 31 March.'),
  count('cdop.concluded_notified_in_year', 'Reviews concluded: deaths notified in the year', CDOP, 'Reviews concluded at panel in the year for deaths notified in the same year.'),
  count('cdop.concluded_notified_earlier', 'Reviews concluded: deaths notified in earlier years', CDOP, 'Reviews concluded at panel in the year for deaths notified before 1 April.'),
];

const training: IndicatorDef[] = [
  { ...count('training.events', 'Direct training events', TRAINING, 'Direct training events (courses, briefings, conferences and other sessions) held in the year.'), formula: { count: { return: TRAINING, column: 'Event ref' } } },
  { ...count('training.participants', 'Participants at direct training events', TRAINING, 'The sum of participants over the direct training events held in the year.'), formula: { sum: { return: TRAINING, column: 'Participants' } } },
  { ...count('training.elearning_completions', 'E-learning courses completed', ELEARNING, 'E-learning course completions in the year, summed over the courses (a row titled "Total" is not counted).'), formula: { sum: { return: ELEARNING, column: 'Completions' } } },
  ...breakdown(
    'training.type',
    TRAINING_TYPES,
    TRAINING,
    (label) => `Direct training events: ${label.toLowerCase()}`,
    (label) => `Direct training events held in the year of the kind "${label.toLowerCase()}".`,
    'Type',
  ),
];

const money = (id: string, title: string, definition: string): IndicatorDef =>
  def({ id, title, unit: 'money', definition, polarity: 'neither', source: FINANCE });

const finance: IndicatorDef[] = [
  money('finance.expenditure_total', 'Total expenditure', 'The sum of the expenditure lines of the financial statement, in exact pence (a stated total line is checked, not used; a line left blank is not supplied and not counted).'),
  money('finance.income_total', 'Total income', 'The sum of the income lines of the financial statement: partner contributions and other income (grants, charges). A contribution from reserves is not income.'),
  money('finance.carry_forward', 'Carried forward', 'Total income minus total expenditure when income was the larger: the surplus carried forward to the next year. Nil when expenditure was larger (see finance.met_from_reserves).'),
  money('finance.met_from_reserves', 'Net expenditure met from reserves', 'Total expenditure minus total income when expenditure was the larger: the overspend met from reserves. Nil when income covered expenditure.'),
  money('finance.closing_reserves', 'Reserves at the end of the year', 'The closing-reserves line of the financial statement, or, when only opening reserves are given, opening reserves plus income minus expenditure.'),
];

const context: IndicatorDef[] = CONTEXT_MEASURES.map((m) => {
  const unit = contextMeasureUnit(m.code);
  return def({
    id: `context.${m.code}`,
    title: m.label,
    unit,
    definition: `${m.label}, as supplied in context.csv from another system (its Source column says which).`,
    polarity: CONTEXT_POLARITY[m.code] ?? 'neither',
    source: CONTEXT,
  });
});

const COURSES = returnDef('trainingCourses').file;

/**
 * Figures of the course-level training return (training-courses.csv). It is optional, so these join a
 * board's catalogue only when its board.yaml declares it collects the return.
 */
export const COURSE_INDICATORS: IndicatorDef[] = [
  count('training.courses_run', 'Training courses run', COURSES, 'The number of times the courses of the training catalogue ran in the year: the sum of Courses run (e-learning courses have none).'),
  count('training.course_places', 'Places on training courses', COURSES, 'Places offered on the courses of the training catalogue in the year: the sum of Places.'),
  count('training.course_attendances', 'Attendances and completions on training courses (all training)', COURSES, 'Attendances at face-to-face courses plus completions of e-learning and other courses in the year: the sum of Attended over every course.', 'higher_is_better'),
  count('training.course_attendances_face_to_face', 'Attendances at face-to-face training courses', COURSES, 'Attendances in the year at the courses delivered face to face.', 'higher_is_better'),
  count('training.course_attendances_elearning', 'E-learning course completions (training catalogue)', COURSES, 'Completions in the year of the courses delivered as e-learning.', 'higher_is_better'),
];

/** Every indicator, in the order reports and commands list them. */
export const INDICATORS: IndicatorDef[] = [...cp, ...lado, ...cdop, ...training, ...finance, ...context];

const BY_ID = new Map(INDICATORS.map((d) => [d.id, d]));

/**
 * The tool's catalogue (with the figures of the optional returns the board declares it collects) followed
 * by a board's own indicators (from its indicators.yaml), in listing order.
 */
export function catalogueOf(board?: { ownIndicators?: readonly IndicatorDef[]; config?: { returns?: ReturnsCollected } | null } | null): IndicatorDef[] {
  const own = board?.ownIndicators ?? [];
  const courses = collectedReturns(board?.config?.returns).has('trainingCourses') ? COURSE_INDICATORS : [];
  return own.length === 0 && courses.length === 0 ? INDICATORS : [...INDICATORS, ...courses, ...own];
}

/** The catalogue entry for an id, if there is one (in `defs`, by default the tool's own catalogue). */
export function indicatorDef(id: string, defs: readonly IndicatorDef[] = INDICATORS): IndicatorDef | undefined {
  return defs === INDICATORS ? BY_ID.get(id) : defs.find((d) => d.id === id);
}

/** True when the id is in the catalogue (`defs`, by default the tool's own). */
export function isKnownIndicatorId(id: string, defs: readonly IndicatorDef[] = INDICATORS): boolean {
  return indicatorDef(id, defs) !== undefined;
}

/** The members of a breakdown family (e.g. `lado.source`), in catalogue order; empty if it is not a family. */
export function breakdownMembers(family: string): IndicatorDef[] {
  return INDICATORS.filter((d) => d.breakdownOf === family);
}

/** The breakdown families, e.g. `cp.category`, `lado.source`. */
export function breakdownFamilies(): string[] {
  return [...new Set(INDICATORS.flatMap((d) => (d.breakdownOf ? [d.breakdownOf] : [])))];
}

/**
 * The candidate most like `input`, for "did you mean" hints: the shortest one containing it, else the
 * smallest edit distance to the whole candidate or (plus a half, so whole matches win ties) to its start,
 * since people type ids short.
 * Candidates default to every id.
 */
export function suggestIndicatorId(input: string, candidates: readonly string[] = INDICATORS.map((d) => d.id)): string {
  const s = input.trim().toLowerCase();
  let best = candidates[0] ?? '';
  let bestScore = Infinity;
  for (const c of candidates) {
    const score =
      s.length >= 4 && c.includes(s) && c !== s
        ? 0.25
        : Math.min(distance(s, c), s.length < c.length ? distance(s, c.slice(0, s.length)) + 0.5 : Infinity);
    if (score < bestScore || (score === bestScore && c.length < best.length)) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
