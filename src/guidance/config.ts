/**
 * The `guidance:` block of `board.yaml`: which edition of the statutory guidance the report answers to,
 * the board's own mapping of sections to requirements, its reasons for requirements left unmet, and any
 * requirements of its own. Checked against the catalogue while `board.yaml` is parsed, so an unknown
 * edition or requirement id is a finding on its line.
 */
import { z } from 'zod';
import { catalogue, requirementSchema, type GuidanceEdition, type GuidanceRequirement } from './catalogue.js';

/** Schema of the `guidance:` block. */
export const guidanceConfigSchema = z
  .object({
    /** Edition id from the catalogue, e.g. `wt2010`, `wt2015`, `wt2023`. */
    edition: z.string().min(1),
    /** The board's own sections mapped to requirement ids they meet (added to the catalogue's evidence). */
    sections: z.record(z.string().min(1), z.array(z.string().min(1))).default({}),
    /** Requirement id → why the report does not meet it. Printed in the statement instead of a warning. */
    unmet: z.record(z.string().min(1), z.string().min(1)).default({}),
    /** Requirements of the board's own (local expectations), checked like the edition's. */
    requirements: z.array(requirementSchema).default([]),
  })
  .strict();

export type GuidanceConfig = z.infer<typeof guidanceConfigSchema>;

/** Every requirement a board answers to: its edition's, then its own. */
export function requirementsFor(edition: GuidanceEdition, config: GuidanceConfig): GuidanceRequirement[] {
  return [...edition.requirements, ...config.requirements];
}

/**
 * Cross-checks that need the catalogue: the edition exists and suits the kind of body, every requirement id
 * the board names exists, and `sentTo` names only recipients of the edition. Issues carry the YAML path.
 */
export function checkGuidanceConfig(
  config: { kind: 'board' | 'partnership'; guidance?: GuidanceConfig; publication: { years: Record<string, { sentTo?: string[] | undefined }> } },
  ctx: z.RefinementCtx,
): void {
  const g = config.guidance;
  if (!g) return;
  const editions = catalogue();
  const edition = editions.get(g.edition);
  if (!edition) {
    ctx.addIssue({
      code: 'custom',
      path: ['guidance', 'edition'],
      message: `unknown guidance edition "${g.edition}"; the catalogue has ${[...editions.keys()].join(', ')}`,
    });
    return;
  }
  if (edition.kind !== config.kind) {
    ctx.addIssue({
      code: 'custom',
      path: ['guidance', 'edition'],
      message: `"${g.edition}" (${edition.title}) is guidance for a ${edition.kind === 'board' ? 'local safeguarding children board' : 'safeguarding partnership'}, but kind is "${config.kind}"`,
    });
  }
  const known = new Set(requirementsFor(edition, g).map((r) => r.id));
  const own = new Set<string>();
  g.requirements.forEach((r, i) => {
    if (edition.requirements.some((e) => e.id === r.id) || own.has(r.id)) {
      ctx.addIssue({ code: 'custom', path: ['guidance', 'requirements', i, 'id'], message: `requirement id "${r.id}" is already used` });
    }
    own.add(r.id);
  });
  const unknown = (id: string) => `no requirement "${id}" in ${g.edition} or in guidance.requirements (ids look like ${edition.requirements[0]?.id})`;
  for (const [section, ids] of Object.entries(g.sections)) {
    ids.forEach((id, i) => {
      if (!known.has(id)) ctx.addIssue({ code: 'custom', path: ['guidance', 'sections', section, i], message: unknown(id) });
    });
  }
  for (const id of Object.keys(g.unmet)) {
    if (!known.has(id)) ctx.addIssue({ code: 'custom', path: ['guidance', 'unmet', id], message: unknown(id) });
  }
  const recipients = new Set(edition.recipients.map((r) => r.id));
  for (const [year, details] of Object.entries(config.publication.years)) {
    (details.sentTo ?? []).forEach((id, i) => {
      if (!recipients.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['publication', 'years', year, 'sentTo', i],
          message: `"${id}" is not a recipient named by ${g.edition}; use ${[...recipients].join(', ') || 'none'}`,
        });
      }
    });
  }
}
