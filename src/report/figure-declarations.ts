/**
 * Tables and charts declared as data: a board's own in `tables.yaml` beside `board.yaml`, and the tool's
 * built-in indicator tables as the default configuration of the same mechanism. A declaration names its
 * rows (indicator ids, the tool's or the board's own `local.*`), its columns (this year and N earlier,
 * the change, the direction, comparators) or, for a chart, its type (bar or line), and its source line.
 * It is placed in a narrative with `<!-- table: id -->` / `<!-- chart: id -->`, or printed at the end of
 * its `section` when not placed.
 */
import { z } from 'zod';
import { CONTEXT_MEASURES } from '../returns/definitions.js';

const CONTEXT_MEASURE_CODES = CONTEXT_MEASURES.map((m) => m.code);

/**
 * Sections with built-in tables and charts, named `<section id>.<name>`; a board's own figure ids stay out
 * of their namespaces. The same list as the report model's builders (a test keeps them equal); kept here so
 * that `validate` does not load the renderer.
 */
export const BUILT_IN_FIGURE_SECTIONS: readonly string[] = [
  'practice-reviews', 'the-board', 'local-context', 'training', 'section-11', 'appendix-section-11', 'case-reviews',
  'priority-groups', 'board-effectiveness', 'allegations', 'finance',
];

/** A line `<!-- table: finance.expenditure -->` or `<!-- chart: allegations.byYear -->` places a figure there. */
export const PLACE_MARKER = /^\s*<!--\s*(table|chart)\s*:\s*([A-Za-z0-9][\w.-]*)\s*-->\s*$/i;

/** The file, at the root of the board folder. */
export const BOARD_FIGURES_FILE = 'tables.yaml';

