/**
 * The terminal as the command layer sees it. Only `run()` builds one from `process`; tests pass their own.
 */

/** Where a command writes and what it knows about its environment. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Whether stdout is a terminal (colour and tables only then). */
  stdoutIsTTY: boolean;
  /** A signal that aborts long-running commands (preview) when the process is interrupted. */
  signal?: AbortSignal;
}

/** The real process's io. */
export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
  };
}

/** True when colour should be used: a terminal, and NO_COLOR not set. */
export function useColour(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTTY;
}
