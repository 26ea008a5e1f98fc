/** `lscb-report doctor`: check this machine can build a report, and say how to fix what it cannot. */
import path from 'node:path';
import { ExitCode } from '../../errors.js';
import { formatDoctorJson, formatDoctorText } from '../../doctor/format-doctor.js';
import { runDoctor } from '../../doctor/run-doctor.js';
import { useColour, type CliIo } from '../io.js';
import { parseFormat } from '../options.js';

/** Options of `doctor`. */
export interface DoctorCommandOptions {
  browser?: string;
  out?: string;
  data?: string;
  format: string;
}

/** Run `doctor`; exit code 0 only when every check passed, else 6. */
export async function doctorCommand(options: DoctorCommandOptions, io: CliIo): Promise<number> {
  const format = parseFormat(options.format, ['table', 'json'] as const);
  const out = options.out ?? 'out';
  const data = options.data ?? io.env.LSCB_REPORT_DATA;
  const report = await runDoctor({
    nodeVersion: process.versions.node,
    browserFlag: options.browser,
    env: io.env,
    outDir: path.resolve(io.cwd, out),
    outShown: out,
    dataDir: data === undefined ? undefined : path.resolve(io.cwd, data),
    dataShown: data,
  });
  io.stdout(format === 'json' ? formatDoctorJson(report) : formatDoctorText(report, useColour(io)));
  return report.ok ? ExitCode.OK : ExitCode.DOCTOR_FAILED;
}
