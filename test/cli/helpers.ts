/** Test helpers: run the CLI in-process with captured output. */
import { run } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';

/** What a CLI run printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `lscb-report <argv>` in-process with a fake terminal. */
export async function runCli(argv: string[], opts: { env?: Record<string, string | undefined>; cwd?: string; tty?: boolean } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { NO_COLOR: '1', ...opts.env },
    cwd: opts.cwd ?? process.cwd(),
    stdoutIsTTY: opts.tty ?? false,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
