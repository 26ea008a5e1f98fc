/**
 * SIGINT (Ctrl-C) and SIGTERM end a run as an abort, not a failure: whatever is running (a browser and its
 * profile folder) is cleaned up, nothing more is written, and the process exits with 130 or 143, the codes
 * shells give a run ended by those signals. Outputs are written atomically after printing, so an earlier
 * report is never half-overwritten. A command that prints installs the handlers for its run; a resource
 * (the browser session) registers how to clean itself up.
 */

/** Exit codes for a run ended by a signal: 128 + the signal number. */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof SIGNAL_EXIT_CODES;

const cleanups = new Set<() => Promise<unknown>>();
let stoppedBy: StopSignal | null = null;
let write: (text: string) => void = (t) => process.stderr.write(t);

/** Register a clean-up to run when a signal stops the run; returns the function that unregisters it. */
export function registerCleanup(fn: () => Promise<unknown>): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** The exit code (130 or 143) when a signal is ending this run, else null: a command checks it rather than report a failure. */
export function stopExitCode(): number | null {
  return stoppedBy ? SIGNAL_EXIT_CODES[stoppedBy] : null;
}

function stop(signal: StopSignal): void {
  if (stoppedBy) return;
  stoppedBy = signal;
  const code = SIGNAL_EXIT_CODES[signal];
  write(`\nlscb-report: stopped by ${signal}: cleaning up; nothing more is written (exit code ${code}).\n`);
  void Promise.allSettled([...cleanups].map((fn) => fn())).finally(() => process.exit(code));
}
const onSigint = () => stop('SIGINT');
const onSigterm = () => stop('SIGTERM');

/** Handle SIGINT and SIGTERM as an abort for the rest of a run; returns the function that stops handling them. */
export function handleStopSignals(stderr: (text: string) => void): () => void {
  write = stderr;
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  return () => {
    if (stoppedBy) return; // the handler is ending the run
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
  };
}
