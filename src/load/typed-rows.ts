/**
 * The fast path from a CSV record (an array of cells) to a typed row: one small parser per column type,
 * written for the cells returns hold most of the time, and the general cell parsers of
 * `src/returns/cells.ts` for the rest. It gives exactly what the zod row schema gives for a row the schema
 * accepts, and refuses every row the schema refuses; the loader then runs the schema on that row alone, for
 * its findings. A property test (test/load/typed-rows.property.test.ts) holds the two to that.
 */
import type { ColumnDef } from '../returns/definitions.js';
import {
  enumLookup,
  normaliseCode,
  parseCount,
  parseDate,
  parseIndicatorId,
  parseMoney,
  parseNumber,
  parseYesNo,
  type CellResult,
} from '../returns/cells.js';
import { NOT_RECORDED, isNotRecordedText } from '../returns/not-recorded.js';

/** What a cell parser returns for a cell it cannot read (the row then goes to the schema for its findings). */
export const REFUSED: unique symbol = Symbol('refused');

/** A cell (trimmed, not blank) → its typed value, or REFUSED. */
type CellParser = (s: string) => unknown;

const fromResult =
  (parse: (s: string) => CellResult<unknown>): CellParser =>
  (s) => {
    const r = parse(s);
    return r.ok ? r.value : REFUSED;
  };

const isDigit = (c: number) => c >= 48 && c <= 57;

/** A count: plain digits are read at once; anything else (commas, signs, decimals) as parseCount reads it. */
function countCell(s: string): unknown {
  const n = s.length;
  if (n > 0 && n <= 15) {
    let plain = true;
    for (let i = 0; i < n; i++) {
      if (!isDigit(s.charCodeAt(i))) {
        plain = false;
        break;
      }
    }
    if (plain) return Number(s);
  }
  const r = parseCount(s);
  return r.ok ? r.value : REFUSED;
}

function daysIn(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** A date: an ISO date written in full (2012-06-30) is its own value; other forms as parseDate reads them. */
function dateCell(s: string): unknown {
  if (
    s.length === 10 &&
    s.charCodeAt(4) === 45 &&
    s.charCodeAt(7) === 45 &&
    isDigit(s.charCodeAt(0)) &&
    isDigit(s.charCodeAt(1)) &&
    isDigit(s.charCodeAt(2)) &&
    isDigit(s.charCodeAt(3)) &&
    isDigit(s.charCodeAt(5)) &&
    isDigit(s.charCodeAt(6)) &&
    isDigit(s.charCodeAt(8)) &&
    isDigit(s.charCodeAt(9))
  ) {
    const y = Number(s.slice(0, 4));
    const m = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
    const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
    if (y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)) return s;
  }
  const r = parseDate(s);
  return r.ok ? r.value : REFUSED;
}

const REF = /^[A-Za-z0-9][A-Za-z0-9_\-/.]{0,39}$/;

function refCell(s: string): unknown {
  return REF.test(s) ? s : REFUSED;
}

/** A coded value: looked up as written when it is already in normal form, else once normalised. */
function enumCell(col: ColumnDef): CellParser {
  const { byNormalised } = enumLookup(col.values ?? []);
  // Only the normal forms are keys, so a cell found as written needs no normalising.
  return (s) => byNormalised.get(s) ?? byNormalised.get(normaliseCode(s)) ?? REFUSED;
}

function yesNoCell(col: ColumnDef): CellParser {
  const general = fromResult((s) => parseYesNo(s, col.blankMeans));
  return (s) => {
    switch (s) {
      case 'yes':
      case 'y':
      case 'x':
        return true;
      case 'no':
      case 'n':
        return false;
      default:
        return general(s);
    }
  };
}

/** A column that takes "not recorded" reads it before anything else, as the row schema does. */
function cellParser(col: ColumnDef): CellParser {
  const parse = typedCellParser(col);
  if (!col.notRecorded) return parse;
  return (s) => {
    const c = s.charCodeAt(0);
    return (c === 110 || c === 78) && isNotRecordedText(s) ? NOT_RECORDED : parse(s);
  };
}

