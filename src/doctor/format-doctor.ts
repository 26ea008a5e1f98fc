/** `doctor`'s report for people (one line per check with ✓ or ✗, and the fix) and for machines (JSON). */
import { Chalk } from 'chalk';
import type { DoctorReport } from './types.js';

/** One line per check, a "Fix:" line under each that needs one, and a verdict. */
export function formatDoctorText(report: DoctorReport, colour: boolean): string {
  const c = new Chalk({ level: colour ? 1 : 0 });
  const lines: string[] = [];
  for (const check of report.checks) {
    const mark = check.status === 'pass' ? c.green('✓') : check.status === 'fail' ? c.red('✗') : c.dim('-');
    lines.push(`${mark} ${c.bold(check.title)}: ${check.detail}`);
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

/** The report as stable JSON. */
export function formatDoctorJson(report: DoctorReport): string {
  return `${JSON.stringify(
    {
      ok: report.ok,
      checks: report.checks.map((ch) => ({ id: ch.id, status: ch.status, title: ch.title, detail: ch.detail, fix: ch.fix ?? null })),
    },
    null,
    2,
  )}\n`;
}
