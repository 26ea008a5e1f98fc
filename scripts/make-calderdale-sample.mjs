#!/usr/bin/env node
/**
 * Builds the synthetic case-level returns of the bundled sample board (data-samples/calderdale/2012-13)
 * and checks that every figure the Calderdale Safeguarding Children Board published for 2012-13 can be
 * recomputed from the sample's files exactly.
 *
 *   node scripts/make-calderdale-sample.mjs           generate the five synthetic CSVs, then check
 *   node scripts/make-calderdale-sample.mjs --check   check only (exit 1 on any mismatch)
 *
 * The published report gives aggregates only, so the rows are invented: a seeded PRNG places them, and the
 * exact published counts are imposed by construction. Same seed, same files, byte for byte. No dependencies
 * beyond Node's built-ins (Node 20).
 *
 * Generated here: child-protection-plans.csv, lado-referrals.csv, cdop-cases.csv, training-events.csv,
 * training-attendance.csv. Hand-transcribed from the report and only checked here: finance.csv,
 * context.csv, elearning-completions.csv, board-members.csv, section-11-audit.csv, recommendations.yaml,
 * and the aggregates/ folder.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BOARD_DIR = join(ROOT, 'data-samples', 'calderdale');
const YEAR_DIR = join(BOARD_DIR, '2012-13');
const DEFINITIONS = join(ROOT, 'src', 'returns', 'definitions.ts');

const SEED = 20130829; // the day the report went to the board
const YEAR_START = '2012-04-01';
const YEAR_END = '2013-03-31';
const PREV_YEAR_END = '2012-03-31';

// ---------------------------------------------------------------------------------------------------
// Published figures the sample must reproduce (CSCB annual report 2012-13). The check compares against
// these; the generator is built to meet them.
// ---------------------------------------------------------------------------------------------------
const PUBLISHED = {
  cp: {
    openAtYearEnd: 217, // paras 3.33, 13.2
    openAtPrevYearEnd: 237, // paras 3.33, 13.2 (31 March 2012)
    neglectAtYearEnd: 154, // para 3.33
    neglectAtPrevYearEnd: 74, // para 3.33 (published 2011-12 figure; the sample's rows imply it too)
    secondOrSubsequentPct: 13.0, // para 13.3 ("13%")
    lasting2yPlusPct: 7.5, // para 13.3
    reviewedInTimePct: 100.0, // para 13.3
  },
  lado: {
    referrals: 144, // para 15.1
    source: {
      'childrens-services': 43, 'other-la-services': 7, 'other-local-authorities': 3, police: 25, schools: 36,
      'voluntary-sector': 4, 'independent-sector': 13, ofsted: 3, cafcass: 4, sport: 2, 'higher-education': 1,
      'armed-forces': 1, public: 2,
    }, // para 15.4 table
    nature: { sexual: 28, emotional: 4, physical: 55, neglect: 2, unsuitable: 55 }, // para 15.6 table
    workBased: 95, // para 15.8
    outcome: {
      substantiated: 43, unsubstantiated: 53, 'unfounded-false': 20, 'unfounded-malicious': 5,
      'did-not-meet-threshold': 17, outstanding: 6,
    }, // para 15.9 table, 15.10
    concludedWithin1Month: 119, // para 15.11 ("83%"): 119 / 144 = 82.6%
    concludedWithin1MonthPct: 82.6,
    slow: { policeOnly: 5, disciplinaryOnly: 7, both: 7 }, // para 15.11, the 19 that took longer
  },
  cdop: {
    deathsNotified: 17, // para 10.15
    concluded: 6, deferred: 3, notDiscussed: 8, // paras 10.15-10.16
    reviewsConcluded: 13, // para 10.18
    concludedFromPrevYear: 7, // para 10.18 (54% of 13)
    notifiedConcludedInYearPct: 35.3, // para 10.29 ("35%")
  },
  training: {
    events: 66, participants: 1378, // para 7.2
    byType: { 'single-agency': 1, 'multi-agency-course': 40, briefing: 15, regional: 5, conference: 1, launch: 3, masterclass: 1 },
    elearningTotal: 1068, // para 7.7
    elearning: {
      '2012 Refresher Courses': 5,
      'An Introduction to Integrated Working (Common Assessment Framework; Lead Professional; Information Sharing)': 138,
      'An Introduction to Safeguarding Children': 94,
      'Awareness of Child Abuse and Neglect - Core': 651,
      'Awareness of Child Abuse and Neglect - Foundation': 114,
      'Awareness of Child Abuse and Neglect - Young People Version': 32,
      'Awareness of Child Abuse and Neglect Core Level - Police Version': 3,
      'Common Core of Skills and Knowledge': 1,
      'Early Child Development – Foundation': 29,
      'Hidden Harm - The effects of parental problem substance use on children': 1,
    },
  },
  finance: { expenditure: 207509, income: 254212, carryForward: 46703, expenditureLines: 11, incomeLines: 7 }, // section 18
  context: {
    child_population_0_17: 45000, looked_after_children: 339, children_in_need_per_10k: 369.6,
    referrals_per_10k: 1212.53, caf_assessments: 267, cse_referrals: 61, young_carers_known: 312,
    free_school_meals_pct: 19, sen_statements: 1083, placement_orders: 64, private_fostering_referrals: 7,
    children_in_workless_households: 8990, minority_ethnic_pct: 20.5, births_per_year: 2744,
    reception_obesity_pct: 8.9, bullied_pct: 43.8,
  }, // paras 3.4, 3.22, 3.30, 8.6, 13.7
  boardMembers: 29, // para 14.4 table (rows as printed)
  section11: { agencies: 23, returned: 18, invited: 15, attended: 12, deferred: 5, recommendations: 11 }, // appendix 2
  recommendations: { objectives: 4, recommendations: 16 }, // section 17
};

// Synthetic design: the published report does not give these. They are chosen to be plausible for a
// borough of about 45,000 children and to land exactly on the published percentages.
const DESIGN = {
  cp: {
    started: 285, // 37 with a previous plan: 12.98% -> 13.0
    startedWithPreviousPlan: 37,
    ended: 305, // = 237 + 285 - 217; 23 had lasted 2 years or more: 7.54% -> 7.5
    endedLasting2y: 23,
    carriedOverEnded: 175, // of the 237 open on 31 March 2012
    restartedChildren: 6, // children whose plan ended in the year and who started a new one later in it
    // category counts [neglect, emotional, physical, sexual, multiple] per group
    cats: {
      carriedOverEnded: [50, 85, 22, 10, 8], // 175
      carriedOverOpen: [24, 24, 7, 4, 3], // 62
      startedEnded: [70, 38, 12, 6, 4], // 130
      startedOpen: [130, 11, 7, 5, 2], // 155
    },
    lateReviewPlans: 12, // ended plans with one review held late (not in the published indicator)
  },
};

const CP_CATS = ['neglect', 'emotional', 'physical', 'sexual', 'multiple'];

// ---------------------------------------------------------------------------------------------------
// Small utilities: seeded PRNG, ISO dates, CSV.
// ---------------------------------------------------------------------------------------------------

/** mulberry32: a small, fast, well-mixed 32-bit PRNG. */
function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  const shuffle = (arr) => {
    const a2 = arr.slice();
    for (let i = a2.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [a2[i], a2[j]] = [a2[j], a2[i]];
    }
    return a2;
  };
  const weighted = (pairs) => {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][0];
  };
  return { next, int, pick, shuffle, weighted };
}