/** Chart types a declaration may ask for. */
export const CHART_TYPES = ['bar', 'line'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** Comparator columns a table may show (this year's comparator figure, as in aggregates/comparators.csv), in their printed order. */
export const COMPARATOR_COLUMNS = ['england', 'region', 'statistical-neighbours'] as const;

/** Which comparator columns a table shows: every one its rows have figures for, none, or only those listed. */
export type ComparatorChoice = 'all' | 'none' | readonly string[];

/** A declaration's `comparators` as a choice (absent: every one its rows have figures for). */
export function comparatorChoice(comparators: 'none' | readonly string[] | undefined): ComparatorChoice {
  if (comparators === undefined) return 'all';
  if (comparators === 'none' || comparators.length === 0) return 'none';
  return comparators;
}

/** An id a narrative can place: lower case, a namespace, a dot, a name (`local.early-help`, `early-help.contacts`). */
export const FIGURE_ID = /^[a-z][a-z0-9-]*(\.[A-Za-z0-9_-]+)+$/;

/** A table's `comparators`: `none`, or a list of the comparator columns it may show. */
const comparatorsSetting = z.union([z.literal('none'), z.array(z.string().min(1))], {
  error: 'comparators is none, or a list such as [england, region, statistical-neighbours]; leave it out for every comparator the rows have',
});

/**
 * The tool's own tables that can show comparator columns (tables of indicators' values for the year), as
 * `<section id>.<name>`: the ids whose comparators a board may set in tables.yaml. The same tables as the
 * report model builds with comparator columns (a test keeps them equal).
 */
export const BUILT_IN_COMPARATOR_TABLES: readonly string[] = [
  'local-context.figures', 'priority-groups.cpIndicators', 'priority-groups.otherGroups', 'priority-groups.cpCategories', 'case-reviews.cdop',
  'allegations.source', 'allegations.nature', 'allegations.sector', 'allegations.outcome', 'allegations.workBased', 'allegations.timeliness',
  'training.eventsByType', 'training.courses',
];

const rowSchema = z.union([
  z.string().min(1),
  z.object({ id: z.string().min(1), label: z.string().min(1).optional() }).strict(),
]);

const common = {
  id: z.string().regex(FIGURE_ID, 'ids look like local.early-help: lower case, a namespace, a dot, a name'),
  /** Printed above the figure. `{year}`, `{previousYear}` and `{firstYear}` are filled in. */
  title: z.string().min(1),
  /** Printed under the figure, before its notes. */
  caption: z.string().min(1).optional(),
  /** The section whose end it is printed at when no narrative places it. */
  section: z.string().min(1).optional(),
  /** Years shown before this year (default 1: this year and last year). */
  earlierYears: z.number().int().min(0).max(20).default(1),
  /** The "Source:" line; when absent, it is made from the indicators' returns and the years shown. */
  source: z.string().min(1).optional(),
};

/** One table declaration. */
export const tableDeclarationSchema = z
  .object({
    ...common,
    rows: z.array(rowSchema).min(1),
    /** A column with the change from last year (default true). */
    change: z.boolean().default(true),
    /** A column saying whether the change is Better, Worse, No change or Not judged (default false). */
    direction: z.boolean().default(false),
    /**
     * Comparator columns: absent (the default), one for each comparator at least one row has a figure for;
     * `none` (or `[]`), no comparator columns; a list, only those comparators (each still only when a row
     * has a figure for it).
     */
    comparators: comparatorsSetting.optional(),
    /** Leave out a row with no figure in any year shown (default false: it prints "not available"). */
    omitEmptyRows: z.boolean().default(false),
  })
  .strict();

/** One chart declaration. The type is checked by `validate` (figure-chart-type-unknown), with a suggestion. */
export const chartDeclarationSchema = z
  .object({
    ...common,
    type: z.string().min(1),
    /** The indicators drawn: one for a bar chart, one or more (a line each) for a line chart. */
    rows: z.array(rowSchema).min(1),
  })
  .strict();

/** Schema of `tables.yaml`. */
export const boardFiguresSchema = z
  .object({
    tables: z.array(tableDeclarationSchema).default([]),
    charts: z.array(chartDeclarationSchema).default([]),
    /** Comparator columns of the tool's own tables, by id (`case-reviews.cdop: none`); default every one a row has. */
    comparators: z.record(z.string(), comparatorsSetting).default({}),
  })
  .strict();

export type TableDeclaration = z.infer<typeof tableDeclarationSchema>;
export type ChartDeclaration = z.infer<typeof chartDeclarationSchema>;
export type FigureRow = z.infer<typeof rowSchema>;

/** What `tables.yaml` declares, with the line of any key path in it (for findings). */
export interface BoardFigures {
  tables: TableDeclaration[];
  charts: ChartDeclaration[];
  /** Comparator columns of the tool's own tables, by `<section id>.<name>`. */
  comparators: Record<string, 'none' | string[]>;
  lineOf: (keyPath: (string | number)[]) => number | undefined;
}

/** A row's indicator id and its label override. */
export function rowOfDeclaration(row: FigureRow): { id: string; label?: string } {
  return typeof row === 'string' ? { id: row } : row;
}

/** `{year}`, `{previousYear}`, `{firstYear}` in a title filled in. */
export function fillTitle(title: string, years: { year: string; previousYear: string; firstYear: string }): string {
  return title.replace(/\{(year|previousYear|firstYear)\}/g, (_w, key: keyof typeof years) => years[key]);
}

/**
 * The tool's own indicator tables, declared as a board would declare them: the default configuration of
 * the mechanism. `htmlId` keeps the element id the built-in table has always had.
 */
export const BUILT_IN_TABLES: (TableDeclaration & { htmlId: string; notes?: string[]; unavailableReturn?: 'context' })[] = [
  {
    id: 'local-context.figures',
    htmlId: 'table-local-context-figures',
    title: 'What we know about children and their vulnerabilities, {year} and {previousYear}',
    section: 'local-context',
    rows: [
      { id: 'cp.plans_open_at_year_end', label: 'Children with a child protection plan at 31 March' },
      ...CONTEXT_MEASURE_CODES.map((code) => `context.${code}`),
    ],
    earlierYears: 1,
    change: true,
    direction: false,
    omitEmptyRows: true,
    unavailableReturn: 'context',
    notes: ['Except for child protection plans, these figures come from other systems; their sources are listed in the indicators file published with this report.'],
  },
  {
    id: 'priority-groups.otherGroups',
    htmlId: 'table-priority-other',
    title: 'Other priority groups, {year} against {previousYear}',
    section: 'priority-groups',
    rows: ['context.looked_after_children', 'context.placement_orders', 'context.cse_referrals', 'context.private_fostering_referrals'],
    earlierYears: 1,
    change: true,
    direction: false,
    omitEmptyRows: true,
    unavailableReturn: 'context',
  },
  {
    id: 'priority-groups.cpIndicators',
    htmlId: 'table-cp-indicators',
    title: 'Child protection indicators, {year} against {previousYear}',
    section: 'priority-groups',
    rows: ['cp.plans_open_at_year_end', 'cp.rate_per_10k', 'cp.plans_started', 'cp.plans_ended', 'cp.second_or_subsequent_pct', 'cp.lasting_2y_plus_pct', 'cp.reviewed_in_time_pct'],
    earlierYears: 1,
    change: true,
    direction: true,
    omitEmptyRows: false,
    notes: ['“Better” and “Worse” judge the change by whether a rise is good news for children; counts of plans are not judged.'],
  },
];
