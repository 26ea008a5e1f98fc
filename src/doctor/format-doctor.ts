/** `doctor`'s report for people (one line per check with ✓ or ✗, and the fix) and for machines (JSON). */
import { Chalk } from 'chalk';
import { oneLine } from '../findings.js';
import type { DoctorReport } from './types.js';

/** One line per check, a "Fix:" line under each that needs one, and a verdict. */
export function formatDoctorText(report: DoctorReport, colour: boolean): string {
  const c = new Chalk({ level: colour ? 1 : 0 });
  const lines: string[] = [];
  for (const check of report.checks) {
    const mark = check.status === 'pass' ? c.green('✓') : check.status === 'fail' ? c.red('✗') : c.dim('-');
    lines.push(`${mark} ${c.bold(check.title)}: ${oneLine(check.detail)}`);
    if (check.fix) lines.push(`    ${check.status === 'pass' ? 'Tip' : 'Fix'}: ${check.fix}`);
  }
  const failed = report.checks.filter((ch) => ch.status === 'fail').length;
  lines.push(
    '',
    report.ok
      ? 'Ready: this machine can build a report.'
      : `Not ready: ${failed} problem${failed === 1 ? '' : 's'} would stop a build. Fix ${failed === 1 ? 'it' : 'them'} and run \`lscb-report doctor\` again.`,
  );
  return `${lines.join('\n')}\n`;
}

/** Version of the `doctor --format json` layout (schemas/doctor.schema.json); raised only when a field is removed or its meaning changes. */
export const DOCTOR_JSON_SCHEMA_VERSION = 1;

/** The report as stable JSON. */
export function formatDoctorJson(report: DoctorReport): string {
  return `${JSON.stringify(
    {
      schemaVersion: DOCTOR_JSON_SCHEMA_VERSION,
      ok: report.ok,
      checks: report.checks.map((ch) => ({ id: ch.id, status: ch.status, title: ch.title, detail: oneLine(ch.detail), fix: ch.fix ?? null })),
    },
    null,
    2,
  )}\n`;
}