const DAY = 86400000;
const toMs = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const fromMs = (ms) => new Date(ms).toISOString().slice(0, 10);
const addDays = (iso, n) => fromMs(toMs(iso) + n * DAY);
const daysBetween = (a, b) => Math.round((toMs(b) - toMs(a)) / DAY);
const weekday = (iso) => new Date(toMs(iso)).getUTCDay(); // 0 Sunday
/** Add calendar months, clamping the day to the end of a shorter month (31 Jan + 1 month = 28/29 Feb). */
function addMonths(iso, n) {
  const y = +iso.slice(0, 4), m = +iso.slice(5, 7) - 1, d = +iso.slice(8, 10);
  const tm = m + n;
  const ty = y + Math.floor(tm / 12), tmo = ((tm % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tmo + 1, 0)).getUTCDate();
  return fromMs(Date.UTC(ty, tmo, Math.min(d, last)));
}
const addYears = (iso, n) => addMonths(iso, 12 * n);
const inYear = (iso) => iso >= YEAR_START && iso <= YEAR_END;
const randomDate = (rng, from, to) => addDays(from, rng.int(0, daysBetween(from, to)));
/** English bank holidays in the year, and the Christmas closure. */
const CLOSED = new Set([
  '2012-04-06', '2012-04-09', '2012-05-07', '2012-06-04', '2012-06-05', '2012-08-27',
  '2012-12-24', '2012-12-25', '2012-12-26', '2012-12-27', '2012-12-28', '2012-12-31', '2013-01-01', '2013-03-29',
]);
/** A random working day between two dates, optionally avoiding some months (1-12). */
function randomWeekday(rng, from, to, avoidMonths = []) {
  for (;;) {
    const d = randomDate(rng, from, to);
    if (weekday(d) !== 0 && weekday(d) !== 6 && !CLOSED.has(d) && !avoidMonths.includes(+d.slice(5, 7))) return d;
  }
}

/** Round half away from zero to `dp` decimal places (JavaScript's Math.round and toFixed do not). */
function roundHalfAway(x, dp = 1) {
  const f = 10 ** dp;
  const v = Math.abs(x) * f;
  // guard against binary representation error (e.g. 1.005 * 100 = 100.49999...)
  const r = Math.floor(v + 0.5 + 1e-9);
  return (Math.sign(x) * r) / f;
}
const pct = (num, den) => roundHalfAway((100 * num) / den, 1);

