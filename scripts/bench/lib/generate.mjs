/**
 * Synthetic boards for benchmarking: the columns of the sample board (data-samples/calderdale), case-level
 * returns sized like a large authority at scale 1, deterministic for a given seed, and valid (every total
 * reconciles, every date falls where the rules want it).
 *
 * Base files (board.yaml, aggregates, narrative, recommendations, membership, section 11) are copied from the
 * sample board; the case-level and numeric returns are generated and stream-written.
 */
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseDocument } from 'yaml';
import { createRandom } from './prng.mjs';
import { CsvWriter, csvCell } from './csv-writer.mjs';

/** Bump when the generated data changes, so cached benchmark data is regenerated. */
export const GENERATOR_VERSION = 1;

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SAMPLE_BOARD = path.join(REPO_ROOT, 'data-samples', 'calderdale');

/** Rows per year at scale 1 (the "large authority"). */
export const PER_YEAR_AT_SCALE_1 = {
  cpPlans: 2000, // rows in the plans return: plans open at any time in the year
  ladoReferrals: 600,
  cdopDeaths: 150,
  trainingAttendance: 15000,
};

// ---- dates as day numbers (days since 1970-01-01, UTC) ----------------------------------------------

const DAY = 86_400_000;
const dayOf = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoCache = new Map();
const isoOf = (day) => {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
};

/** Financial year `label` shifted by `offset` years. */
export function yearLabel(firstLabel, offset) {
  const m = /^(\d{4})-(\d{2})$/.exec(firstLabel);
  if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2])) throw new Error(`not a financial year: ${firstLabel}`);
  const s = Number(m[1]) + offset;
  return `${s}-${String((s + 1) % 100).padStart(2, '0')}`;
}

function financialYear(label) {
  const startYear = Number(label.slice(0, 4));
  const start = dayOf(`${startYear}-04-01`);
  const end = dayOf(`${startYear + 1}-03-31`);
  return { label, startYear, start, end };
}

// ---- coded values (codes from src/returns/definitions.ts) -----------------------------------------------

