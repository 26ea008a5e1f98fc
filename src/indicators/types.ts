/**
 * The shape of indicators: their catalogue entries, their values for a year with provenance, and the
 * year-on-year series. Shared by compute (which produces them), the commands and the report (which read them).
 */
import type { Finding } from '../findings.js';
import type { DeclaredFormula } from './board-indicators.js';

/** Unit of an indicator; decides rounding, formatting and how change is expressed. */
export type Unit = 'count' | 'percent' | 'rate_per_10k' | 'money' | 'days' | 'ratio';

/** Whether a rise is good news. */
export type Polarity = 'higher_is_better' | 'lower_is_better' | 'neither';

/** One catalogue entry. */
export interface IndicatorDef {
  /** Stable id, e.g. `cp.plans_open_at_year_end` or `lado.source.police`. */
  id: string;
  title: string;
  unit: Unit;
  /** Plain-English definition naming numerator and denominator where there are any. */
  definition: string;
  numerator?: string;
  denominator?: string;
  polarity: Polarity;
  /** Where it comes from: a return file (e.g. `child-protection-plans.csv`), `context.csv` or `aggregates`. */
  source: string;
  /** For breakdown members (e.g. `lado.source.police`), the id of the family (`lado.source`). */
  breakdownOf?: string;
  /** For breakdown members: the code in the return (`police`), as used in the id. */
  breakdownCode?: string;
  /** For breakdown members: the code's label for tables (`Police`). */
  breakdownLabel?: string;
  /** Decimal places to publish (counts 0, percentages and rates 1, money 0). */
  decimals: number;
  /** `board` for an indicator the board declares in indicators.yaml; absent for the tool's own. */
  owner?: 'board';
  /** Who supplies the figure (board-defined indicators say; the tool's own come from the named return). */
  supplier?: string;
  /**
   * How the value is found, in the form indicators.yaml uses (`count: { return, column, value }`): a board's
   * formula, or the declaration of a built-in breakdown, which the same code evaluates.
   */
  formula?: DeclaredFormula;
}

/** Where a value came from. */
export interface Provenance {
  kind: 'computed' | 'supplied';
  /** File relative to the board folder, e.g. `2012-13/child-protection-plans.csv`. */
  file: string;
  /** For supplied figures: the citation given in the file. */
  source?: string;
}

/** An indicator's value for one year. `value` is unrounded; null means not available (`reason` says why). */
export interface IndicatorValue {
  id: string;
  year: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
  provenance: Provenance | null;
  /** Why the value is not available, when it is not. */
  reason?: string;
  /**
   * Decimal places to publish this value with, when not the catalogue's `decimals`: a supplied figure
   * keeps the precision it was supplied with (1,212.53 stays 1,212.53; 38% stays 38%, not 38.0%).
   */
  decimals?: number;
  /**
   * The period or date a supplied figure describes when it is not the year it is shown under ("mid-2010
   * estimate", "at 31 January 2012"); absent for figures of the year itself.
   */
  period?: string;
  /** The ages the figure covers, as its source gives them ("0-18"), for labels. */
  ageBand?: string;
}

/** Direction of change judged by the indicator's polarity. */
export type Direction = 'improved' | 'worsened' | 'unchanged' | 'not_applicable';

/** Change from the previous year (only between consecutive years). */
export interface Change {
  /** Absolute change in the indicator's unit (counts, money), rounded as published. */
  absolute: number | null;
  /** % change, for counts and money only. */
  percent: number | null;
  /** Percentage-point (or rate) change, for percentages and rates only. */
  points: number | null;
  direction: Direction;
  /** Why there is no change figure, when there is none. */
  reason?: string;
  /** Decimal places the change is published with, when finer than the catalogue's `decimals`. */
  decimals?: number;
}

/** A comparator's value and the board's difference from it. */
export interface ComparatorValue {
  comparator: 'england' | 'region' | 'statistical-neighbours';
  value: number;
  /** Board value minus comparator value (null when the board value is not available). */
  difference: number | null;
  /** Decimal places the comparator was supplied with (38 → 0), so it prints as published: 38%. */
  decimals: number;
  source: string;
  /** The period it describes when not the year ("2011-12 school year"); absent when it is the year. */
  period?: string;
}

/** One indicator for one year, ready for output: the value, last year's, the change and comparators. */
export interface IndicatorRow {
  def: IndicatorDef;
  year: string;
  current: IndicatorValue;
  previousYear: string;
  previous: IndicatorValue;
  change: Change;
  comparators: ComparatorValue[];
}

/** Every indicator for a year, plus the full series for every year the board has. */
export interface IndicatorReport {
  year: string;
  rows: IndicatorRow[];
  /** id → year → value, for every year with data (oldest first). */
  series: Map<string, Map<string, IndicatorValue>>;
  /** Reconciliation findings (computed vs supplied figures that differ). */
  findings: Finding[];
}
