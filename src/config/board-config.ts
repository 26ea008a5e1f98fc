/**
 * The board configuration file (`board.yaml` at the root of a board data folder): who the board is, how
 * its report is laid out, and publication settings. Checked with zod; problems become findings.
 */
import { z } from 'zod';

const sectionEntry = z.union([
  z.string().min(1),
  z.object({ id: z.string().min(1), title: z.string().min(1).optional() }).strict(),
]);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2013-08-29');

/** Schema of `board.yaml`. */
export const boardConfigSchema = z
  .object({
    board: z
      .object({
        name: z.string().min(1),
        shortName: z.string().min(1).optional(),
        area: z.string().min(1),
        chair: z.string().min(1),
        chairTitle: z.string().min(1).default('Independent Chair'),
        businessManager: z.string().min(1).optional(),
        contactEmail: z.string().email().optional(),
        website: z.string().url().refine((u) => /^https?:\/\//i.test(u), 'must be an http or https address').optional(),
        subgroups: z
          .array(z.object({ name: z.string().min(1), purpose: z.string().optional() }).strict())
          .default([]),
      })
      .strict(),
    publication: z
      .object({
        language: z.string().min(2).default('en-GB'),
        /** Per-year details: dates and audiences. Dates feed the PDF metadata, so rebuilds are identical. */
        years: z
          .record(
            z.string().regex(/^\d{4}-\d{2}$/, 'year keys look like 2012-13'),
            z
              .object({
                publishedDate: isoDate.optional(),
                presentedDate: isoDate.optional(),
                presentedTo: z.string().optional(),
              })
              .strict(),
          )
          .default({}),
      })
      .strict()
      .default({ language: 'en-GB', years: {} }),
    /** Sections in the order they appear: a section id, or `{ id, title }` to retitle it. */
    sections: z.array(sectionEntry).min(1),
    /** The year-at-a-glance page at the front of the report. */
    glance: z
      .object({
        enabled: z.boolean().default(true),
        indicators: z.array(z.string().min(1)).min(1).optional(),
      })
      .strict()
      .default({ enabled: true }),
    /** Disclosure control for the published edition. */
    disclosure: z
      .object({
        suppress: z.boolean().default(true),
        threshold: z.number().int().min(0).max(100).default(5),
      })
      .strict()
      .default({ suppress: true, threshold: 5 }),
    /** Template folder, relative to the board folder, or `default`. */
    template: z.string().default('default'),
  })
  .strict();

/** A checked board configuration. */
export type BoardConfig = z.infer<typeof boardConfigSchema>;

/** A section as configured for a board, after defaults are applied. */
export interface ConfiguredSection {
  id: string;
  title: string;
}