const CP_CATEGORY = { neglect: 45, emotional: 30, physical: 10, sexual: 5, multiple: 10 };
const LADO_SOURCE = {
  'childrens-services': 14, 'other-la-services': 4, 'other-local-authorities': 3, police: 18, schools: 26,
  'voluntary-sector': 3, 'independent-sector': 4, ofsted: 5, cafcass: 1, sport: 2, 'higher-education': 1,
  'armed-forces': 1, public: 6, health: 9, other: 3,
};
const LADO_SECTOR = {
  education: 38, 'early-years': 10, 'foster-care': 12, 'residential-care': 8, 'social-care': 7, health: 8,
  police: 3, faith: 3, sport: 4, voluntary: 3, transport: 2, 'armed-forces': 1, other: 1,
};
const LADO_NATURE = { physical: 45, sexual: 25, emotional: 10, neglect: 5, unsuitable: 15 };
const LADO_OUTCOME = {
  substantiated: 30, unsubstantiated: 25, 'unfounded-false': 15, 'unfounded-malicious': 3, 'did-not-meet-threshold': 27,
};
const CDOP_AGE = { '0-27-days': 40, '28-364-days': 20, '1-4': 12, '5-9': 7, '10-14': 10, '15-17': 11 };
const CDOP_CATEGORY = { 1: 2, 2: 3, 3: 6, 4: 8, 5: 10, 6: 8, 7: 22, 8: 30, 9: 6, 10: 5 };
const CDOP_MODIFIABLE = { no: 70, yes: 20, possibly: 10 };
const LOCALITIES = ['Halifax Central', 'Halifax North', 'Brighouse', 'Elland', 'Sowerby Bridge', 'Todmorden', 'Hebden Bridge', 'Calder Valley', 'Ryburn', 'Northowram and Shelf'];
const TRAINING_TYPE = { 'single-agency': 15, 'multi-agency-course': 45, briefing: 15, regional: 5, conference: 5, launch: 5, masterclass: 10 };
const TRAINING_TITLES = [
  'Working with neglect', 'Awareness of child abuse and neglect', 'Child sexual exploitation', 'Domestic abuse and children',
  'Safer recruitment', 'Hidden harm: parental substance misuse', 'Core groups and child protection plans', 'Information sharing',
  'Early help assessment', 'Working Together: roles and responsibilities', 'Female genital mutilation', 'E-safety',
  'Lessons from serious case reviews', 'Self-harm in young people', 'Disabled children and safeguarding',
];
const TRAINING_LEVELS = ['Core', 'Foundation', 'Advanced', 'Specialist', ''];
const AGENCIES = [
  'Police', 'Health visiting', 'School nursing', 'GP practices', 'Primary schools', 'Secondary schools', 'Early years settings',
  "Children's social care", 'Adult social care', 'Probation', 'Youth offending team', 'Housing', 'Voluntary sector',
  'Faith groups', 'Sport and leisure', 'Fire and rescue', 'Ambulance service', 'Mental health trust', 'Acute trust',
  'Drug and alcohol services', "Children's centres", 'Further education', 'Private nurseries', 'Foster carers',
  'Residential care', 'Careers service', 'Libraries', 'Elected members', 'Cafcass', 'Other',
];
const ELEARNING_COURSES = [
  ['An Introduction to Safeguarding Children', 94], ['Awareness of Child Abuse and Neglect - Core', 651],
  ['Awareness of Child Abuse and Neglect - Foundation', 114], ['Awareness of Child Abuse and Neglect - Young People Version', 32],
  ['An Introduction to Integrated Working', 138], ['Early Child Development - Foundation', 29], ['Hidden Harm', 12],
  ['Domestic Abuse Awareness', 60], ['Child Sexual Exploitation Awareness', 45], ['Safer Recruitment Refresher', 20],
];
const EXPENDITURE_LINES = [
  ['Salary costs', 138706], ['Staffing costs (e.g. car allowances, insurances)', 1540], ['Chair expenses', 21004],
  ['Costs of Trainers and training material', 19782], ['Policies and Procedures', 6775], ['Board development', 5476],
  ['Office expenses', 1774], ['Website and e-learning', 6835], ['Case Review work', 3188], ['Child Death Overview Panel', 1211],
  ['Miscellaneous expenses', 1218],
];
const INCOME_LINES = [
  ['Primary Care Trust', 'Primary Care Trust', 0.31], ['Police', 'Police', 0.03], ['Probation', 'Probation', 0.01],
  ['CAFCASS', 'CAFCASS', 0.002], ['Munro grant', '', 0.15], ['Any other income', '', 0.02],
];
/** [measure, value at scale 1 (counts scale with the board; rates and percentages do not), scales?, source] */
const CONTEXT = [
  ['child_population_0_17', 200000, true, 'ONS mid-year population estimates'],
  ['looked_after_children', 1350, true, 'SSDA903 return'],
  ['children_in_need_per_10k', 330, false, 'Children in need census'],
  ['referrals_per_10k', 550, false, 'Children in need census'],
  ['caf_assessments', 1100, true, 'Early help team'],
  ['cse_referrals', 240, true, 'CSE operational group'],
  ['young_carers_known', 1250, true, 'Young carers service'],
  ['free_school_meals_pct', 18, false, 'School census'],
  ['sen_statements', 4300, true, 'SEN team'],
  ['placement_orders', 250, true, 'SSDA903 return'],
  ['private_fostering_referrals', 20, true, "Children's social care"],
  ['children_in_workless_households', 19000, true, 'DWP'],
  ['minority_ethnic_pct', 15, false, 'School census'],
  ['reception_obesity_pct', 9.5, false, 'National child measurement programme'],
  ['bullied_pct', 25, false, 'Young people survey'],
  ['births_per_year', 11000, true, 'ONS births'],
];

// ---- files copied from the sample board -------------------------------------------------------------

