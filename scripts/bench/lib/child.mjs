/**
 * Run a measuring script in a fresh Node process and read its result: the script prints one JSON object on
 * its last line of stdout. A crash (for example a heap out of memory) comes back as `{ ok: false }` with
 * the reason, never as an exception, so one failed measurement never stops the table.
 */
import { spawn } from 'node:child_process';

/** Run `node [nodeArgs] script [args]`; resolves to { ok, result?, error?, code, stderr, ms }. */
export function runChild(script, args = [], { nodeArgs = [], env = {}, timeoutMs = 30 * 60_000, cwd } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = Date.now() - started;
      const last = stdout.trim().split('\n').pop() ?? '';
      let result;
      try {
        result = JSON.parse(last);
      } catch {
        result = undefined;
      }
      if (code === 0 && result && !result.error) {
        resolve({ ok: true, result, code, stderr, ms });
        return;
      }
      const reason =
        result?.error ??
        (/heap out of memory/i.test(stderr)
          ? 'JavaScript heap out of memory'
          : signal
            ? `killed by ${signal}${signal === 'SIGKILL' && ms >= timeoutMs ? ' (timed out)' : ''}`
            : lastLine(stderr) || `exit code ${code}`);
      resolve({ ok: false, error: reason, result, code, stderr, ms });
    });
  });
}

function lastLine(text) {
  return text.trim().split('\n').filter((l) => l.trim() !== '').pop()?.slice(0, 300) ?? '';
}