function csvCell(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function toCsv(headers, rows) {
  return [headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
/** A minimal RFC 4180 reader: quoted cells, doubled quotes, LF or CRLF. Returns rows of strings. */
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', q = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') q = false;
      else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

// ---------------------------------------------------------------------------------------------------
// Column headers, exactly as src/returns/definitions.ts defines them (the check re-reads that file).
// ---------------------------------------------------------------------------------------------------
const HEADERS = {
  'child-protection-plans.csv': ['Plan ref', 'Child ref', 'Plan start', 'Plan end', 'Category', 'Previous plan', 'Reviews due', 'Reviews on time'],
  'lado-referrals.csv': ['Referral ref', 'Date received', 'Referral source', 'Sector', 'Nature', 'Work based', 'Outcome', 'Date concluded', 'Police involvement', 'Disciplinary involvement'],
  'cdop-cases.csv': ['Case ref', 'Date notified', 'Age band', 'Expected', 'Review status', 'Date concluded', 'Category', 'Modifiable factors', 'Locality', 'Deprivation quintile'],
  'training-events.csv': ['Event ref', 'Date', 'Type', 'Title', 'Level', 'Participants'],
  'training-attendance.csv': ['Event ref', 'Agency', 'Participants'],
  'elearning-completions.csv': ['Course', 'Completions'],
  'finance.csv': ['Type', 'Heading', 'Partner', 'Amount'],
  'context.csv': ['Measure', 'Value', 'Period end', 'Source', 'Period', 'Age band'],
  'board-members.csv': ['Name', 'Job title', 'Agency', 'Meetings held', 'Meetings attended'],
  'section-11-audit.csv': ['Agency', 'Returned audit', 'Invited to challenge', 'Attended challenge', 'Deferred', 'Recommendations made'],
};
const AGG_HEADERS = {
  'published-figures.csv': ['Year', 'Indicator', 'Value', 'Source', 'Period'],
  'comparators.csv': ['Year', 'Indicator', 'Comparator', 'Value', 'Source'],
};

// ---------------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------------

/** Reviews due by `cutoff`: the first three months after the start, then every six months. */
function reviewsDueBy(start, cutoff) {
  let n = 0;
  for (let k = 0; ; k++) {
    const due = addMonths(start, 3 + 6 * k);
    if (due > cutoff) return n;
    n++;
  }
}

function expandCats(counts) {
  return counts.flatMap((c, i) => Array(c).fill(CP_CATS[i]));
}

function generateCp(rng) {
  const d = DESIGN.cp;
  const plans = [];
  const lasting = new Set(rng.shuffle([...Array(d.carriedOverEnded).keys()]).slice(0, d.endedLasting2y));

  // 1. Open on 31 March 2012 and ended in the year (175; 23 of them had lasted two years or more).
  expandCats(d.cats.carriedOverEnded).forEach((category, i) => {
    const end = randomDate(rng, YEAR_START, YEAR_END);
    let start;
    if (lasting.has(i)) {
      start = addDays(addYears(end, -2), -rng.int(0, 280));
    } else {
      const lo = Math.max(daysBetween(PREV_YEAR_END, end), 45); // must have started by 31 March 2012
      for (;;) {
        const hi = 700;
        const dur = lo + Math.floor((hi - lo) * rng.next() ** 1.6);
        start = addDays(end, -dur);
        if (start <= PREV_YEAR_END && addYears(start, 2) > end) break;
      }
    }
    plans.push({ group: 'carriedOverEnded', start, end, category });
  });

  // 2. Open on 31 March 2012 and still open on 31 March 2013 (62).
  expandCats(d.cats.carriedOverOpen).forEach((category) => {
    const start = addDays(PREV_YEAR_END, -Math.floor(620 * rng.next() ** 1.4));
    plans.push({ group: 'carriedOverOpen', start, end: null, category });
  });

  // 3. Started in the year and ended in it (130).
  expandCats(d.cats.startedEnded).forEach((category) => {
    for (;;) {
      const start = randomDate(rng, YEAR_START, '2013-01-10');
      const dur = rng.int(40, 330);
      const end = addDays(start, dur);
      if (end <= YEAR_END) {
        plans.push({ group: 'startedEnded', start, end, category });
        break;
      }
    }
  });

  // 4. Started in the year and still open (155); recent starts are commoner among those still open.
  expandCats(d.cats.startedOpen).forEach((category) => {
    const start = addDays(YEAR_END, -Math.floor(364 * rng.next() ** 1.25));
    plans.push({ group: 'startedOpen', start, end: null, category });
  });

  // Child references: distinct random five-digit numbers.
  const used = new Set();
  const childRef = () => {
    for (;;) {
      const n = rng.int(10000, 99999);
      if (!used.has(n)) { used.add(n); return `C-${n}`; }
    }
  };
  for (const p of plans) p.child = childRef();

  // A few children came off a plan during the year and started a new one later in it.
  const startedOpen = plans.filter((p) => p.group === 'startedOpen');
  const earlyEnders = rng.shuffle(plans.filter((p) => p.end && p.end <= '2012-11-30'));
  let restarted = 0;
  for (const first of earlyEnders) {
    if (restarted === d.restartedChildren) break;
    const second = startedOpen.find((p) => !p.restart && p.start >= addDays(first.end, 45) && p.start <= addDays(first.end, 200));
    if (!second) continue;
    used.delete(+second.child.slice(2));
    second.child = first.child;
    second.restart = true;
    restarted++;
  }
  if (restarted !== d.restartedChildren) throw new Error('could not place restarted children');

  // Previous plan: every restart, plus enough other starts to make 37 of 285; about 1 in 7 carried over.
  const started = plans.filter((p) => inYear(p.start));
  const others = rng.shuffle(started.filter((p) => !p.restart)).slice(0, d.startedWithPreviousPlan - restarted);
  for (const p of started) p.previous = !!p.restart || others.includes(p);
  for (const p of plans.filter((q) => !inYear(q.start))) p.previous = rng.next() < 0.14;

  // Reviews: due from three months after the start, then six-monthly; all on time for plans open at the
  // year end; a few ended plans had one review held late.
  for (const p of plans) {
    p.reviewsDue = reviewsDueBy(p.start, p.end ?? YEAR_END);
    p.reviewsOnTime = p.reviewsDue;
  }
  const lateCandidates = rng.shuffle(plans.filter((p) => p.end && p.reviewsDue >= 2));
  for (const p of lateCandidates.slice(0, d.lateReviewPlans)) p.reviewsOnTime = p.reviewsDue - 1;

  plans.sort((a, b) => a.start.localeCompare(b.start) || a.child.localeCompare(b.child));
  return plans.map((p, i) => [
    `CP-${String(i + 1).padStart(4, '0')}`, p.child, p.start, p.end ?? '', p.category,
    p.previous ? 'yes' : 'no', p.reviewsDue, p.reviewsOnTime,
  ]);
}

// Sectors of the person the allegation concerns, by referral source (school staff first, foster carers
// second, as para 15.6 says).
const LADO_SECTORS_BY_SOURCE = {
  'childrens-services': { 'foster-care': 22, 'residential-care': 6, 'social-care': 4, education: 5, 'early-years': 3, health: 1, other: 2 },
  'other-la-services': { transport: 2, 'social-care': 2, education: 2, other: 1 },
  'other-local-authorities': { 'foster-care': 2, 'residential-care': 1 },
  police: { education: 8, 'foster-care': 4, 'early-years': 2, sport: 2, faith: 2, health: 2, police: 1, transport: 1, voluntary: 1, other: 2 },
  schools: { education: 36 },
  'voluntary-sector': { voluntary: 3, faith: 1 },
  'independent-sector': { 'residential-care': 5, education: 4, 'early-years': 3, health: 1 },
  ofsted: { 'early-years': 3 },
  cafcass: { 'foster-care': 1, education: 1, health: 1, 'social-care': 1 },
  sport: { sport: 2 },
  'higher-education': { education: 1 },
  'armed-forces': { 'armed-forces': 1 },
  public: { education: 1, 'early-years': 1 },
};

const multiset = (obj) => Object.entries(obj).flatMap(([k, n]) => Array(n).fill(k));

function generateLado(rng) {
  const P = PUBLISHED.lado;
  // Referrals: source and sector fixed by the table above, in random order through the year.
  const rows = rng.shuffle(
    Object.entries(LADO_SECTORS_BY_SOURCE).flatMap(([source, sectors]) => multiset(sectors).map((sector) => ({ source, sector }))),
  );
  const dates = Array.from({ length: rows.length }, () => randomWeekday(rng, YEAR_START, YEAR_END)).sort();
  rows.forEach((r, i) => (r.received = dates[i]));

  // Nature: the persistent-pattern categories (emotional abuse, neglect) go to foster carers and
  // childminders (para 15.7); the rest at random.
  const carers = rng.shuffle(rows.filter((r) => r.sector === 'foster-care' || r.sector === 'early-years'));
  carers.slice(0, P.nature.emotional).forEach((r) => (r.nature = 'emotional'));
  carers.slice(P.nature.emotional, P.nature.emotional + P.nature.neglect).forEach((r) => (r.nature = 'neglect'));
  const rest = rows.filter((r) => !r.nature);
  rng.shuffle(multiset({ sexual: P.nature.sexual, physical: P.nature.physical, unsuitable: P.nature.unsuitable }))
    .forEach((n, i) => (rest[i].nature = n));

  // Work based: 49 outside work, weighted towards referrals from police, Cafcass and the public and
  // towards "unsuitable" (concerns arising in a person's own family or online life, para 15.9).
  const outsideWeight = (r) => {
    if (r.nature === 'emotional' || r.nature === 'neglect') return 0;
    let w = { police: 3, cafcass: 3, public: 2.5, schools: 0.6 }[r.source] ?? 1;
    if (r.nature === 'unsuitable') w *= 2.2;
    if (r.sector === 'foster-care') w *= 0.4;
    return w;
  };
  const outside = rows.length - P.workBased;
  const pool = rows.slice();
  for (let k = 0; k < outside; k++) {
    const r = rng.weighted(pool.filter((x) => !x.outside).map((x) => [x, outsideWeight(x)]));
    r.outside = true;
  }
  for (const r of rows) r.workBased = !r.outside;

  // Outcomes and timing. 6 outstanding (received late in the year), 19 concluded after more than a month
  // (received by the end of November), 119 concluded within a month.
  const outstanding = rng.shuffle(rows.filter((r) => r.received >= '2013-01-14')).slice(0, P.outcome.outstanding);
  for (const r of outstanding) r.outcome = 'outstanding';
  const slowPool = rng.shuffle(rows.filter((r) => !r.outcome && r.received <= '2012-11-30'));
  const slowOutcomes = multiset({ substantiated: 10, unsubstantiated: 7, 'unfounded-false': 2 });
  const slow = slowPool.slice(0, slowOutcomes.length);
  const slowFlags = rng.shuffle([
    ...Array(P.slow.policeOnly).fill([true, false]),
    ...Array(P.slow.disciplinaryOnly).fill([false, true]),
    ...Array(P.slow.both).fill([true, true]),
  ]);
  slow.forEach((r, i) => {
    r.outcome = slowOutcomes[i];
    [r.police, r.disciplinary] = slowFlags[i];
    r.slow = true;
  });
  const fast = rows.filter((r) => !r.outcome);
  const fastOutcomes = rng.shuffle(
    Object.entries(P.outcome).flatMap(([o, n]) => {
      const used = o === 'outstanding' ? n : slowOutcomes.filter((x) => x === o).length;
      return Array(n - used).fill(o);
    }),
  );
  fast.forEach((r, i) => (r.outcome = fastOutcomes[i]));

  for (const r of rows) {
    const monthOn = addMonths(r.received, 1);
    if (r.outcome === 'outstanding') {
      r.concluded = null;
      [r.police, r.disciplinary] = rng.weighted([[[true, true], 3], [[true, false], 2], [[false, true], 1]]);
    } else if (r.slow) {
      for (;;) {
        const c = addDays(r.received, rng.int(34, 190));
        if (c > monthOn && c <= YEAR_END) { r.concluded = c; break; }
      }
    } else {
      const latest = monthOn < YEAR_END ? monthOn : YEAR_END;
      const span = daysBetween(r.received, latest);
      const days = r.outcome === 'did-not-meet-threshold' ? rng.int(0, Math.min(span, 7)) : rng.int(Math.min(span, 4), span);
      r.concluded = addDays(r.received, days);
      // Quick cases mostly had neither: police checks that ended early, or a short disciplinary look.
      const policeLikely = r.source === 'police' ? 0.3 : 0.06;
      r.police = rng.next() < policeLikely;
      r.disciplinary = r.outcome === 'substantiated' ? rng.next() < 0.25 : rng.next() < 0.03;
    }
  }

  return rows.map((r, i) => [
    `L-${String(i + 1).padStart(4, '0')}`, r.received, r.source, r.sector, r.nature, r.workBased ? 'yes' : 'no',
    r.outcome, r.concluded ?? '', r.police ? 'yes' : 'no', r.disciplinary ? 'yes' : 'no',
  ]);
}

function generateCdop(rng) {
  // [ageBand, expected, status, category, modifiable, locality, quintile, notified in 2011-12?]
  // 17 deaths notified in 2012-13: 12 infants; 11 (65%) in the two most deprived quintiles; of the 5 aged 1-17,
  // 2 in the most deprived quintile (para 10.27); one in Upper Valley (para 10.26); no category 1 (10.22).
  // Plus 7 deaths notified in 2011-12 whose review concluded in 2012-13 (para 10.18).
  const spec = [
    ['0-27-days', 'expected', 'concluded', '8', 'no', 'Halifax Central', '1', false],
    ['0-27-days', 'expected', 'concluded', '7', 'no', 'Halifax North & East', '1', false],
    ['28-364-days', 'unexpected', 'concluded', '10', 'yes', 'Halifax Central', '1', false],
    ['0-27-days', 'expected', 'concluded', '8', 'no', 'Lower Valley', '3', false],
    ['1-4', 'expected', 'concluded', '6', 'no', 'Halifax Central', '1', false],
    ['15-17', 'unexpected', 'concluded', '3', 'possibly', 'Brighouse & Elland', '4', false],
    ['0-27-days', 'expected', 'deferred', null, null, 'Halifax North & East', '2', false],
    ['28-364-days', 'unexpected', 'deferred', null, null, 'Halifax Central', '1', false],
    ['0-27-days', 'expected', 'deferred', null, null, 'Halifax Central', '3', false],
    ['0-27-days', 'expected', 'not-discussed', null, null, 'Halifax North & East', '1', false],
    ['28-364-days', 'unexpected', 'not-discussed', null, null, 'Halifax Central', '2', false],
    ['0-27-days', 'expected', 'not-discussed', null, null, 'Upper Valley', '4', false],
    ['5-9', 'expected', 'not-discussed', null, null, 'Halifax North & East', '1', false],
    ['0-27-days', 'expected', 'not-discussed', null, null, 'Halifax Central', '1', false],
    ['10-14', 'unexpected', 'not-discussed', null, null, 'Brighouse & Elland', '3', false],
    ['28-364-days', 'unexpected', 'not-discussed', null, null, 'Halifax North & East', '2', false],
    ['1-4', 'unexpected', 'not-discussed', null, null, 'Lower Valley', '5', false],
    ['0-27-days', 'expected', 'concluded', '8', 'no', 'Halifax Central', '1', true],
    ['28-364-days', 'unexpected', 'concluded', '10', 'yes', 'Halifax North & East', '2', true],
    ['0-27-days', 'expected', 'concluded', '7', 'no', 'Halifax Central', '1', true],
    ['1-4', 'expected', 'concluded', '4', 'no', 'Lower Valley', '3', true],
    ['0-27-days', 'expected', 'concluded', '8', 'no', 'Halifax North & East', '2', true],
    ['15-17', 'expected', 'concluded', '5', 'no', 'Brighouse & Elland', '4', true],
    ['28-364-days', 'expected', 'concluded', '9', 'no', 'Halifax Central', '1', true],
  ];
  const rows = spec.map(([ageBand, expected, status, category, modifiable, locality, quintile, prev]) => {
    let notified, concluded = null;
    if (prev) {
      notified = randomDate(rng, '2011-09-01', '2012-03-20');
      concluded = randomDate(rng, addDays(notified > '2012-03-31' ? notified : YEAR_START, 20), '2012-12-31');
    } else if (status === 'concluded') {
      notified = randomDate(rng, YEAR_START, '2012-09-30');
      for (;;) {
        concluded = addDays(notified, rng.int(90, 240));
        if (concluded <= YEAR_END) break;
      }
    } else if (status === 'deferred') {
      notified = randomDate(rng, '2012-07-01', '2012-12-15');
    } else {
      notified = randomDate(rng, '2012-10-15', YEAR_END);
    }
    return { ageBand, expected, status, category, modifiable, locality, quintile, notified, concluded };
  });
  rows.sort((a, b) => a.notified.localeCompare(b.notified));
  return rows.map((r, i) => [
    `D-${String(i + 1).padStart(4, '0')}`, r.notified, r.ageBand, r.expected, r.status, r.concluded ?? '',
    r.category ?? '', r.modifiable ?? '', r.locality, r.quintile,
  ]);
}

const AGENCIES = [
  "Children's social care", 'Health', 'Police', 'Schools', 'Early years', 'Voluntary sector', 'Youth services',
  'Family support', 'Probation', 'Housing', 'Adult services', 'Other',
];
// Relative take-up by agency for each kind of event (illustrative; the report's chart was an image).
const AGENCY_WEIGHTS = {
  'multi-agency-course': [22, 18, 6, 14, 12, 8, 6, 7, 3, 3, 2, 2],
  briefing: [20, 16, 6, 18, 10, 8, 5, 8, 2, 3, 2, 2],
  regional: [30, 20, 20, 5, 0, 10, 0, 0, 10, 0, 0, 5],
  conference: [18, 16, 8, 14, 8, 12, 6, 6, 3, 4, 3, 2],
  launch: [20, 15, 8, 16, 10, 10, 6, 8, 2, 2, 2, 1],
  masterclass: [30, 25, 8, 10, 5, 5, 4, 6, 3, 2, 2, 0],
};

const COURSES = [
  ['Safeguarding children: core multi-agency course', 'Foundation'],
  ["SMART planning for children's plans", 'Intermediate'],
  ['Assessing neglect with the neglect toolkit', 'Intermediate'],
  ['Child sexual exploitation: recognising and responding', 'Intermediate'],
  ['Children who go missing from home and care', 'Intermediate'],
  ['Domestic abuse and its impact on children', 'Intermediate'],
  ['Hidden harm: parental substance misuse', 'Intermediate'],
  ['Balancing the needs and rights of young parents and their children', 'Advanced'],
  ['Safeguarding disabled children', 'Intermediate'],
  ['Chronologies and using history in assessment', 'Advanced'],
  ['Core groups and child protection conferences', 'Intermediate'],
  ['Learning from serious case reviews', 'Advanced'],
  ['Child development and vulnerability', 'Foundation'],
  ['Recognising and responding to child sexual abuse', 'Advanced'],
  ['Safer recruitment', 'Foundation'],
  ['Supervision and reflective practice', 'Advanced'],
];
// [title, runs, earliest date, latest date]: briefings on a new procedure or tool follow its launch.
const BRIEFINGS = [
  ['SMART planning briefing', 4, '2012-05-01', YEAR_END], // after the April 2012 audit of plans (para 8.7)
  ['Neglect toolkit briefing', 3, '2012-11-01', YEAR_END], // after the toolkit's launch (para 7.8)
  ['Private fostering awareness briefing', 2, YEAR_START, YEAR_END],
  ['Every Baby Matters: practitioner briefing', 2, YEAR_START, YEAR_END], // para 10.30
  ['Section 11 self-assessment briefing', 1, YEAR_START, '2012-06-29'], // before the 2012 audit (para 9.1)
  ['Missing children procedures briefing', 1, '2012-12-01', YEAR_END], // after the November launch (para 13.13)
  ['Locality Early Intervention Panels briefing', 1, '2012-10-01', YEAR_END], // after the September launch (para 3.21)
  ['Safeguarding in mosques and madressahs', 1, YEAR_START, YEAR_END], // para 12.4
];
const REGIONAL = [
  'West Yorkshire safeguarding conference for faith groups',
  'Regional event: safeguarding Czech and Roma children',
  'West Yorkshire child sexual exploitation practitioner event',
  'West Yorkshire procedures consortium: procedures update',
  'Regional learning event: serious case reviews',
];

function generateTraining(rng) {
  const events = [];
  const add = (type, title, level, date, participants) => events.push({ type, title, level, date, participants });
  const term = (from = YEAR_START, to = YEAR_END) => randomWeekday(rng, from, to, [8]);

  add('single-agency', 'Basic child protection awareness', 'Foundation', term(), rng.int(16, 24));
  // 40 courses: each title runs two or three times.
  const courseRuns = COURSES.flatMap((c, i) => Array(i < 8 ? 3 : 2).fill(c)); // 8*3 + 8*2 = 40
  for (const [title, level] of courseRuns) {
    const from = title.includes('neglect toolkit') ? '2012-11-01' : YEAR_START;
    add('multi-agency-course', title, level, term(from), rng.int(12, 22));
  }
  for (const [title, runs, from, to] of BRIEFINGS) for (let k = 0; k < runs; k++) add('briefing', title, null, term(from, to), rng.int(16, 30));
  for (const title of REGIONAL) add('regional', title, null, term(), rng.int(3, 9));
  add('conference', 'CSCB annual conference and safeguarding awards', null, term('2012-10-01', '2012-11-30'), rng.int(120, 150));
  add('launch', 'Launch of the multi-agency Early Intervention Strategy and locality panels', null, term('2012-09-03', '2012-09-28'), rng.int(50, 70));
  add('launch', 'Launch of the West Yorkshire procedures for missing children and child sexual exploitation', null, term('2012-11-01', '2012-11-30'), rng.int(45, 65));
  add('launch', 'Launch of the neglect toolkit', null, term('2012-10-01', '2012-10-31'), rng.int(40, 60));
  add('masterclass', 'Masterclass: analysis and decision-making in assessment', 'Advanced', term(), rng.int(25, 40));

  // Make the participants add up to the published 1,378 by nudging courses and briefings one at a time.
  const adjustable = events.filter((e) => e.type === 'multi-agency-course' || e.type === 'briefing');
  let total = events.reduce((s, e) => s + e.participants, 0);
  while (total !== PUBLISHED.training.participants) {
    const e = rng.pick(adjustable);
    if (total > PUBLISHED.training.participants && e.participants > 10) { e.participants--; total--; }
    else if (total < PUBLISHED.training.participants && e.participants < 32) { e.participants++; total++; }
  }

  events.sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type) || a.title.localeCompare(b.title));
  events.forEach((e, i) => (e.ref = `T-${String(i + 1).padStart(3, '0')}`));

  const attendance = [];
  for (const e of events) {
    const counts = new Map();
    if (e.type === 'single-agency') counts.set('Housing', e.participants);
    else {
      const w = AGENCY_WEIGHTS[e.type].map((x, i) => [AGENCIES[i], x]).filter(([, x]) => x > 0);
      for (let k = 0; k < e.participants; k++) {
        const a = rng.weighted(w);
        counts.set(a, (counts.get(a) ?? 0) + 1);
      }
    }
    for (const a of AGENCIES) if (counts.get(a)) attendance.push([e.ref, a, counts.get(a)]);
  }
  return {
    events: events.map((e) => [e.ref, e.date, e.type, e.title, e.level ?? '', e.participants]),
    attendance,
  };
}

