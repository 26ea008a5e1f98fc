/** Check: each training event's participants equal its rows in the attendance return, which name known events. */
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';
import { returnDef } from '../../returns/definitions.js';
import { hasReturn, hasRowErrors, header, num, refKey, returnFile, rowsOf } from './helpers.js';

/** Training events reconcile with their attendance rows, which name known events. */
export const trainingTotals: Check = {
  id: 'training-totals',
  description:
    "Each training event's Participants equals the sum of its rows in the attendance return, and every attendance row names an event in the events return.",
  run({ data }) {
    const findings: Finding[] = [];
    if (!hasReturn(data, 'trainingEvents') || !hasReturn(data, 'trainingAttendance')) return findings;
    const events = rowsOf(data, 'trainingEvents');
    const attendance = rowsOf(data, 'trainingAttendance');
    const eventsFile = returnFile(data, 'trainingEvents');
    const attendanceFile = returnFile(data, 'trainingAttendance');
    const attendanceName = returnDef('trainingAttendance').file;

    if (!hasRowErrors(data, 'trainingEvents')) {
      const known = new Set(events.map((e) => refKey(e.eventRef)));
      for (const a of attendance) {
        if (known.has(refKey(a.eventRef))) continue;
        findings.push({
          code: 'unknown-reference',
          severity: 'error',
          file: attendanceFile,
          row: a.row,
          column: header('trainingAttendance', 'eventRef'),
          value: a.eventRef,
          message: `The event "${a.eventRef}" is not in the training events return (${returnDef('trainingEvents').file}).`,
          hint: 'Correct the event reference, or add the event to the training events return.',
        });
      }
    }

    if (hasRowErrors(data, 'trainingAttendance')) return findings;
    const sums = new Map<string, { total: number; rows: number }>();
    for (const a of attendance) {
      const s = sums.get(refKey(a.eventRef)) ?? { total: 0, rows: 0 };
      s.total += a.participants;
      s.rows += 1;
      sums.set(refKey(a.eventRef), s);
    }
    for (const e of events) {
      const s = sums.get(refKey(e.eventRef)) ?? { total: 0, rows: 0 };
      if (s.total === e.participants) continue;
      const diff = e.participants - s.total;
      findings.push({
        code: 'total-mismatch',
        severity: 'error',
        file: eventsFile,
        row: e.row,
        column: header('trainingEvents', 'participants'),
        value: String(e.participants),
        message:
          s.rows === 0
            ? `Event ${e.eventRef} states ${num(e.participants)} participants but has no rows in ${attendanceName}.`
            : `Event ${e.eventRef} states ${num(e.participants)} participants but its ${num(s.rows)} row${s.rows === 1 ? '' : 's'} in ${attendanceName} ${s.rows === 1 ? 'adds' : 'add'} up to ${num(s.total)}: a difference of ${num(Math.abs(diff))}.`,
        hint: 'Correct the Participants figure or the attendance rows for this event so that they agree.',
      });
    }
    return findings;
  },
};
