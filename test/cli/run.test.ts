import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

describe('run()', () => {
  it('prints help and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('validate');
  });

  it('exits 2 on an unknown option, without a stack trace', async () => {
    const r = await runCli(['validate', '2012-13', '--no-such-flag']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("lscb-report: Unknown option '--no-such-flag'.");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 when the data folder does not exist', async () => {
    const r = await runCli(['validate', '2012-13', '--data', '/nonexistent/board']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not exist');
  });

  it('exits 2 on a year that is not a financial year', async () => {
    const r = await runCli(['validate', '2012-14', '--data', 'data-samples/calderdale']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a financial year');
  });

  it('exits 2 on a year the board has no folder for, listing the years it has', async () => {
    const r = await runCli(['validate', '1999-00', '--data', 'data-samples/calderdale']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Years with data: 2012-13');
  });

  it('gives every usage error in the tool\'s own style with the usual hint, never commander\'s "error: …"', async () => {
    const cases: [string[], string, string][] = [
      [['validate'], "lscb-report: Missing required argument 'year'.", 'Run `lscb-report validate --help`'],
      [['validate', '2012-13', '--no-such-flag'], "lscb-report: Unknown option '--no-such-flag'.", 'Run `lscb-report validate --help`'],
      [['build', '2012-13', '--edition', 'draft'], "lscb-report: Option '--edition <edition>' argument 'draft' is invalid.", 'Run `lscb-report build --help`'],
      [['frob'], "lscb-report: Unknown command 'frob'.", 'Run `lscb-report --help`'],
    ];
    for (const [argv, first, hint] of cases) {
      const r = await runCli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      const lines = r.stderr.split('\n');
      expect(lines[0], argv.join(' ')).toContain(first);
      expect(lines[1], argv.join(' ')).toMatch(new RegExp(`^  ${hint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      expect(r.stderr).not.toMatch(/^error:/m);
    }
  });
});