function generate() {
  // Independent streams per return, so editing one generator does not reshuffle the others.
  const files = {
    'child-protection-plans.csv': generateCp(makeRng(SEED + 1)),
    'lado-referrals.csv': generateLado(makeRng(SEED + 2)),
    'cdop-cases.csv': generateCdop(makeRng(SEED + 3)),
  };
  const t = generateTraining(makeRng(SEED + 4));
  files['training-events.csv'] = t.events;
  files['training-attendance.csv'] = t.attendance;
  for (const [file, rows] of Object.entries(files)) {
    writeFileSync(join(YEAR_DIR, file), toCsv(HEADERS[file], rows));
    console.log(`wrote ${relative(ROOT, join(YEAR_DIR, file))} (${rows.length} rows)`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Check: recompute every published aggregate from the files.
// ---------------------------------------------------------------------------------------------------

let failures = 0;
function expect(label, actual, expected) {
  const ok = typeof expected === 'number' ? actual === expected : JSON.stringify(actual) === JSON.stringify(expected);
  if (!ok) failures++;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${label}: ${typeof actual === 'object' ? JSON.stringify(actual) : actual}${ok ? '' : `  (expected ${typeof expected === 'object' ? JSON.stringify(expected) : expected})`}`);
}
function assert(label, cond, detail = '') {
  if (!cond) failures++;
  console.log(`  ${cond ? 'ok  ' : 'FAIL'} ${label}${!cond && detail ? `: ${detail}` : ''}`);
}
function info(label, value) {
  console.log(`  info ${label}: ${typeof value === 'object' ? JSON.stringify(value) : value}`);
}

/** Headers per file as declared in src/returns/definitions.ts, read with a regular expression. */
function headersFromDefinitions() {
  if (!existsSync(DEFINITIONS)) return null;
  const src = readFileSync(DEFINITIONS, 'utf8');
  const out = {};
  const blocks = src.split(/\bfile: '/).slice(1);
  for (const b of blocks) {
    const file = b.slice(0, b.indexOf("'"));
    const cols = b.split(/\n\s*\],?\s*\n/)[0];
    out[file] = [...cols.matchAll(/header: '([^']*)'/g)].map((m) => m[1]);
  }
  return out;
}

function load(file, dir = YEAR_DIR) {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const rows = parseCsv(text);
  return { text, header: rows[0], rows: rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i] ?? '']))) };
}

const count = (rows, f) => rows.filter(f).length;
const tally = (rows, key) => rows.reduce((m, r) => ((m[r[key]] = (m[r[key]] ?? 0) + 1), m), {});
const sortObj = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

function check() {
  console.log(`Checking ${relative(ROOT, BOARD_DIR)} against the published 2012-13 figures`);

  console.log('\nFiles and headers');
  const defs = headersFromDefinitions();
  const data = {};
  for (const file of Object.keys(HEADERS)) {
    const f = load(file);
    data[file] = f;
    const want = defs?.[file] ?? HEADERS[file];
    expect(`${file} header`, f.header, want);
    assert(`${file} is LF-only UTF-8 without BOM, ending in a newline`, !f.text.includes('\r') && !f.text.startsWith('\uFEFF') && f.text.endsWith('\n'));
    assert(`${file} rows all have ${want.length} cells`, parseCsv(f.text).every((r) => r.length === want.length));
  }
  if (defs) assert('definitions.ts headers match this script', Object.keys(HEADERS).every((f) => JSON.stringify(defs[f]) === JSON.stringify(HEADERS[f])));
  else info('definitions.ts', 'not found; checked against the headers in this script');
  for (const file of Object.keys(AGG_HEADERS)) {
    const f = load(file, join(BOARD_DIR, 'aggregates'));
    data[file] = f;
    expect(`aggregates/${file} header`, f.header, AGG_HEADERS[file]);
    assert(`aggregates/${file} values are numbers`, f.rows.every((r) => /^-?\d+(\.\d+)?$/.test(r.Value)));
  }
  const isoOk = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && fromMs(toMs(s)) === s;

  // --- Child protection plans
  console.log('\nChild protection plans (paras 3.33, 13.2, 13.3)');
  const cp = data['child-protection-plans.csv'].rows.map((r) => ({
    ref: r['Plan ref'], child: r['Child ref'], start: r['Plan start'], end: r['Plan end'] || null, category: r.Category,
    previous: r['Previous plan'] === 'yes', due: +r['Reviews due'], onTime: +r['Reviews on time'],
  }));
  const openAt = (d) => (p) => p.start <= d && (p.end === null || p.end > d);
  const openEnd = cp.filter(openAt(YEAR_END));
  const openPrev = cp.filter(openAt(PREV_YEAR_END));
  const started = cp.filter((p) => inYear(p.start));
  const ended = cp.filter((p) => p.end && inYear(p.end));
  const reviewed = openEnd.filter((p) => addMonths(p.start, 3) <= YEAR_END); // lasted at least 3 months
  expect('cp.plans_open_at_year_end (31 March 2013)', openEnd.length, PUBLISHED.cp.openAtYearEnd);
  expect('cp.category.neglect', count(openEnd, (p) => p.category === 'neglect'), PUBLISHED.cp.neglectAtYearEnd);
  info('cp.category.* at 31 March 2013', sortObj(tally(openEnd, 'category')));
  expect('plans open on 31 March 2012 implied by the rows', openPrev.length, PUBLISHED.cp.openAtPrevYearEnd);
  expect('of which neglect (published 2011-12 cp.category.neglect)', count(openPrev, (p) => p.category === 'neglect'), PUBLISHED.cp.neglectAtPrevYearEnd);
  info('cp.plans_started', started.length);
  info('cp.plans_ended', ended.length);
  expect('plans ended = 237 + started - 217', ended.length, PUBLISHED.cp.openAtPrevYearEnd + started.length - PUBLISHED.cp.openAtYearEnd);
  const prevCount = count(started, (p) => p.previous);
  expect(`cp.second_or_subsequent_pct (${prevCount} of ${started.length})`, pct(prevCount, started.length), PUBLISHED.cp.secondOrSubsequentPct);
  const long = count(ended, (p) => p.end >= addYears(p.start, 2));
  expect(`cp.lasting_2y_plus_pct (${long} of ${ended.length})`, pct(long, ended.length), PUBLISHED.cp.lasting2yPlusPct);
  const onTime = count(reviewed, (p) => p.onTime === p.due);
  expect(`cp.reviewed_in_time_pct (${onTime} of ${reviewed.length})`, pct(onTime, reviewed.length), PUBLISHED.cp.reviewedInTimePct);
  assert('every plan open at year end for 3+ months had at least one review due', reviewed.every((p) => p.due >= 1));
  info('cp.rate_per_10k (217 per 45,000 children, approximate denominator)', roundHalfAway((openEnd.length / PUBLISHED.context.child_population_0_17) * 10000, 1));
  assert('plan refs unique', new Set(cp.map((p) => p.ref)).size === cp.length);
  assert('dates are real ISO dates', cp.every((p) => isoOk(p.start) && (p.end === null || isoOk(p.end))));
  assert('no plan starts after 31 March 2013', cp.every((p) => p.start <= YEAR_END));
  assert('no plan ends after 31 March 2013 or before it started', cp.every((p) => p.end === null || (p.end <= YEAR_END && p.end >= p.start)));
  assert('every plan was open at some time in the year', cp.every((p) => p.end === null || p.end >= YEAR_START));
  assert('reviews on time never exceed reviews due', cp.every((p) => p.onTime <= p.due));
  const byChild = Object.values(cp.reduce((m, p) => ((m[p.child] ??= []).push(p), m), {}));
  assert('a child never has two plans at once; a later plan is marked previous plan = yes',
    byChild.every((ps) => ps.sort((a, b) => a.start.localeCompare(b.start)).every((p, i) => i === 0 || (ps[i - 1].end !== null && ps[i - 1].end < p.start && p.previous))));
  info('children with more than one plan in the file', byChild.filter((ps) => ps.length > 1).length);

  // --- LADO
  console.log('\nLADO referrals (section 15)');
  const lado = data['lado-referrals.csv'].rows.map((r) => ({
    ref: r['Referral ref'], received: r['Date received'], source: r['Referral source'], sector: r.Sector, nature: r.Nature,
    work: r['Work based'] === 'yes', outcome: r.Outcome, concluded: r['Date concluded'] || null,
    police: r['Police involvement'] === 'yes', disc: r['Disciplinary involvement'] === 'yes',
  }));
  const P = PUBLISHED.lado;
  expect('lado.referrals', count(lado, (r) => inYear(r.received)), P.referrals);
  expect('rows in file (all received in the year)', lado.length, P.referrals);
  expect('lado.source.*', sortObj(tally(lado, 'source')), sortObj(P.source));
  expect('lado.nature.*', sortObj(tally(lado, 'nature')), sortObj(P.nature));
  expect('lado.work_based', count(lado, (r) => r.work), P.workBased);
  expect('lado.outcome.*', sortObj(tally(lado, 'outcome')), sortObj(P.outcome));
  const within = lado.filter((r) => r.concluded && r.concluded <= addMonths(r.received, 1));
  expect('concluded within one month', within.length, P.concludedWithin1Month);
  expect(`lado.concluded_within_1_month_pct (${within.length} of ${lado.length}; published "83%")`, pct(within.length, lado.length), P.concludedWithin1MonthPct);
  const slow = lado.filter((r) => r.concluded && r.concluded > addMonths(r.received, 1));
  expect('concluded after more than a month', slow.length, 19);
  expect('of those: police only / disciplinary only / both / neither', {
    policeOnly: count(slow, (r) => r.police && !r.disc), disciplinaryOnly: count(slow, (r) => !r.police && r.disc),
    both: count(slow, (r) => r.police && r.disc), neither: count(slow, (r) => !r.police && !r.disc),
  }, { ...P.slow, neither: 0 });
  assert('outstanding rows, and only they, have no date concluded', lado.every((r) => (r.outcome === 'outstanding') === (r.concluded === null)));
  assert('dates concluded are real, not before receipt and not after 31 March 2013', lado.every((r) => isoOk(r.received) && (r.concluded === null || (isoOk(r.concluded) && r.concluded >= r.received && r.concluded <= YEAR_END))));
  assert('referral refs unique', new Set(lado.map((r) => r.ref)).size === lado.length);
  const sectors = Object.entries(tally(lado, 'sector')).sort((a, b) => b[1] - a[1]);
  info('sectors, largest first', Object.fromEntries(sectors));
  assert('school staff (education) largest, foster carers second (para 15.6)', sectors[0][0] === 'education' && sectors[1][0] === 'foster-care');
  info('quick cases with police / disciplinary involvement', { police: count(within, (r) => r.police), disciplinary: count(within, (r) => r.disc) });

  // --- CDOP
  console.log('\nChild deaths (paras 10.15-10.29)');
  const cdop = data['cdop-cases.csv'].rows.map((r) => ({
    ref: r['Case ref'], notified: r['Date notified'], age: r['Age band'], status: r['Review status'], concluded: r['Date concluded'] || null,
    category: r.Category || null, modifiable: r['Modifiable factors'] || null, locality: r.Locality, quintile: r['Deprivation quintile'],
  }));
  const notifiedIn = cdop.filter((r) => inYear(r.notified));
  const concludedIn = cdop.filter((r) => r.status === 'concluded' && r.concluded && inYear(r.concluded));
  expect('cdop.deaths_notified', notifiedIn.length, PUBLISHED.cdop.deathsNotified);
  expect('of those: review status', sortObj(tally(notifiedIn, 'status')), { concluded: PUBLISHED.cdop.concluded, deferred: PUBLISHED.cdop.deferred, 'not-discussed': PUBLISHED.cdop.notDiscussed });
  expect('cdop.reviews_concluded', concludedIn.length, PUBLISHED.cdop.reviewsConcluded);
  expect('of those, deaths notified in 2011-12', count(concludedIn, (r) => r.notified >= '2011-04-01' && r.notified <= PREV_YEAR_END), PUBLISHED.cdop.concludedFromPrevYear);
  const nConcl = count(notifiedIn, (r) => r.status === 'concluded' && r.concluded <= YEAR_END);
  expect(`cdop.notified_concluded_in_year_pct (${nConcl} of ${notifiedIn.length})`, pct(nConcl, notifiedIn.length), PUBLISHED.cdop.notifiedConcludedInYearPct);
  const fromThisYear = count(concludedIn, (r) => inYear(r.notified));
  info('share of the concluded reviews notified in 2012-13 / 2011-12 (published 46% / 54%)', [pct(fromThisYear, concludedIn.length), pct(concludedIn.length - fromThisYear, concludedIn.length)]);
  assert('rows not notified in the year were notified in 2011-12 and concluded in 2012-13', cdop.filter((r) => !inYear(r.notified)).every((r) => r.notified >= '2011-04-01' && r.status === 'concluded' && inYear(r.concluded)));
  assert('category and modifiable factors given exactly when concluded; date concluded only then', cdop.every((r) => (r.status === 'concluded') === (r.category !== null && r.modifiable !== null && r.concluded !== null)));
  assert('no category 1 (para 10.22)', cdop.every((r) => r.category !== '1'));
  assert('dates concluded not before notification and not after 31 March 2013', cdop.every((r) => isoOk(r.notified) && (r.concluded === null || (isoOk(r.concluded) && r.concluded >= r.notified && r.concluded <= YEAR_END))));
  const infants = count(notifiedIn, (r) => r.age === '0-27-days' || r.age === '28-364-days');
  info('infant deaths among those notified in 2012-13 (about two-thirds, para 10.19)', `${infants} of ${notifiedIn.length}`);
  info('deaths notified in 2012-13 in the two most deprived quintiles (two-thirds, para 10.27)', `${count(notifiedIn, (r) => r.quintile === '1' || r.quintile === '2')} of ${notifiedIn.length}`);
  const older = notifiedIn.filter((r) => !['0-27-days', '28-364-days'].includes(r.age));
  info('aged 1-17 in the most deprived quintile (40%, para 10.27)', `${count(older, (r) => r.quintile === '1')} of ${older.length}`);
  info('localities of deaths notified in 2012-13', tally(notifiedIn, 'locality'));

  // --- Training
  console.log('\nTraining (paras 7.2, 7.7)');
  const ev = data['training-events.csv'].rows;
  const att = data['training-attendance.csv'].rows;
  expect('training.events', ev.length, PUBLISHED.training.events);
  expect('events by type', sortObj(tally(ev, 'Type')), sortObj(PUBLISHED.training.byType));
  expect('training.participants', ev.reduce((s, e) => s + +e.Participants, 0), PUBLISHED.training.participants);
  assert('event dates in the year; refs unique', ev.every((e) => isoOk(e.Date) && inYear(e.Date)) && new Set(ev.map((e) => e['Event ref'])).size === ev.length);
  const attSum = att.reduce((m, a) => ((m[a['Event ref']] = (m[a['Event ref']] ?? 0) + +a.Participants), m), {});
  assert('attendance rows sum to each event\'s participants', ev.every((e) => attSum[e['Event ref']] === +e.Participants));
  assert('every attendance row names a known event, with at least one participant', att.every((a) => ev.some((e) => e['Event ref'] === a['Event ref']) && +a.Participants >= 1));
  expect('attendance total', att.reduce((s, a) => s + +a.Participants, 0), PUBLISHED.training.participants);
  const byAgency = att.reduce((m, a) => ((m[a.Agency] = (m[a.Agency] ?? 0) + +a.Participants), m), {});
  info('participants by agency', Object.fromEntries(Object.entries(byAgency).sort((a, b) => b[1] - a[1])));
  const el = data['elearning-completions.csv'].rows;
  const courses = el.filter((r) => r.Course !== 'Total');
  expect('e-learning courses (section 7.7 table)', Object.fromEntries(courses.map((r) => [r.Course, +r.Completions])), PUBLISHED.training.elearning);
  expect('training.elearning_completions (sum of courses)', courses.reduce((s, r) => s + +r.Completions, 0), PUBLISHED.training.elearningTotal);
  expect('stated Total row', +(el.find((r) => r.Course === 'Total')?.Completions ?? NaN), PUBLISHED.training.elearningTotal);

  // --- Finance
  console.log('\nFinance (section 18)');
  const fin = data['finance.csv'].rows;
  const sum = (t) => fin.filter((r) => r.Type === t).reduce((s, r) => s + +r.Amount, 0);
  const stated = (t) => +(fin.find((r) => r.Type === t)?.Amount ?? NaN);
  expect('expenditure lines', count(fin, (r) => r.Type === 'expenditure'), PUBLISHED.finance.expenditureLines);
  expect('income lines', count(fin, (r) => r.Type === 'income'), PUBLISHED.finance.incomeLines);
  expect('finance.expenditure_total (sum of lines)', sum('expenditure'), PUBLISHED.finance.expenditure);
  expect('stated total expenditure', stated('total-expenditure'), PUBLISHED.finance.expenditure);
  expect('finance.income_total (sum of lines)', sum('income'), PUBLISHED.finance.income);
  expect('stated total income', stated('total-income'), PUBLISHED.finance.income);
  expect('finance.carry_forward (income - expenditure)', sum('income') - sum('expenditure'), PUBLISHED.finance.carryForward);
  expect('stated carry forward', stated('carry-forward'), PUBLISHED.finance.carryForward);

  // --- Context and the rest
  console.log('\nContext (paras 3.4, 3.22, 3.30, 8.6, 13.7)');
  const ctx = data['context.csv'].rows;
  expect('context figures', sortObj(Object.fromEntries(ctx.map((r) => [r.Measure, +r.Value]))), sortObj(PUBLISHED.context));
  assert('every context figure has a source; period ends are real dates where given', ctx.every((r) => r.Source.trim() && (r['Period end'] === '' || isoOk(r['Period end']))));

  console.log('\nBoard, section 11, recommendations');
  const bm = data['board-members.csv'].rows;
  expect('board members (table 14.4 rows)', bm.length, PUBLISHED.boardMembers);
  assert('the chair is listed', bm.some((r) => r.Name === 'Jane Booth' && r['Job title'] === 'Independent Chair'));
  const s11 = data['section-11-audit.csv'].rows;
  const x = (col) => count(s11, (r) => r[col] === 'x');
  expect('section 11 (appendix 2): agencies, returned, invited, attended, deferred, recommendations',
    [s11.length, x('Returned audit'), x('Invited to challenge'), x('Attended challenge'), x('Deferred'), x('Recommendations made')],
    [PUBLISHED.section11.agencies, PUBLISHED.section11.returned, PUBLISHED.section11.invited, PUBLISHED.section11.attended, PUBLISHED.section11.deferred, PUBLISHED.section11.recommendations]);
  assert('section 11 cells are x or blank', s11.every((r) => HEADERS['section-11-audit.csv'].slice(1).every((h) => r[h] === 'x' || r[h] === '')));
  const recs = readFileSync(join(YEAR_DIR, 'recommendations.yaml'), 'utf8');
  expect('recommendations.yaml: objectives, recommendations', [(recs.match(/^\s*- number:/gm) ?? []).length, (recs.match(/^\s*- text:/gm) ?? []).length],
    [PUBLISHED.recommendations.objectives, PUBLISHED.recommendations.recommendations]);

  console.log(failures ? `\n${failures} check(s) FAILED` : '\nAll checks passed.');
  return failures === 0;
}

const args = process.argv.slice(2);
if (!args.includes('--check')) generate();
process.exit(check() ? 0 : 1);
