/**
 * `node --import ./scripts/bench/lib/report-cpu.mjs …`: when the process exits, append its CPU time (user +
 * system, all threads, in ms) to the file named by LSCB_BENCH_CPU. CPU time hardly changes when other work
 * shares the machine, unlike wall time, so it shows what start-up costs on a quiet machine.
 */
import { appendFileSync } from 'node:fs';

const out = process.env.LSCB_BENCH_CPU;
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  if (out) appendFileSync(out, `${(user + system) / 1000}\n`);
});
