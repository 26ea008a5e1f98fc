/**
 * What personal data looks like in a cell: postcodes, e-mail addresses, telephone numbers, NHS numbers,
 * dates of birth and National Insurance numbers. Used by the loader (cells of unnamed columns) and by
 * `validate` (free-text cells). The text is read as a reader sees it: full-width digits, Unicode dashes and
 * invisible characters are normalised first.
 */
import { readerCharacters } from './reader-text.js';

/** True when ten digits pass the NHS number check digit (modulus 11). */
function nhsCheckDigitValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  return check !== 10 && (check === 11 ? 0 : check) === Number(digits[9]);
}

/**
 * A run of digits, spaces, hyphens and brackets that makes a UK telephone number once the punctuation
 * is taken out: 0 and 9–10 more digits, or +44 and 9–10 digits.
 */
function hasPhoneNumber(text: string): boolean {
  for (const m of text.matchAll(/(?<![\d+])(\+\s?44|\(?0)[\d\s()-]{8,18}\d(?!\d)/g)) {
    const digits = m[0].replace(/\D/g, '');
    const national = m[0].startsWith('+') ? `0${digits.slice(2)}` : digits;
    if (/^0[1-9]\d{8,9}$/.test(national)) return true;
  }
  return false;
}

/** What kind of personal identifier a text value looks like, or null. */
export function personalIdentifierIn(raw: string): string | null {
  const text = readerCharacters(raw);
  // Outward code, space optional, inward code (its letters never C, I, K, M, O or V); "KS2 2nd" is an ordinal, not a postcode.
  for (const m of text.matchAll(/\b[A-Z]{1,2}[0-9][A-Z0-9]? ?([0-9][ABD-HJLNP-UW-Z]{2})\b/gi)) {
    if (!/^\d(st|nd|rd|th)$/i.test(m[1]!)) return 'a postcode';
  }
  // The lookbehind anchors the match at the start of a word, so a long run without spaces is linear, not quadratic.
  if (/(?<![^\s@])[^\s@]+@[^\s@]+\.[a-z]{2,}/i.test(text)) return 'an e-mail address';
  if (/\bNHS\s*(?:no\.?|number|num)?\s*[:#]?\s*\d/i.test(text)) return 'an NHS number';
  for (const m of text.matchAll(/(?<!\d)\d{3}[\s-]?\d{3}[\s-]?\d{4}(?!\d)/g)) {
    if (nhsCheckDigitValid(m[0].replace(/\D/g, ''))) return 'an NHS number';
  }
  if (/\b(?:d\.?\s?o\.?\s?b\.?|date of birth|born(?: on)?)\s*[:\-]?\s*\d{1,4}[/.\- ]\d{1,2}/i.test(text)) return 'a date of birth';
  if (/\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/i.test(text) || /\b(?:NI|NINO|national insurance)\s*(?:no\.?|number)?\s*[:#]?\s*[A-Z]{2}\s?\d/i.test(text)) {
    return 'a National Insurance number';
  }
  if (hasPhoneNumber(text)) return 'a phone number';
  return null;
}

/** E-mail addresses in a text (for warnings about narrative, which may legitimately give a board's address). */
export function emailAddressesIn(text: string): number {
  return [...readerCharacters(text).matchAll(/(?<![^\s@<>(:;,"'[])[^\s@<>()"',;[\]]+@[^\s@<>()"',;[\]]+\.[a-z]{2,}/gi)].length;
}
