/** "Not recorded": an explicit answer in coded and yes/no cells of case-level returns, never a value of them. */
import { describe, expect, it } from 'vitest';
import { RETURNS, returnDef } from '../../src/returns/definitions.js';
import { NOT_RECORDED, isNotRecordedText } from '../../src/returns/not-recorded.js';
import { columnSchema } from '../../src/returns/schemas.js';

const column = (returnId: Parameters<typeof returnDef>[0], key: string) => returnDef(returnId).columns.find((c) => c.key === key)!;
const parse = (returnId: Parameters<typeof returnDef>[0], key: string, raw: string) => columnSchema(column(returnId, key)).safeParse(raw);

describe('not recorded', () => {
  it('is written "not recorded", in any capitals, with a space, hyphen or underscore', () => {
    for (const raw of ['not recorded', 'Not Recorded', ' NOT-RECORDED ', 'not_recorded']) expect(isNotRecordedText(raw)).toBe(true);
    for (const raw of ['', 'not', 'recorded', 'unknown', 'not recorded yet']) expect(isNotRecordedText(raw)).toBe(false);
  });

  it('is accepted in required coded and yes/no columns of the case-level returns', () => {
    expect(parse('ladoReferrals', 'source', 'Not recorded')).toEqual({ success: true, data: NOT_RECORDED });
    expect(parse('ladoReferrals', 'workBased', 'not recorded')).toEqual({ success: true, data: NOT_RECORDED });
    expect(parse('cpPlans', 'previousPlan', 'not-recorded')).toEqual({ success: true, data: NOT_RECORDED });
    expect(parse('cdopCases', 'reviewStatus', 'not recorded')).toEqual({ success: true, data: NOT_RECORDED });
    expect(parse('cdopCases', 'modifiable', 'not recorded')).toEqual({ success: true, data: NOT_RECORDED });
  });

  it('does not make a required cell optional: an empty one is still an error', () => {
    const r = parse('ladoReferrals', 'source', '');
    expect(r.success).toBe(false);
    expect((r.error!.issues[0] as { params?: { findingCode?: string } }).params?.findingCode).toBe('required-value-missing');
  });

  it('is not accepted where it means nothing: dates, counts, references, and the returns that are not case-level', () => {
    expect(parse('ladoReferrals', 'dateReceived', 'not recorded').success).toBe(false);
    expect(parse('cpPlans', 'reviewsDue', 'not recorded').success).toBe(false);
    expect(parse('trainingEvents', 'type', 'not recorded').success).toBe(false);
    expect(parse('finance', 'type', 'not recorded').success).toBe(false);
    const accepting = RETURNS.flatMap((r) => r.columns.filter((c) => c.notRecorded).map((c) => `${r.id}.${c.key}`));
    expect(accepting).toEqual([
      'cpPlans.category',
      'cpPlans.previousPlan',
      'ladoReferrals.source',
      'ladoReferrals.sector',
      'ladoReferrals.nature',
      'ladoReferrals.workBased',
      'ladoReferrals.outcome',
      'ladoReferrals.policeInvolved',
      'ladoReferrals.disciplinaryInvolved',
      'cdopCases.ageBand',
      'cdopCases.deathType',
      'cdopCases.reviewStatus',
      'cdopCases.category',
      'cdopCases.modifiable',
      'cdopCases.deprivationQuintile',
    ]);
  });
});
