/**
 * Working days in England and Wales: Monday to Friday, less the bank holidays, which come from the
 * `date-holidays` library (region GB-ENG; England and Wales share their bank holidays), never from a list
 * typed here. Dates are ISO strings (`2023-12-25`); arithmetic is done in UTC so time zones cannot shift a day.
 */
import { createRequire } from 'node:module';
import type HolidaysType from 'date-holidays';

/**
 * The calendar, made on first use: `date-holidays` and its data take over 100 ms to load, which `validate`
 * pays only when a return has a date to check (its CommonJS build, loaded synchronously).
 */
let calendar: HolidaysType | undefined;
function englishCalendar(): HolidaysType {
  if (calendar === undefined) {
    const Holidays = createRequire(import.meta.url)('date-holidays') as typeof HolidaysType;
    calendar = new Holidays('GB', 'ENG');
  }
  return calendar;
}
const byYear = new Map<number, Map<string, string>>();

/** Bank holidays of a calendar year: ISO date → name (substitute days included). */
export function bankHolidays(year: number): Map<string, string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Map();
    for (const h of englishCalendar().getHolidays(year) || []) {
      if (h.type === 'public' || h.type === 'bank') days.set(h.date.slice(0, 10), h.name);
    }
    byYear.set(year, days);
  }
  return days;
}

function toUtc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Why a date is not a working day ("Saturday", "Christmas Day"), or null when it is one. */
export function nonWorkingReason(iso: string): string | null {
  const date = toUtc(iso);
  const day = date.getUTCDay();
  if (day === 0) return 'Sunday';
  if (day === 6) return 'Saturday';
  return bankHolidays(date.getUTCFullYear()).get(iso) ?? null;
}

/** True for Monday to Friday outside the bank holidays of England and Wales. */
export function isWorkingDay(iso: string): boolean {
  return nonWorkingReason(iso) === null;
}

/**
 * Working days from one date to a later one: the working days after `from`, up to and including `to`
 * (so a Monday to the Friday of the same week is 4, and to the next Monday 5). Negative when `to` is earlier.
 */
export function workingDaysBetween(from: string, to: string): number {
  if (to < from) return -workingDaysBetween(to, from);
  let count = 0;
  const day = toUtc(from);
  const end = toUtc(to).getTime();
  for (day.setUTCDate(day.getUTCDate() + 1); day.getTime() <= end; day.setUTCDate(day.getUTCDate() + 1)) {
    if (isWorkingDay(toIso(day))) count++;
  }
  return count;
}
