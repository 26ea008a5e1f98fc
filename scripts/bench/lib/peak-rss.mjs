/**
 * `node --import ./scripts/bench/lib/peak-rss.mjs …`: when the process exits, write its peak resident memory
 * (process.resourceUsage().maxRSS, in bytes) to the file named by LSCB_BENCH_RSS. The browser's own
 * processes are not counted: this is the Node process a command runs in.
 */
import { writeFileSync } from 'node:fs';

const out = process.env.LSCB_BENCH_RSS;
process.on('exit', () => {
  if (out) writeFileSync(out, `${process.resourceUsage().maxRSS * 1024}\n`);
});
