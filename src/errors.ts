/**
 * Exit codes and the expected-error type. Every failure a user can cause maps to one code here; anything
 * else is a bug and is reported as an internal error.
 */

/** Process exit codes, documented in the README. */
export const ExitCode = {
  OK: 0,
  /** The data has validation errors (or a requested figure is not available). */
  INVALID_DATA: 1,
  /** Bad command line: unknown option, missing argument, missing folder, unknown year or indicator. */
  USAGE: 2,
  /** No browser found to print the PDF (the HTML is still written). */
  NO_BROWSER: 3,
  /** The browser failed, crashed or timed out while printing. */
  PDF_FAILED: 4,
  /** An output file could not be written. */
  OUTPUT: 5,
  /** `doctor` found the machine cannot build a report. */
  DOCTOR_FAILED: 6,
  /** A bug in lscb-report. */
  INTERNAL: 70,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An expected failure with a message for the user and the exit code to end with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