async function exists(p) {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** The sample board's year folders, newest first. */
async function sampleYears(sampleDir) {
  if (!(await exists(sampleDir))) return [];
  const entries = await readdir(sampleDir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && /^\d{4}-\d{2}$/.test(e.name)).map((e) => e.name).sort().reverse();
}

/** The newest sample year folder that holds `name`, or null. */
async function findInSample(sampleDir, name) {
  for (const y of await sampleYears(sampleDir)) {
    const p = path.join(sampleDir, y, name);
    if (await exists(p)) return p;
  }
  return null;
}

async function writeBoardConfig(sampleDir, boardDir, boardNo, options, years) {
  const src = path.join(sampleDir, 'board.yaml');
  const doc = parseDocument(await readFile(src, 'utf8'));
  const name = doc.getIn(['board', 'name']) ?? 'Safeguarding Children Board';
  doc.setIn(['board', 'name'], `${name} (synthetic board ${boardNo}, scale ${options.scale})`);
  for (const y of years) {
    const published = `${y.startYear + 1}-08-29`;
    if (!doc.hasIn(['publication', 'years', y.label])) {
      doc.setIn(['publication', 'years', y.label], { presentedDate: published, publishedDate: published });
    }
  }
  await writeFile(path.join(boardDir, 'board.yaml'), doc.toString());
}

/** Copy aggregates, leaving out published figures for the generated years (the case rows supersede them). */
async function copyAggregates(sampleDir, boardDir, yearLabels) {
  const srcDir = path.join(sampleDir, 'aggregates');
  if (!(await exists(srcDir))) return;
  const dest = path.join(boardDir, 'aggregates');
  await mkdir(dest, { recursive: true });
  for (const name of await readdir(srcDir)) {
    const from = path.join(srcDir, name);
    if (name === 'published-figures.csv') {
      const records = parseCsv(await readFile(from), { bom: true, skip_empty_lines: true, relax_column_count: true });
      const [header, ...rows] = records;
      const yearIdx = header.findIndex((h) => h.trim().toLowerCase() === 'year');
      const kept = rows.filter((r) => !yearLabels.has(String(r[yearIdx] ?? '').trim()));
      await writeFile(path.join(dest, name), [header, ...kept].map((r) => r.map(csvCell).join(',')).join('\n') + '\n');
    } else {
      await cp(from, path.join(dest, name), { recursive: true });
    }
  }
}

// ---- generated returns ------------------------------------------------------------------------------

/**
 * Child protection plans, simulated over all years at once so that a plan open on 31 March appears again
 * in the next year's return (ended or still open). Each year's file holds every plan open at any time in it.
 */
async function writeCpPlans(rand, boardNo, boardDir, years, scale, counts) {
  // Starts per year chosen so that a year's file holds about 2,000 plans at scale 1 (mean length ~0.8 years).
  const startsPerDay = (1100 * scale) / 365;
  const writers = years.map(
    (y) => new CsvWriter(path.join(boardDir, y.label, 'child-protection-plans.csv'), ['Plan ref', 'Child ref', 'Plan start', 'Plan end', 'Category', 'Previous plan', 'Reviews due', 'Reviews on time']),
  );
  const first = years[0];
  const last = years[years.length - 1];
  let planNo = 0;
  for (let day = first.start - 3 * 365; day <= last.end; day++) {
    const n = rand.countNear(startsPerDay);
    for (let k = 0; k < n; k++) {
      planNo++;
      const band = rand.next();
      const length = band < 0.38 ? rand.int(30, 182) : band < 0.73 ? rand.int(183, 364) : band < 0.925 ? rand.int(365, 729) : rand.int(730, 1100);
      const end = day + length;
      const category = rand.weighted(CP_CATEGORY);
      const previous = rand.chance(0.14) ? 'yes' : 'no';
      const lateReview = rand.chance(0.03) ? rand.int(0, 3) : -1; // index of the one review held late, if any
      const planRef = `CP-${boardNo}-${String(planNo).padStart(7, '0')}`;
      const childRef = `C-${boardNo}-${(Math.imul(planNo, 2654435761) >>> 0).toString(36)}`;
      for (let i = 0; i < years.length; i++) {
        const y = years[i];
        if (day > y.end || end < y.start) continue;
        const asOf = Math.min(end, y.end);
        const elapsed = asOf - day;
        const due = elapsed >= 91 ? 1 + Math.floor((elapsed - 91) / 182) : 0;
        const onTime = lateReview >= 0 && due > lateReview ? due - 1 : due;
        await writers[i].row([planRef, childRef, isoOf(day), end <= y.end ? isoOf(end) : '', category, previous, due, onTime]);
      }
    }
  }
  for (let i = 0; i < years.length; i++) {
    await writers[i].close();
    counts[years[i].label]['child-protection-plans.csv'] = writers[i].rows;
  }
}

/**
 * Child deaths, simulated over all years: a death appears in the year it was notified (its review status as
 * at 31 March) and again in the year its review concluded, if that is a later year.
 */
async function writeCdop(rand, boardNo, boardDir, years, scale, counts) {
  const perDay = (PER_YEAR_AT_SCALE_1.cdopDeaths * scale) / 365;
  const writers = years.map(
    (y) => new CsvWriter(path.join(boardDir, y.label, 'cdop-cases.csv'), ['Case ref', 'Date notified', 'Age band', 'Expected', 'Review status', 'Date concluded', 'Category', 'Modifiable factors', 'Locality', 'Deprivation quintile']),
  );
  const first = years[0];
  const last = years[years.length - 1];
  let caseNo = 0;
  for (let day = first.start - 365; day <= last.end; day++) {
    const n = rand.countNear(perDay);
    for (let k = 0; k < n; k++) {
      caseNo++;
      const band = rand.next();
      const concluded = band < 0.6 ? day + rand.int(60, 300) : band < 0.92 ? day + rand.int(301, 540) : Infinity;
      const deferred = rand.chance(0.35);
      const ageBand = rand.weighted(CDOP_AGE);
      const expected = rand.chance(0.55) ? 'expected' : 'unexpected';
      const category = rand.weighted(CDOP_CATEGORY);
      const modifiable = rand.weighted(CDOP_MODIFIABLE);
      const locality = rand.pick(LOCALITIES);
      const quintile = String(rand.int(1, 5));
      const caseRef = `D-${boardNo}-${String(caseNo).padStart(6, '0')}`;
      for (let i = 0; i < years.length; i++) {
        const y = years[i];
        const notifiedInYear = day >= y.start && day <= y.end;
        const concludedInYear = concluded >= y.start && concluded <= y.end;
        if (!notifiedInYear && !concludedInYear) continue;
        const done = concluded <= y.end;
        const status = done ? 'concluded' : deferred && y.end - day > 60 ? 'deferred' : 'not-discussed';
        await writers[i].row([
          caseRef, isoOf(day), ageBand, expected, status, done ? isoOf(concluded) : '',
          done ? category : '', done ? modifiable : '', locality, quintile,
        ]);
      }
    }
  }
  for (let i = 0; i < years.length; i++) {
    await writers[i].close();
    counts[years[i].label]['cdop-cases.csv'] = writers[i].rows;
  }
}

/** LADO referrals received in the year; outstanding when not concluded by 31 March. */
async function writeLado(rand, yearDir, y, scale, counts) {
  const w = new CsvWriter(path.join(yearDir, 'lado-referrals.csv'), ['Referral ref', 'Date received', 'Referral source', 'Sector', 'Nature', 'Work based', 'Outcome', 'Date concluded', 'Police involvement', 'Disciplinary involvement']);
  const perDay = (PER_YEAR_AT_SCALE_1.ladoReferrals * scale) / 365;
  let no = 0;
  for (let day = y.start; day <= y.end; day++) {
    const n = rand.countNear(perDay);
    for (let k = 0; k < n; k++) {
      no++;
      const concluded = day + (rand.chance(0.83) ? rand.int(0, 28) : rand.int(31, 200));
      const open = concluded > y.end;
      await w.row([
        `L-${y.startYear}-${String(no).padStart(6, '0')}`, isoOf(day), rand.weighted(LADO_SOURCE), rand.weighted(LADO_SECTOR),
        rand.weighted(LADO_NATURE), rand.chance(0.66) ? 'yes' : 'no', open ? 'outstanding' : rand.weighted(LADO_OUTCOME),
        open ? '' : isoOf(concluded), rand.chance(0.2) ? 'yes' : 'no', rand.chance(0.3) ? 'yes' : 'no',
      ]);
    }
  }
  await w.close();
  counts[y.label]['lado-referrals.csv'] = w.rows;
}

/** Training events and attendance by agency; each event's participants equal the sum of its attendance rows. */
async function writeTraining(rand, yearDir, y, scale, counts) {
  const events = new CsvWriter(path.join(yearDir, 'training-events.csv'), ['Event ref', 'Date', 'Type', 'Title', 'Level', 'Participants']);
  const attendance = new CsvWriter(path.join(yearDir, 'training-attendance.csv'), ['Event ref', 'Agency', 'Participants']);
  // 3-12 agencies per event (mean 7.5), so 2,000 events give about 15,000 attendance rows at scale 1.
  const perDay = (PER_YEAR_AT_SCALE_1.trainingAttendance / 7.5) * scale / 365;
  let no = 0;
  for (let day = y.start; day <= y.end; day++) {
    const n = rand.countNear(perDay);
    for (let k = 0; k < n; k++) {
      no++;
      const ref = `T-${y.startYear}-${String(no).padStart(6, '0')}`;
      const agencies = rand.sample(AGENCIES, rand.int(3, 12));
      let total = 0;
      for (const agency of agencies) {
        const p = rand.int(1, 8);
        total += p;
        await attendance.row([ref, agency, p]);
      }
      await events.row([ref, isoOf(day), rand.weighted(TRAINING_TYPE), rand.pick(TRAINING_TITLES), rand.pick(TRAINING_LEVELS), total]);
    }
  }
  await events.close();
  await attendance.close();
  counts[y.label]['training-events.csv'] = events.rows;
  counts[y.label]['training-attendance.csv'] = attendance.rows;
}

/** E-learning completions by course with a checked "Total" row. */
async function writeElearning(rand, yearDir, y, scale, counts) {
  const w = new CsvWriter(path.join(yearDir, 'elearning-completions.csv'), ['Course', 'Completions']);
  let total = 0;
  for (const [course, base] of ELEARNING_COURSES) {
    const n = Math.max(0, Math.round(base * scale * (0.8 + 0.4 * rand.next())));
    total += n;
    await w.row([course, n]);
  }
  await w.row(['Total', total]);
  await w.close();
  counts[y.label]['elearning-completions.csv'] = w.rows;
}

/** Finance lines whose stated totals and carry-forward reconcile to the penny (whole pounds here). */
async function writeFinance(rand, yearDir, y, scale, counts) {
  const w = new CsvWriter(path.join(yearDir, 'finance.csv'), ['Type', 'Heading', 'Partner', 'Amount']);
  const factor = Math.max(scale, 0.01);
  let expenditure = 0;
  for (const [heading, base] of EXPENDITURE_LINES) {
    const amount = Math.round(base * factor * (0.85 + 0.3 * rand.next()));
    expenditure += amount;
    await w.row(['expenditure', heading, '', amount]);
  }
  await w.row(['total-expenditure', 'Total', '', expenditure]);
  const carry = Math.round(expenditure * (0.05 + 0.2 * rand.next()));
  const income = expenditure + carry;
  let given = 0;
  for (const [heading, partner, share] of INCOME_LINES) {
    const amount = Math.round(income * share);
    given += amount;
    await w.row(['income', heading, partner, amount]);
  }
  await w.row(['income', 'Council contribution', 'Council', income - given]);
  await w.row(['total-income', 'Total', '', income]);
  await w.row(['carry-forward', `Carry forward for use in planned projects for ${y.startYear + 1}/${String((y.startYear + 2) % 100).padStart(2, '0')}`, '', carry]);
  await w.close();
  counts[y.label]['finance.csv'] = w.rows;
}

/** Context figures: counts scale with the board, rates and percentages do not. */
async function writeContext(rand, yearDir, y, scale, counts) {
  const w = new CsvWriter(path.join(yearDir, 'context.csv'), ['Measure', 'Value', 'Period end', 'Source']);
  for (const [measure, base, scales, source] of CONTEXT) {
    const jitter = 0.9 + 0.2 * rand.next();
    const value = scales ? Math.max(1, Math.round(base * scale * jitter)) : Math.round(base * jitter * 10) / 10;
    await w.row([measure, value, isoOf(y.end), source]);
  }
  await w.close();
  counts[y.label]['context.csv'] = w.rows;
}

/** Copy a small year-agnostic return from the sample board, or write a minimal one if the sample lacks it. */
async function copyOrWrite(sampleDir, yearDir, name, fallbackHeader, fallbackRows, counts, label) {
  const from = await findInSample(sampleDir, name);
  if (from) {
    await cp(from, path.join(yearDir, name));
    const rows = parseCsv(await readFile(from), { bom: true, skip_empty_lines: true, relax_column_count: true });
    counts[label][name] = Math.max(0, rows.length - 1);
    return;
  }
  const w = new CsvWriter(path.join(yearDir, name), fallbackHeader);
  for (const r of fallbackRows) await w.row(r);
  await w.close();
  counts[label][name] = w.rows;
}

/** Copy narrative/ and recommendations.yaml from the newest sample year that has them. */
async function copyYearText(sampleDir, yearDir) {
  const narrative = await findInSample(sampleDir, 'narrative');
  if (narrative) await cp(narrative, path.join(yearDir, 'narrative'), { recursive: true });
  const recs = await findInSample(sampleDir, 'recommendations.yaml');
  if (recs) await cp(recs, path.join(yearDir, 'recommendations.yaml'));
}

// ---- entry point ------------------------------------------------------------------------------------

/**
 * Write `boards` synthetic boards of `years` consecutive years each into `out/board-NN/`, and
 * `out/manifest.json` (written last: its presence means the set is complete).
 */
export async function makeBoards({ scale = 1, boards = 1, years = 1, out, seed = 'lscb-bench', firstYear = '2012-13', sample = SAMPLE_BOARD, force = false, log = () => {} }) {
  if (!out) throw new Error('an output folder is required');
  if (!(scale > 0 && scale <= 1000)) throw new Error('scale must be above 0 and at most 1000');
  if (!Number.isInteger(boards) || boards < 1) throw new Error('boards must be a whole number of 1 or more');
  if (!Number.isInteger(years) || years < 1 || years > 50) throw new Error('years must be a whole number from 1 to 50');
  if (!(await exists(path.join(sample, 'board.yaml')))) throw new Error(`the sample board has no board.yaml: ${sample}`);

  await mkdir(out, { recursive: true });
  const existing = await readdir(out);
  if (existing.length > 0 && !existing.includes('manifest.json') && !force) {
    throw new Error(`${out} is not empty and holds no manifest.json from this generator; pass --force to write into it anyway`);
  }
  await rm(path.join(out, 'manifest.json'), { force: true });
  for (const name of existing) {
    if (/^board-\d+$/.test(name)) await rm(path.join(out, name), { recursive: true, force: true });
  }

  const fys = Array.from({ length: years }, (_, i) => financialYear(yearLabel(firstYear, i)));
  const labels = new Set(fys.map((y) => y.label));
  const manifest = {
    generator: 'scripts/bench/make-boards.mjs',
    version: GENERATOR_VERSION,
    options: { scale, boards, years, seed, firstYear },
    years: fys.map((y) => y.label),
    boards: [],
  };
  const started = Date.now();
  for (let b = 1; b <= boards; b++) {
    const boardNo = String(b).padStart(2, '0');
    const boardDir = path.join(out, `board-${boardNo}`);
    const rand = createRandom(`${seed}/${scale}/${b}`);
    const counts = Object.fromEntries(fys.map((y) => [y.label, {}]));
    await mkdir(boardDir, { recursive: true });
    for (const y of fys) await mkdir(path.join(boardDir, y.label), { recursive: true });
    await writeBoardConfig(sample, boardDir, b, { scale }, fys);
    await copyAggregates(sample, boardDir, labels);
    await writeCpPlans(rand, boardNo, boardDir, fys, scale, counts);
    await writeCdop(rand, boardNo, boardDir, fys, scale, counts);
    for (const y of fys) {
      const yearDir = path.join(boardDir, y.label);
      await writeLado(rand, yearDir, y, scale, counts);
      await writeTraining(rand, yearDir, y, scale, counts);
      await writeElearning(rand, yearDir, y, scale, counts);
      await writeFinance(rand, yearDir, y, scale, counts);
      await writeContext(rand, yearDir, y, scale, counts);
      await copyOrWrite(sample, yearDir, 'board-members.csv', ['Name', 'Job title', 'Agency', 'Meetings held', 'Meetings attended'],
        [['Jane Booth', 'Independent Chair', 'Safeguarding Children Board', 6, 6], ['Board Member', 'Director', 'Council', 6, 5]], counts, y.label);
      await copyOrWrite(sample, yearDir, 'section-11-audit.csv', ['Agency', 'Returned audit', 'Invited to challenge', 'Attended challenge', 'Deferred', 'Recommendations made'],
        [['Police', 'x', 'x', 'x', '', 'x'], ['Probation', 'x', '', '', '', '']], counts, y.label);
      await copyYearText(sample, yearDir);
    }
    manifest.boards.push({ dir: `board-${boardNo}`, rows: counts });
    log(`board-${boardNo}: ${fys.length} year(s) written`);
  }
  manifest.seconds = Math.round((Date.now() - started) / 100) / 10;
  await writeFile(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