function typedCellParser(col: ColumnDef): CellParser {
  switch (col.type) {
    case 'count':
      return countCell;
    case 'date':
      return dateCell;
    case 'ref':
      return refCell;
    case 'enum':
      return enumCell(col);
    case 'yesno':
      return yesNoCell(col);
    case 'text':
      return (s) => s;
    case 'money':
      return fromResult(parseMoney);
    case 'number':
      return fromResult(parseNumber);
    case 'indicator':
      return fromResult(parseIndicatorId);
  }
}

/** Distinct values a column keeps to share (a bound on the memory sharing takes). */
const SHARED_MAX = 4096;

/**
 * Repeated strings of a column held once: agencies, course titles, dates and the event reference of
 * consecutive attendance rows repeat thousands of times in a large return, and each copy would otherwise
 * be kept (and copied by the garbage collector) for as long as the year is loaded.
 */
class SharedStrings {
  private last: string | undefined;
  private seen: Map<string, string> | null = new Map();
  private hits = 0;

  share(s: string): string {
    if (s === this.last) return this.last;
    const seen = this.seen;
    if (seen) {
      const known = seen.get(s);
      if (known !== undefined) {
        this.hits++;
        this.last = known;
        return known;
      }
      if (seen.size < SHARED_MAX) seen.set(s, s);
      // Mostly distinct values (a reference per child): stop looking them up.
      else if (this.hits < seen.size) this.seen = null;
    }
    this.last = s;
    return s;
  }
}

/** One column of a file: where its cell is (-1: not in the file) and how to read it. */
interface Slot {
  key: string;
  index: number;
  required: boolean;
  /** The value of a blank cell where one is allowed: null, or false in a yes/no column where blank means no. */
  blank: unknown;
  parse: CellParser;
  /** For a column of strings that repeat, where they are shared. */
  shared: SharedStrings | null;
}

/** Builds the typed row of each record of one file, or REFUSED for a record the schema must look at. */
export type RowBuilder = (record: readonly string[], row: number) => Record<string, unknown> | typeof REFUSED;

/** Decimal places of a number as written in a cell ("19" → 0, "319.0" → 1, "82.6%" → 1); undefined for no number. */
export function valueDecimalsOf(raw: string | undefined): number | undefined {
  const m = /^\s*-?[\d,]*\d(?:\.(\d+))?\s*%?\s*$/.exec(raw ?? '');
  return m ? (m[1]?.length ?? 0) : undefined;
}

/**
 * The typed-row builder for a file whose header put each column at `columnIndex`. A supplied figure (a
 * `value` column) keeps the precision it was written with and whether it was written as a percentage.
 */
export function rowBuilder(columns: readonly ColumnDef[], columnIndex: ReadonlyMap<string, number>): RowBuilder {
  const slots: Slot[] = columns.map((col) => {
    // A yes/no column where blank means no takes a blank cell even when it is required.
    const blankMeansNo = col.type === 'yesno' && col.blankMeans === 'no';
    const repeats = (col.type === 'text' || col.type === 'ref' || col.type === 'date') && !col.unique;
    return {
      key: col.key,
      index: columnIndex.get(col.key) ?? -1,
      required: col.required && !blankMeansNo,
      blank: blankMeansNo ? false : null,
      parse: cellParser(col),
      shared: repeats ? new SharedStrings() : null,
    };
  });
  const valueIndex = columns.some((c) => c.key === 'value') ? (columnIndex.get('value') ?? -1) : undefined;
  return (record, row) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      const raw = slot.index < 0 ? undefined : record[slot.index];
      const s = raw === undefined ? '' : raw.trim();
      if (s === '') {
        if (slot.required) return REFUSED;
        out[slot.key] = slot.blank;
        continue;
      }
      const value = slot.parse(s);
      if (value === REFUSED) return REFUSED;
      out[slot.key] = slot.shared && typeof value === 'string' ? slot.shared.share(value) : value;
    }
    if (valueIndex !== undefined) {
      const written = valueIndex < 0 ? undefined : record[valueIndex];
      const decimals = valueDecimalsOf(written);
      if (decimals !== undefined) out.valueDecimals = decimals;
      if (/%\s*$/.test(written ?? '')) out.valueWrittenAsPercent = true;
    }
    out.row = row;
    return out;
  };
}
