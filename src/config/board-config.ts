/**
 * The board configuration file (`board.yaml` at the root of a board data folder): who the board is, how
 * its report is laid out, and publication settings. Checked with zod; problems become findings.
 */
import { returnsCollectedSchema } from '../returns/collection.js';
import { z } from 'zod';
import { checkGuidanceConfig, guidanceConfigSchema } from '../guidance/config.js';

/** A section id: what names its narrative file (`<year>/narrative/<id>.md`) and its HTML id. */
const sectionId = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'a section id is letters, digits, hyphens and underscores, like my-section');

const sectionEntry = z.union([
  sectionId,
  z
    .object({
      id: sectionId,
      title: z.string().min(1).optional(),
      /** Numbered in the contents and with numbered paragraphs (default true; a foreword is usually false). */
      numbered: z.boolean().optional(),
      /** Laid out as an appendix: lettered or numbered apart from the main sections. */
      appendix: z.boolean().optional(),
      /** What statutory guidance expects the section to show (a board's own section). */
      guidance: z.string().min(1).optional(),
    })
    .strict(),
]);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2013-08-29');

/**
 * A group of settings written as a key with nothing under it but comments (`layout:` with every setting
 * still commented out) is YAML null: read it as if the key were left out, so uncommenting a group's key
 * before its settings is not an error.
 */
const nullIsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === null ? undefined : v), schema);

