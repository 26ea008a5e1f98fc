#!/usr/bin/env node
// Thin launcher: all behaviour lives in dist/cli/run.js so tests can call run() directly.
import { run } from '../dist/cli/run.js';

// `lscb-report indicators 2012-13 | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

// Started through a wrapper (npx, npm exec, a shell script) that is then stopped by its pid, this process
// would be left running as an orphan (a preview server holding its port, a browser). When the process that
// started it goes, stop as if sent SIGTERM, so stopping the wrapper stops the whole tree. Checked once a
// second; unref'd, so it never keeps a finished command alive.
const startedBy = process.ppid;
setInterval(() => {
  if (process.ppid !== startedBy) process.kill(process.pid, 'SIGTERM');
}, 1000).unref();

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error('lscb-report: internal error:', error);
    console.error('This is a bug. Please report it with the command you ran.');
    process.exitCode = 70;
  },
);
