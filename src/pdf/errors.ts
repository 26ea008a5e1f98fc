/**
 * The two expected ways the PDF stage fails. The command layer maps `BrowserNotFoundError` to exit code 3
 * and `PdfError` to exit code 4; both carry a message written for the person running the command.
 */

/** Why printing failed. */
export type PdfFailureReason =
  /** The browser was found but would not start. */
  | 'launch-failed'
  /** The browser started but did not answer on the DevTools protocol within its time limit (it was killed). */
  | 'launch-timeout'
  /** A print took longer than its time limit. */
  | 'timeout'
  /** The browser or its tab crashed, was killed or disconnected. */
  | 'crashed'
  /** The browser reported an error while loading or printing the page. */
  | 'print-failed'
  /** The contents list links to an id that no element in the printed document has. */
  | 'contents-unresolved'
  /** Filling in the contents page numbers kept changing the layout. */
  | 'contents-unstable'
  /** The printed bytes could not be read back as a PDF. */
  | 'invalid-output'
  /** The caller aborted the print (its AbortSignal fired). */
  | 'aborted'
  /** The session was used after `close()`. */
  | 'session-closed';

/** Printing a PDF failed, timed out or crashed (exit code 4). */
export class PdfError extends Error {
  /** Discriminant shared by every PDF failure, for callers that cannot use `instanceof`. */
  readonly kind = 'pdf-failed' as const;

  constructor(
    readonly reason: PdfFailureReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PdfError';
  }
}

/** Why no browser could be used. */
export type BrowserNotFoundReason =
  /** `--browser PATH` was given but nothing executable is at that path. */
  | 'flag-path-missing'
  /** No flag, no environment variable, nothing in the usual places or on PATH. */
  | 'none-found';

/** No Chrome, Chromium or Edge to print with (exit code 3). */
export class BrowserNotFoundError extends Error {
  /** Discriminant for callers that cannot use `instanceof`. */
  readonly kind = 'browser-not-found' as const;

  constructor(
    readonly reason: BrowserNotFoundReason,
    message: string,
    /** How to install a browser or point lscb-report at one. */
    readonly hint: string,
  ) {
    super(message);
    this.name = 'BrowserNotFoundError';
  }
}
