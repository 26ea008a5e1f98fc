/**
 * Parsing one cell of a return. Each parser returns a value or a problem with a stable code, a message a
 * business manager understands, and a hint.
 */
import { closest } from 'fastest-levenshtein';
import type { AllowedValue } from './definitions.js';
import { penceFromText } from './money.js';

/** A cell that could not be read. */
export interface CellProblem {
  code: string;
  message: string;
  hint?: string;
}

export type CellResult<T> = { ok: true; value: T } | { ok: false; problem: CellProblem };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const bad = (code: string, message: string, hint?: string): CellResult<never> => ({
  ok: false,
  problem: { code, message, hint },
});

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Parse ISO `2012-06-30` or UK `30/06/2012` into an ISO date string; rejects impossible dates. */
export function parseDate(raw: string): CellResult<string> {
  const s = raw.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    return bad('date-unreadable', `"${s}" is not a date this tool can read.`, 'Write dates as 2012-06-30 or 30/06/2012.');
  }
  if (!isRealDate(y, m, d)) {
    return bad('date-impossible', `"${s}" is not a real date.`, 'Check the day and month: that month does not have that day.');
  }
  if (y < 1900 || y > 2200) {
    return bad('date-unreadable', `"${s}" has an implausible year.`, 'Check the year.');
  }
  return ok(`${pad(y, 4)}-${pad(m)}-${pad(d)}`);
}

/** Dots as thousands separators (45.000, 1.234.567), as many European spreadsheets write them. */
const DOT_THOUSANDS = /^\d{1,3}(\.\d{3})+$/;
const dotThousands = (raw: string) =>
  bad('not-a-number', `"${raw.trim()}" uses dots as thousands separators, so it is ambiguous (45.000 could be 45 or 45,000).`, 'Write it without separators or with commas (45000 or 45,000); if you mean a decimal, drop the trailing zeros (45).');

/** Parse a whole number of 0 or more (thousands separators allowed). */
export function parseCount(raw: string): CellResult<number> {
  const s = raw.trim().replace(/,(?=\d{3}(\D|$))/g, '');
  if (DOT_THOUSANDS.test(s)) return dotThousands(raw);
  if (/^-?\d+(\.\d+)?\s*%$/.test(s)) {
    return bad('unit-mismatch', `"${raw.trim()}" is a percentage, but this column holds a count.`, 'Enter the number itself (for example 39 referrals), not its share of a total; a percentage belongs in a column or return that asks for one, with its base.');
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) {
    return bad('not-a-number', `"${raw.trim()}" is not a number.`, 'Enter a whole number such as 12, with no words or symbols.');
  }
  const n = Number(s);
  if (n < 0) return bad('negative-count', `"${raw.trim()}" is negative; a count cannot be below 0.`, 'Enter 0 or more.');
  if (!Number.isInteger(n)) return bad('fractional-count', `"${raw.trim()}" is not a whole number.`, 'Counts are whole numbers: check for a typing slip or a formula result.');
  if (!Number.isSafeInteger(n)) return bad('not-a-number', `"${raw.trim()}" is too large to be a count.`, 'Check the cell.');
  return ok(n);
}

/** Parse an amount of money in pounds into whole pence: 0 or more, at most two decimal places; `£` and `,` allowed. */
export function parseMoney(raw: string): CellResult<number> {
  let s = raw.trim();
  // Accounting brackets mean a negative amount: (1,500) is -1,500.
  const bracketed = /^\((.*)\)$/.exec(s);
  if (bracketed) s = `-${bracketed[1]!.trim()}`;
  s = s
    .replace(/^(-?)\s*£\s*/, '$1')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (/%$/.test(s)) {
    return bad('unit-mismatch', `"${raw.trim()}" is a percentage, but this column holds an amount of money.`, 'Enter the amount in pounds, such as 1,540.50, not a share of the budget.');
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) {
    return bad('not-a-number', `"${raw.trim()}" is not an amount of money.`, 'Enter pounds as a number such as 138706 or 1,540.50.');
  }
  if (s.startsWith('-')) {
    return bad(
      'negative-amount',
      `"${raw.trim()}" is negative.`,
      'Enter amounts as positive numbers; the Type column says what the line is (an overspend met from reserves is a from-reserves line, not a negative amount).',
    );
  }
  if (/\.\d{3,}$/.test(s)) return bad('too-many-decimals', `"${raw.trim()}" has more than 2 decimal places.`, 'Amounts are in pounds and whole pence, such as 1,540.50: round to the penny.');
  const pence = penceFromText(s);
  if (pence === null || pence > 1e14) return bad('not-a-number', `"${raw.trim()}" is too large.`, 'Check the cell.');
  return ok(pence);
}

