/** The course-level training return: figures over two years, its table, its checks, and an opt-in catalogue. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COURSE_INDICATORS, catalogueOf } from '../../src/indicators/catalogue.js';
import { buildIndicatorReport } from '../../src/indicators/compute.js';
import type { BoardConfig } from '../../src/config/board-config.js';
import type { TrainingCourseRow } from '../../src/returns/schemas.js';
import { buildReportModel } from '../../src/report/model.js';
import { trainingCourses } from '../../src/validate/checks/training-courses.js';
import { loadSample, section, type Loaded } from '../report/sample.js';
import { makeBoard, makeYear } from './fixtures.js';

const course = (c: Partial<TrainingCourseRow> & { course: string }): TrainingCourseRow => ({ level: null, delivery: 'face-to-face', year: null, runs: null, places: null, attended: null, ...c });
const declaring = (years: string[]) => ({ ...makeBoard(years), config: { board: { name: 'Test board' }, returns: { 'training-courses': 'collected' } } as unknown as BoardConfig });

describe('course-level training figures', () => {
  it('join the catalogue only for a board that declares the return', () => {
    expect(catalogueOf(makeBoard(['2012-13'])).some((d) => d.id === 'training.course_attendances')).toBe(false);
    expect(catalogueOf(declaring(['2012-13'])).filter((d) => d.id.startsWith('training.course')).map((d) => d.id)).toEqual(COURSE_INDICATORS.map((d) => d.id));
  });

  it('sum attendances by delivery for the year, and the year before from the same file', () => {
    const board = declaring(['2012-13']);
    const data = makeYear('2012-13', {
      trainingCourses: [
        course({ course: 'Working Together', runs: 7, places: 140, attended: 126 }),
        course({ course: 'Awareness', delivery: 'e-learning', attended: 640 }),
        course({ course: 'Briefing', delivery: 'other', runs: 1, attended: 30 }),
        course({ course: 'Working Together', year: '2011-12', runs: 6, places: 120, attended: 104 }),
      ],
    });
    const report = buildIndicatorReport(board, new Map([['2012-13', data]]), '2012-13');
    const row = (id: string) => report.rows.find((r) => r.def.id === id)!;
    expect(row('training.course_attendances').current.value).toBe(796);
    expect(row('training.course_attendances_face_to_face').current.value).toBe(126);
    expect(row('training.course_attendances_elearning').current.value).toBe(640);
    expect(row('training.courses_run').current.value).toBe(8);
    expect(row('training.course_attendances').previous.value).toBe(104);
    expect(row('training.course_attendances').previous.provenance!.file).toBe('2012-13/training-courses.csv');
    // The year before gave no e-learning: not available, never 0.
    expect(row('training.course_attendances_elearning').previous.value).toBeNull();
    expect(row('training.course_attendances_elearning').previous.reason).toBe('2012-13/training-courses.csv lists no e-learning courses for 2011-12');
  });

  it('are not available when a course gives no attendances', () => {
    const board = declaring(['2012-13']);
    const data = makeYear('2012-13', { trainingCourses: [course({ course: 'A', attended: 10 }), course({ course: 'B' })] });
    const row = buildIndicatorReport(board, new Map([['2012-13', data]]), '2012-13').rows.find((r) => r.def.id === 'training.course_attendances')!;
    expect(row.current.value).toBeNull();
    expect(row.current.reason).toBe('1 of the 2 courses of 2012-13 in 2012-13/training-courses.csv give no Attended figure');
  });

  it('are checked: only this year and the one before, each course once, and the return declared', () => {
    const rows = [course({ course: 'A', attended: 1 }), course({ course: 'A', year: '2012-13', attended: 2 }), course({ course: 'B', year: '2010-11', attended: 3 })];
    const run = (board: ReturnType<typeof makeBoard>) => trainingCourses.run({ board, data: makeYear('2012-13', { trainingCourses: rows }) }).map((f) => [f.code, f.row ?? null, f.column ?? null]);
    expect(run(declaring(['2012-13']))).toEqual([
      ['duplicate-reference', 3, 'Course'],
      ['date-outside-year', 4, 'Year'],
    ]);
    expect(run(makeBoard(['2012-13']))[0]).toEqual(['return-not-declared', null, null]);
  });
});

describe('the Kirklees course catalogue', () => {
  let k: Loaded;
  beforeAll(async () => {
    k = await loadSample(path.resolve('data-samples/kirklees'), '2008-09');
  });

  it('gives all training, face to face and e-learning, over two years', () => {
    const row = (id: string) => k.indicators.rows.find((r) => r.def.id === id)!;
    expect([row('training.course_attendances').current.value, row('training.course_attendances').previous.value]).toEqual([1466, 1196]);
    expect(row('training.course_attendances_face_to_face').current.value! + row('training.course_attendances_elearning').current.value! + 138).toBe(1466);
  });

  it('prints the course table over both years, and attendances by level', () => {
    const s = section(buildReportModel(k.board, k.data, k.indicators).sections, 'training');
    const t = s.tables.courses!;
    expect(t.columns.map((c) => c.text)).toEqual(['Course', 'Level', 'Delivery', '2007-08', '2008-09']);
    expect(t.rows[0]!.map((c) => c.text)).toEqual(['Awareness of Child Abuse and Neglect', 'Level 1', 'Face to face', '71', '92']);
    expect(t.rows.find((r) => r[0]!.text === 'Preparing internal management reviews')!.map((c) => c.text)).toEqual(['Preparing internal management reviews', 'Specialist', 'Face to face', 'not available', '26']);
    expect(t.totals[0]!.map((c) => c.text)).toEqual(['Total', '', '', '1,196', '1,466']);
    const byLevel = s.tables.coursesByLevel!;
    expect(byLevel.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Level 1', '656', '732'],
      ['Level 2', '245', '333'],
      ['Level 3', '215', '258'],
      ['Managers', '38', '51'],
      ['Specialist', '42', '92'],
    ]);
  });
});
