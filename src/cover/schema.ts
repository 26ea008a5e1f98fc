/**
 * The cover paper's words: `<year>/cover-paper.yaml` in the board folder. Who the paper goes to and when,
 * why it comes, the key issues (Markdown with live figures), the possible actions, contacts, whether it
 * is exempt from publication, appendices, and which figures to show. Checked with zod; every problem
 * becomes a finding with its line (see load-cover-paper.ts).
 */
import { z } from 'zod';
import { INDICATORS } from '../indicators/catalogue.js';

/** The file's name inside a year folder. */
export const COVER_PAPER_FILE = 'cover-paper.yaml';

/** Indicator groups (the part of an id before the first dot): cp, lado, cdop, training, finance, context. */
export const INDICATOR_GROUPS = [...new Set(INDICATORS.map((d) => d.id.split('.')[0]!))] as [string, ...string[]];

/**
 * Groups whose indicators may appear in the "Better" and "Worse" lists: the partnership's own work. Context
 * figures (population, looked-after children, free school meals …) describe the area rather than how well
 * it is served, so a board adds `context` only if it wants them ranked too.
 */
export const DEFAULT_MOVER_GROUPS: readonly string[] = INDICATOR_GROUPS.filter((g) => g !== 'context');

/** How many indicators each of the "Better" and "Worse" lists shows by default. */
export const DEFAULT_MOVER_COUNT = 3;

/** Messages are predicates ("is required", "must be …"): findings put the setting's name in front. */
const text = () =>
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'is required but missing' : 'must be text') })
    .trim()
    .min(1, 'must not be empty');

const isoDate = z
  .string({ error: 'must be a date like 2013-09-26' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2013-09-26')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real date');

/** Yes or no, written either way: `yes`/`no` (any case) or `true`/`false`. */
const yesNo = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z.union([z.boolean(), z.enum(['yes', 'no']).transform((v) => v === 'yes')], { error: 'must be yes or no' }),
);

const contact = z
  .object({
    name: text(),
    role: text(),
    organisation: text().optional(),
    email: z.email({ error: 'must be an e-mail address like name@example.gov.uk' }).optional(),
    phone: z
      .string({ error: 'must be text (put the number in quotes)' })
      .trim()
      .regex(/^[0-9+() -]{6,25}$/, 'must be a telephone number (digits, spaces, +, brackets, hyphens)')
      .optional(),
  })
  .strict();

const appendix = z.union([
  text(),
  z.object({ title: text(), description: text().optional() }).strict(),
]);

/** Schema of `<year>/cover-paper.yaml`. */
export const coverPaperSchema = z
  .object({
    meeting: z
      .object({
        board: text(),
        date: isoDate,
        /** Agenda item, e.g. 7 or "7b". */
        item: z.union([z.string().trim().min(1), z.number()]).transform(String).optional(),
      })
      .strict(),
    /** The annual report's title as the paper names it (default "<board name> annual report <year>"). */
    title: text().optional(),
    /** Whose report it is, e.g. "the Independent Chair of the Safeguarding Children Board". */
    reportOf: text().optional(),
    contacts: z.array(contact, { error: 'must be a list of contacts, each with a name and a role' }).min(1, 'must name at least one contact'),
    /** Why the report comes to this board, in Markdown (live figures allowed). */
    purpose: text(),
    /** Replaces the standard wording of the statutory requirement (Markdown). */
    statutoryRequirement: text().optional(),
    /** The key issues for the board, in Markdown with live figures such as {{value "lado.referrals"}}. */
    keyIssues: text(),
    /** The sentence before the list of actions (default "The board may wish to:"). */
    actionsIntro: text().optional(),
    actions: z.array(text(), { error: 'must be a list of possible actions' }).min(1, 'must list at least one possible action'),
    exempt: yesNo,
    exemptReason: text().optional(),
    appendices: z.array(appendix, { error: 'must be a list of appendices' }).default([]),
    /** Indicator ids for the headline figures table, in order (default: DEFAULT_COVER_HEADLINE_IDS). */
    headlineFigures: z.array(text(), { error: 'must be a list of indicator ids' }).min(1, 'must list at least one indicator').optional(),
    /** The "Better" and "Worse" lists of the figures that moved furthest. */
    movers: z
      .object({
        count: z
          .number({ error: 'must be a whole number from 1 to 10' })
          .int('must be a whole number from 1 to 10')
          .min(1, 'must be a whole number from 1 to 10')
          .max(10, 'must be a whole number from 1 to 10')
          .default(DEFAULT_MOVER_COUNT),
        groups: z
          .array(z.enum(INDICATOR_GROUPS, { error: `must be one of ${INDICATOR_GROUPS.join(', ')}` }))
          .min(1, 'must list at least one group')
          .default([...DEFAULT_MOVER_GROUPS]),
      })
      .strict()
      .default({ count: DEFAULT_MOVER_COUNT, groups: [...DEFAULT_MOVER_GROUPS] }),
  })
  .strict()
  .superRefine((paper, ctx) => {
    if (paper.exempt === true && paper.exemptReason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['exempt'], message: 'is yes, so exemptReason must say why the paper may not be published' });
    }
  });

/** A checked cover paper. */
export type CoverPaper = z.infer<typeof coverPaperSchema>;

/** One contact on the paper. */
export type CoverContact = CoverPaper['contacts'][number];
