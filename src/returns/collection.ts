/**
 * Returns a board declares it does not collect, in board.yaml:
 *
 *     returns:
 *       cdop-cases: not-collected
 *       training-events:
 *         collected: false
 *         reason: Training is run by the council's workforce team, which reports it separately.
 *
 * A return declared so is not reported missing; every figure that needs it is not available, saying the
 * board does not collect it (and why, when a reason is given), never 0.
 */
import { z } from 'zod';
import { RETURNS, type ReturnDef, type ReturnId } from './definitions.js';

/** The name of a return in board.yaml: its file name without `.csv` (`cdop-cases`). */
export function returnKey(def: ReturnDef): string {
  return def.file.replace(/\.csv$/, '');
}

const declarationSchema = z.union([
  z.literal('not-collected'),
  z.literal('collected'),
  z.object({ collected: z.boolean(), reason: z.string().min(1).optional() }).strict(),
]);

/** Schema of board.yaml's `returns` setting: return name → whether the board collects it. */
export const returnsCollectedSchema = z.record(z.string(), declarationSchema).superRefine((value, ctx) => {
  const known = RETURNS.filter((r) => !r.totals).map(returnKey);
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is not a return; name one of ${known.join(', ')}` });
    }
  }
});

/** What board.yaml says about the returns it collects. */
export type ReturnsCollected = z.infer<typeof returnsCollectedSchema>;

/** The returns a board declares it does not collect, each with its reason (null when none is given). */
export function notCollectedReturns(returns: ReturnsCollected | undefined): Map<ReturnId, string | null> {
  const out = new Map<ReturnId, string | null>();
  for (const [key, d] of Object.entries(returns ?? {})) {
    const def = RETURNS.find((r) => returnKey(r) === key);
    if (!def) continue;
    if (d === 'not-collected') out.set(def.id, null);
    else if (typeof d === 'object' && !d.collected) out.set(def.id, d.reason ?? null);
  }
  return out;
}

/** Why a return's figures are not available when the board does not collect it. */
export function notCollectedPhrase(def: ReturnDef, boardName: string | undefined, reason: string | null): string {
  const who = boardName ?? 'the board';
  return `${who} does not collect the ${def.title.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())} return${reason ? `: ${reason.replace(/\.$/, '')}` : ''}`;
}

/** The optional returns a board declares it collects (`training-courses: collected`). */
export function collectedReturns(returns: ReturnsCollected | undefined): Set<ReturnId> {
  const out = new Set<ReturnId>();
  for (const [key, d] of Object.entries(returns ?? {})) {
    const def = RETURNS.find((r) => returnKey(r) === key);
    if (def && (d === 'collected' || (typeof d === 'object' && d.collected))) out.add(def.id);
  }
  return out;
}
