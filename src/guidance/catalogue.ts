/**
 * The statutory guidance catalogue: what each edition of Working Together to Safeguard Children asks of
 * the yearly report, as data. One YAML file per edition in `templates/guidance/` (shipped with the
 * package); a board can add requirements of its own in `board.yaml` (see `guidance.requirements`).
 * The catalogue is small and read once, synchronously, so the board configuration schema can check an
 * edition name or a requirement id while it parses `board.yaml`, and report the line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { RETURNS, type ReturnId } from '../returns/definitions.js';

/** The catalogue folder shipped with the package. */
export const GUIDANCE_DIR = fileURLToPath(new URL('../../templates/guidance/', import.meta.url));

/** Who produces the report: a local safeguarding children board, or the safeguarding partners. */
export type BodyKind = 'board' | 'partnership';

const RETURN_IDS = RETURNS.map((r) => r.id) as [ReturnId, ...ReturnId[]];

/** What in a board folder shows a requirement is met. Every kind listed must be satisfied. */
export const evidenceSchema = z
  .object({
    /** Any one of these sections in the report, with its narrative written. */
    sections: z.array(z.string().min(1)).default([]),
    /** Each of these returns present with at least one row (so its tables and figures are printed). */
    returns: z.array(z.enum(RETURN_IDS)).default([]),
    /** The report is recorded as sent to every recipient the edition names (`publication.years.<year>.sentTo`). */
    recipients: z.boolean().default(false),
  })
  .strict();

/** One thing the guidance asks the report to do. */
export const requirementSchema = z
  .object({
    /** Stable id, `<edition>.<name>` for the shipped catalogue. */
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids use lower-case letters, digits, dots and hyphens'),
    /** The guidance's wording in short (a summary, not a quotation). */
    text: z.string().min(1),
    /** Chapter and paragraph, as printed in the guidance. */
    reference: z.string().min(1),
    /** False when the paragraph number could not be checked against the published text. */
    confirmed: z.boolean().default(true),
    /**
     * Where the wording (and, when confirmed, the paragraph) was read: one of the edition's `sources`, named
     * by a part of its text. Every confirmed requirement of the shipped catalogue has one.
     */
    source: z.string().min(1).optional(),
    evidence: evidenceSchema,
  })
  .strict();

/** Someone the guidance says must receive the report. */
export const recipientSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    /** A time limit the guidance sets for sending it, in words (e.g. "within 7 days of publication"). */
    within: z.string().min(1).optional(),
    confirmed: z.boolean().default(true),
  })
  .strict();

/** One edition of the guidance. */
export const editionSchema = z
  .object({
    edition: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    kind: z.enum(['board', 'partnership']),
    published: z.string().min(1),
    sources: z.array(z.string().min(1)).min(1),
    recipients: z.array(recipientSchema).default([]),
    requirements: z.array(requirementSchema).min(1),
  })
  .strict();

export type GuidanceRequirement = z.infer<typeof requirementSchema>;
export type GuidanceRecipient = z.infer<typeof recipientSchema>;
export type GuidanceEdition = z.infer<typeof editionSchema>;

/** Read and check every edition file in a folder. Throws on a malformed file: the catalogue ships with the tool. */
export function readCatalogue(dir: string = GUIDANCE_DIR): Map<string, GuidanceEdition> {
  const out = new Map<string, GuidanceEdition>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const result = editionSchema.safeParse(parse(readFileSync(path.join(dir, file), 'utf8')));
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(`guidance catalogue ${file}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    const ed = result.data;
    if (`${ed.edition}.yaml` !== file) throw new Error(`guidance catalogue ${file}: edition is "${ed.edition}"`);
    const ids = new Set<string>();
    for (const r of ed.requirements) {
      if (ids.has(r.id)) throw new Error(`guidance catalogue ${file}: requirement ${r.id} twice`);
      ids.add(r.id);
      if (r.confirmed && r.source === undefined) throw new Error(`guidance catalogue ${file}: requirement ${r.id} is confirmed but names no source`);
      if (r.source !== undefined && !ed.sources.some((s) => s.includes(r.source!))) {
        throw new Error(`guidance catalogue ${file}: requirement ${r.id} cites "${r.source}", which is not in the file's sources`);
      }
    }
    out.set(ed.edition, ed);
  }
  return out;
}

let cached: Map<string, GuidanceEdition> | undefined;

/** The shipped catalogue, read once. */
export function catalogue(): Map<string, GuidanceEdition> {
  cached ??= readCatalogue();
  return cached;
}

/** An edition by id, or undefined. */
export function guidanceEdition(id: string): GuidanceEdition | undefined {
  return catalogue().get(id);
}
