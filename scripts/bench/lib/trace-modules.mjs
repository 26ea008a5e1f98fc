/**
 * `node --import ./scripts/bench/lib/trace-modules.mjs …`: record every module the process resolves (ES
 * modules through a loader hook, CommonJS through Module._resolveFilename) and write the list, as JSON, to the
 * file named by LSCB_BENCH_TRACE when the process exits. Used to prove that `--help` and `validate` never
 * load puppeteer-core (or the template and chart engines).
 */
import Module, { register } from 'node:module';
import { writeFileSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';

const out = process.env.LSCB_BENCH_TRACE;
const seen = new Set();
const { port1, port2 } = new MessageChannel();
port1.unref();
register('./trace-hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function tracedResolve(...args) {
  const file = resolveFilename.apply(this, args);
  seen.add(file);
  return file;
};

process.on('exit', () => {
  for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) seen.add(m.message);
  if (out) writeFileSync(out, JSON.stringify([...seen].sort()));
});
