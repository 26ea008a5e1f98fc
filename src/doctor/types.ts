/** What `doctor` reports: one result per thing a build needs from the machine. */

/** Whether a check passed, failed, or could not be tried because an earlier one failed. */
export type DoctorStatus = 'pass' | 'fail' | 'skip';

/** Stable ids of the checks, in the order they run. */
export type DoctorCheckId = 'node' | 'browser' | 'browser-print' | 'fonts' | 'output' | 'data';

/** The outcome of one check: a one-line summary and, when it did not pass, how to fix it. */
export interface DoctorCheckResult {
  id: DoctorCheckId;
  status: DoctorStatus;
  /** What was checked, e.g. `Node.js`. */
  title: string;
  /** What was found, in one sentence. */
  detail: string;
  /** What to do about it (failures, and passes worth improving). */
  fix?: string;
}

/** Every check's result, and whether a build can succeed on this machine. */
export interface DoctorReport {
  ok: boolean;
  checks: DoctorCheckResult[];
}
