/** The year a new board folder is for, when `init` is not told: the last financial year that has ended. */
import { shiftYear } from '../returns/year.js';

/** The financial year before the one `now` falls in (in May 2014 or February 2015, `2013-14`). */
export function lastCompletedYear(now: Date): string {
  const month = now.getMonth() + 1;
  const currentStart = month >= 4 ? now.getFullYear() : now.getFullYear() - 1;
  const current = `${currentStart}-${String((currentStart + 1) % 100).padStart(2, '0')}`;
  return shiftYear(current, -1);
}