/** Schema of `board.yaml`. */
export const boardConfigSchema = z
  .object({
    board: z
      .object({
        // Output file names are made from the name: longer than this, they exceed what file systems allow.
        name: z.string().min(1).max(120, "The board name is longer than 120 characters; output file names are made from it and would be too long for the file system"),
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
    publication: nullIsUnset(
      z
        .object({
          language: z.string().min(2).default('en-GB'),
          /** Per-year details: dates and audiences. Dates feed the PDF metadata, so rebuilds are identical. */
          years: z
            .record(
              z.string().regex(/^\d{4}-\d{2}$/, 'year keys look like 2012-13'),
              // `"2013-14":` with its dates still commented out is null: no details yet.
              z.preprocess(
                (v) => v ?? {},
                z
                  .object({
                    publishedDate: isoDate.optional(),
                    presentedDate: isoDate.optional(),
                    presentedTo: z.string().optional(),
                    /** Recipients (ids from the guidance edition) the report was sent to. */
                    sentTo: z.array(z.string().min(1)).optional(),
                  })
                  .strict(),
              ),
            )
            .default({}),
        })
        .strict()
        .default({ language: 'en-GB', years: {} }),
    ),
    /** Sections in the order they appear: a section id, or `{ id, title }` to retitle it. */
    sections: z.array(sectionEntry).min(1),
    /** How the report's parts are numbered and laid out on the page. */
    layout: nullIsUnset(
      z
        .object({
          /** Appendix 1, 2, 3 (`numbers`) or Appendix A, B, C (`letters`). */
          appendixNumbering: z.enum(['numbers', 'letters']).default('numbers'),
          /** Number the paragraphs of numbered sections ("3.4"). */
          paragraphNumbers: z.boolean().default(true),
          /** Start every section on a new page (otherwise short sections run on). */
          newPagePerSection: z.boolean().default(false),
          /** Recommendations numbered 1, 2 … under each objective (`per-objective`) or straight through (`continuous`). */
          recommendationNumbering: z.enum(['per-objective', 'continuous']).default('per-objective'),
        })
        .strict()
        .default({ appendixNumbering: 'numbers', paragraphNumbers: true, newPagePerSection: false, recommendationNumbering: 'per-objective' }),
    ),
    /** The year-at-a-glance page at the front of the report. */
    glance: nullIsUnset(
      z
        .object({
          enabled: z.boolean().default(true),
          indicators: z.array(z.string().min(1)).min(1).optional(),
        })
        .strict()
        .default({ enabled: true }),
    ),
    /** Disclosure control for the published edition. */
    disclosure: nullIsUnset(
      z
        .object({
          suppress: z.boolean().default(true),
          threshold: z.number().int().min(0).max(100).default(5),
          /** Context measures (counts of children) the board declares public, e.g. `looked_after_children`: never suppressed. */
          publicMeasures: z.array(z.string().min(1)).default([]),
        })
        .strict()
        .default({ suppress: true, threshold: 5, publicMeasures: [] }),
    ),
    /**
     * Figures that are illustrative, not real: a sample board's figures its source never published. The
     * report says so on the cover, in the source line of each table and chart that shows them, and in the
     * indicators JSON.
     */
    illustrative: z
      .object({
        /** Why they are illustrative, printed on the cover. */
        note: z.string().min(1).optional(),
        /** Indicator ids, or a family with `.*` (`cp.category.*`), whose values are illustrative. */
        figures: z.array(z.string().min(1)).default([]),
        /** Return files whose every figure is illustrative (`training-attendance.csv`). */
        returns: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .optional(),
    /** A logo on the cover: a PNG, JPEG or SVG file in the board folder, embedded in the report. */
    logo: z
      .object({
        /** Path relative to the board folder, e.g. images/logo.png. */
        file: z.string().min(1),
        /** What the logo says or shows, read by screen readers (required). */
        alt: z.string().min(1),
      })
      .strict()
      .optional(),
    /** A Markdown file in the board folder printed on the inside cover (publisher, licence, other formats, approval). */
    insideCover: z.string().min(1).optional(),
    /** The back page: how to contact the board. */
    backPage: z
      .object({
        heading: z.string().min(1).default('Contact us'),
        address: z.string().min(1).optional(),
        telephone: z.string().min(1).optional(),
        email: z.string().email().optional(),
        website: z.string().url().refine((u) => /^https?:\/\//i.test(u), 'must be an http or https address').optional(),
        /** A short paragraph (Markdown) under the contact details, e.g. the offer of other formats. */
        text: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    /** Returns the board declares it does not collect (`cdop-cases: not-collected`): see src/returns/collection.ts. */
    returns: returnsCollectedSchema.optional(),
    /** Template folder, relative to the board folder, or `default`. */
    template: z.string().default('default'),
    /** A local safeguarding children board, or a safeguarding partnership (the three statutory partners). */
    kind: z.enum(['board', 'partnership']).default('board'),
    /** For a partnership: the three safeguarding partners and the relevant agencies named in its arrangements. */
    partners: z
      .object({
        localAuthority: z.string().min(1),
        police: z.string().min(1),
        health: z.string().min(1),
        relevantAgencies: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .optional(),
    /** The statutory guidance edition the report answers to (see templates/guidance/ and docs/guidance.md). */
    guidance: guidanceConfigSchema.optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    checkGuidanceConfig(config, ctx);
    if (config.kind === 'partnership' && !config.partners) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'a partnership names its three safeguarding partners under partners: (localAuthority, police, health)' });
    }
  });

/** A checked board configuration. */
export type BoardConfig = z.infer<typeof boardConfigSchema>;

/** A section as configured for a board, after defaults are applied. */
export interface ConfiguredSection {
  id: string;
  title: string;
  /** Numbered (a label in the contents, numbered paragraphs); false for e.g. a foreword. Default true. */
  numbered?: boolean;
  /** Laid out as an appendix. Default: the built-in section's setting, or an id starting "appendix". */
  appendix?: boolean;
  /** What statutory guidance expects of it: the built-in text, or the board's own for a section it declares. */
  guidance?: string;
}

/** The layout settings, with defaults, for a board with no (or an unreadable) board.yaml. */
export const DEFAULT_LAYOUT: BoardConfig['layout'] = {
  appendixNumbering: 'numbers',
  paragraphNumbers: true,
  newPagePerSection: false,
  recommendationNumbering: 'per-objective',
};
