/**
 * Running the real CLI (`node bin/lscb-report.js`, from dist/) as a child process: watching its progress
 * on stderr, killing it, finding the browser it started, and cleaning up after a kill.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = path.join(REPO, 'bin', 'lscb-report.js');

/**
 * Throws unless dist/ holds a build at least as new as the sources these tests exercise (`npm test` runs
 * tsc first; a bare `vitest run` after editing src/ needs `npx tsc`).
 */
export function requireFreshDist(): void {
  const pairs = [
    ['src/cli/run.ts', 'dist/cli/run.js'],
    ['src/cli/commands/build.ts', 'dist/cli/commands/build.js'],
    ['src/io/atomic-write.ts', 'dist/io/atomic-write.js'],
    ['src/pdf/browser-session.ts', 'dist/pdf/browser-session.js'],
  ];
  for (const [src, built] of pairs) {
    const builtPath = path.join(REPO, built!);
    if (!existsSync(builtPath)) throw new Error(`${built} is missing: these tests run the built CLI; run \`npx tsc\` (npm test does).`);
    if (statSync(path.join(REPO, src!)).mtimeMs > statSync(builtPath).mtimeMs + 1000) {
      throw new Error(`${built} is older than ${src}: run \`npx tsc\` (npm test does) so the test runs the current code.`);
    }
  }
}

/** A running (or finished) CLI process. */
export interface CliProcess {
  child: ChildProcess;
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves when the process has exited, with how long it ran. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  /** Resolves when stderr has matched `pattern` (rejects if the process exits first). */
  waitForStderr(pattern: RegExp): Promise<void>;
  /** Milliseconds since the process started. */
  elapsed(): number;
}

/** Start `lscb-report <args>`; it is killed (with its browser) if it outlives `deadlineMs`. */
export function startCli(args: string[], options: { env?: Record<string, string | undefined>; deadlineMs: number }): CliProcess {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: REPO,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: () => void; reject: (e: Error) => void }[] = [];
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const w of [...waiters]) {
      if (w.pattern.test(stderr)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  const browsers = new Set<number>();
  const deadline = setTimeout(() => {
    for (const pid of browserPids(child.pid!)) browsers.add(pid);
    child.kill('SIGKILL');
  }, options.deadlineMs);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(deadline);
      for (const w of waiters.splice(0)) w.reject(new Error(`the CLI exited (${code ?? signal}) before stderr matched ${w.pattern}:\n${stderr}`));
      for (const pid of browsers) killGroup(pid);
      resolve({ code, signal, ms: performance.now() - startedAt });
    });
  });
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
    waitForStderr(pattern) {
      if (pattern.test(stderr)) return Promise.resolve();
      if (child.exitCode !== null || child.signalCode !== null) return Promise.reject(new Error(`the CLI has exited; stderr never matched ${pattern}`));
      return new Promise((resolve, reject) => waiters.push({ pattern, resolve, reject }));
    },
    elapsed: () => performance.now() - startedAt,
  };
}

/** Pids of the direct children of `pid` that are a browser (the CLI's Chromium, or a fake browser script). */
export function browserPids(pid: number): number[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  } catch {
    return []; // no children
  }
  return out
    .split('\n')
    .map((l) => Number(l.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
}

/** Command lines of the processes in the process group led by `pid` (Puppeteer starts the browser as a group leader). */
export function groupCommands(pid: number): string[] {
  try {
    return execFileSync('ps', ['-o', 'args=', '-g', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** The browser's temporary profile folder, from its command line. */
export function profileDirOf(pid: number): string | null {
  for (const line of groupCommands(pid)) {
    const m = /--user-data-dir=(\S+)/.exec(line);
    if (m) return m[1]!;
  }
  return null;
}

/** True while a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** End a process group this test started (a browser left behind by a killed CLI). */
export function killGroup(pid: number): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Wait until `pid` has gone, up to `ms`; then end its group. Returns true when it went by itself. */
export async function awaitGone(pid: number, ms: number): Promise<boolean> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  killGroup(pid);
  return false;
}

/** Remove a browser profile folder a killed run left behind; returns true if there was one. */
export function removeLeftoverProfile(dir: string | null): boolean {
  if (!dir || !existsSync(dir)) return false;
  rmSync(dir, { recursive: true, force: true });
  return true;
}
