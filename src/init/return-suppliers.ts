/**
 * Who a business manager usually collects each return from. Used by the year folder's guide and by the
 * `placeholders` check, which names the supplier of every return that has no rows yet.
 */
import type { ReturnId } from '../returns/definitions.js';

/** The agency or team that usually holds each return's data, in words a business manager uses. */
export const RETURN_SUPPLIERS: Record<ReturnId, string> = {
  cpPlans: "children's social care (the child protection conference and reviewing service)",
  ladoReferrals: 'the Local Authority Designated Officer (LADO)',
  cdopCases: 'the Child Death Overview Panel co-ordinator',
  trainingEvents: "the board's training co-ordinator (Learning and Development sub-group)",
  trainingAttendance: "the board's training co-ordinator (Learning and Development sub-group)",
  elearning: "the board's e-learning administrator",
  finance: "the council's finance officer for the board's budget",
  context: "the council's performance and intelligence team, with public health and education",
  boardMembers: "the board's business unit (membership list and attendance register)",
  section11: "the board's business unit (the section 11 audit lead)",
  ladoTotals: 'the Local Authority Designated Officer (LADO), when only totals are kept',
  cpTotals: "children's social care performance team, when only totals are kept",
  cdopTotals: 'the Child Death Overview Panel co-ordinator, when only totals are kept',
  trainingTotals: "the board's training co-ordinator, when only totals are kept",
  trainingCourses: "the board's training co-ordinator (the course catalogue with attendances)",
  practiceReviews: "the partnership's business unit (the serious incident and rapid review log)",
};
