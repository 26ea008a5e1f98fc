/**
 * Stopping a command by signal stops its whole process tree (issue 14): `lscb-report preview` started
 * through a wrapper (as `npx lscb-report preview` runs it, under npm and a shell) does not outlive the
 * wrapper when the wrapper is killed by its pid.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(REPO, 'bin', 'lscb-report.js');
const SAMPLE = path.join(REPO, 'data-samples', 'calderdale');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('process tree', () => {
  it('preview started under a wrapper shell stops when the wrapper is killed (SIGKILL, so it cannot pass the signal on)', async () => {
    // The wrapper prints the CLI's pid, then waits on it, as npm exec waits on the shell that runs the bin.
    const wrapper = spawn('sh', ['-c', `"${process.execPath}" "${BIN}" preview 2012-13 --data "${SAMPLE}" --port 0 & echo "pid $!"; wait`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    wrapper.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    // Wait for the CLI's pid and for the preview to serve (the order of events, not their speed).
    while (!/pid \d+/.test(out) || !/http:\/\//.test(out)) await new Promise((r) => setTimeout(r, 100));
    const cli = Number(/pid (\d+)/.exec(out)![1]);
    expect(alive(cli)).toBe(true);
    wrapper.kill('SIGKILL');
    // The CLI notices its parent has gone (it is checked once a second) and stops: poll until it has.
    while (alive(cli)) await new Promise((r) => setTimeout(r, 200));
    expect(alive(cli)).toBe(false);
  });
});
