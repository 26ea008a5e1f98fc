#!/usr/bin/env node
// Thin launcher: all behaviour lives in dist/cli/run.js so tests can call run() directly.
import { run } from '../dist/cli/run.js';

// `lscb-report indicators 2012-13 | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

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