/** Parse any decimal number (rates, percentages); a trailing % is accepted. */
export function parseNumber(raw: string): CellResult<number> {
  const s = raw.trim().replace(/%$/, '').replace(/,(?=\d{3}(\D|$))/g, '');
  if (DOT_THOUSANDS.test(s)) return dotThousands(raw);
  if (!/^-?\d+(\.\d+)?$/.test(s)) {
    return bad('not-a-number', `"${raw.trim()}" is not a number.`, 'Enter a number such as 369.6, without words.');
  }
  return ok(Number(s));
}

/** Parse yes/no (y, n, x, true, false); blank means `blankMeans` if given. */
export function parseYesNo(raw: string, blankMeans?: 'no'): CellResult<boolean> {
  const s = raw.trim().toLowerCase();
  if (s === '' && blankMeans === 'no') return ok(false);
  if (['yes', 'y', 'x', 'true', '1'].includes(s)) return ok(true);
  if (['no', 'n', 'false', '0'].includes(s)) return ok(false);
  return bad('value-not-allowed', `"${raw.trim()}" is not yes or no.`, 'Write yes or no.');
}

/** Normalise a coded value for matching: lower case, spaces and underscores as hyphens. */
export function normaliseCode(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/**
 * An allowed set as a lookup, built once per set: each normalised code and label → the code of the first
 * value (in the set's order) that has it, so a lookup gives what scanning the set in order would.
 */
export interface EnumLookup {
  byNormalised: ReadonlyMap<string, string>;
  codes: readonly string[];
}

const LOOKUPS = new WeakMap<readonly AllowedValue[], EnumLookup>();

/** The lookup of an allowed set, made on first use and kept for as long as the set exists. */
export function enumLookup(values: readonly AllowedValue[]): EnumLookup {
  let lookup = LOOKUPS.get(values);
  if (!lookup) {
    const byNormalised = new Map<string, string>();
    for (const v of values) {
      for (const form of [normaliseCode(v.code), normaliseCode(v.label)]) {
        if (!byNormalised.has(form)) byNormalised.set(form, v.code);
      }
    }
    lookup = { byNormalised, codes: values.map((v) => v.code) };
    LOOKUPS.set(values, lookup);
  }
  return lookup;
}

/** The refusal of a coded value, suggesting the closest allowed code. */
export function enumProblem(raw: string, lookup: EnumLookup): CellResult<never> {
  const suggestion = closest(normaliseCode(raw), [...lookup.codes]);
  return bad(
    'value-not-allowed',
    `"${raw.trim()}" is not an allowed value.`,
    `Did you mean "${suggestion}"? Allowed: ${lookup.codes.join(', ')}.`,
  );
}

/** Match a coded value against its allowed set (by code or by label), suggesting the closest on failure. */
export function parseEnum(raw: string, values: readonly AllowedValue[]): CellResult<string> {
  const lookup = enumLookup(values);
  const code = lookup.byNormalised.get(normaliseCode(raw));
  return code === undefined ? enumProblem(raw, lookup) : ok(code);
}

/** A pseudonymous reference: letters, digits, '-', '_', '/' and '.', up to 40 characters. */
export function parseRef(raw: string): CellResult<string> {
  const s = raw.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_\-/.]{0,39}$/.test(s)) {
    return bad('ref-invalid', `"${s}" is not a valid reference.`, 'Use a pseudonymous reference of letters, digits and hyphens, such as CP-0042; never a name.');
  }
  return ok(s);
}

/** An indicator id such as `cp.plans_open_at_year_end`. */
export function parseIndicatorId(raw: string): CellResult<string> {
  const s = raw.trim();
  if (!/^[a-z0-9_]+(\.[a-z0-9_-]+)+$/.test(s)) {
    return bad('indicator-id-invalid', `"${s}" is not an indicator id.`, 'Indicator ids look like cp.plans_open_at_year_end; run `lscb-report indicators --list`.');
  }
  return ok(s);
}
