/** Check: no board member attended more meetings than were held. */
import type { Check } from '../check.js';
import type { Finding } from '../findings.js';
import { header, num, returnFile, rowsOf } from './helpers.js';

/** Board meetings attended never more than meetings held. */
export const boardAttendance: Check = {
  id: 'board-attendance',
  description: 'No board member attended more meetings than the meetings held.',
  run({ data }) {
    const findings: Finding[] = [];
    for (const r of rowsOf(data, 'boardMembers')) {
      if (r.meetingsHeld === null || r.meetingsAttended === null || r.meetingsAttended <= r.meetingsHeld) continue;
      findings.push({
        code: 'attended-exceeds-held',
        severity: 'error',
        file: returnFile(data, 'boardMembers'),
        row: r.row,
        column: header('boardMembers', 'meetingsAttended'),
        value: String(r.meetingsAttended),
        message: `${r.name} is recorded as attending ${num(r.meetingsAttended)} meetings, but only ${num(r.meetingsHeld)} were held.`,
        hint: 'Meetings attended cannot be more than Meetings held: the two figures may have been swapped.',
      });
    }
    return findings;
  },
};
