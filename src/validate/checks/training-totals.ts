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

    // One pass over the attendance rows: each reference is keyed once, for both checks.
    const eventsReadable = !hasRowErrors(data, 'trainingEvents');
    const attendanceReadable = !hasRowErrors(data, 'trainingAttendance');
    const eventKeys = events.map((e) => refKey(e.eventRef));
    const known = eventsReadable ? new Set(eventKeys) : null;
    const sums = new Map<string, { total: number; rows: number }>();
    // Rows of one event usually come together: a row with the same reference as the last reuses its key.
    let lastRef: string | undefined;
    let lastKnown = false;
    let lastSum: { total: number; rows: number } | undefined;
    for (const a of attendance) {
      if (a.eventRef !== lastRef) {
        const key = refKey(a.eventRef);
        lastRef = a.eventRef;
        lastKnown = !known || known.has(key);
        lastSum = undefined;
        if (attendanceReadable) {
          lastSum = sums.get(key);
          if (!lastSum) {
            lastSum = { total: 0, rows: 0 };
            sums.set(key, lastSum);
          }
        }
      }
      if (!lastKnown) {
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
      if (lastSum) {
        lastSum.total += a.participants;
        lastSum.rows += 1;
      }
    }

    if (!attendanceReadable) return findings;
    for (const [i, e] of events.entries()) {
      const s = sums.get(eventKeys[i]!) ?? { total: 0, rows: 0 };
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
