/**
 * The command layer: parses argv with commander, runs one command, and returns its exit code. It never
 * calls process.exit, so tests call run() and assert on the code and on what was written.
 * Each command's module is imported only when that command runs, so `--help` and `validate` stay fast
 * and never load the browser or the template engine.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { CliError, ExitCode } from '../errors.js';
import { processIo, type CliIo } from './io.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function buildProgram(io: CliIo, setCode: (code: number) => void): Command {
  const program = new Command();
  program
    .name('lscb-report')
    .description("Validate a safeguarding children board's returns, compute its indicators and build its statutory annual report.")
    .version(pkg.version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });

  const dataOption = () => new Option('-d, --data <dir>', 'board data folder (default: $LSCB_REPORT_DATA or the current folder)');

  program
    .command('validate')
    .description("check a year's returns and list every problem with its file, row and column")
    .argument('<year>', 'financial year, e.g. 2012-13')
    .addOption(dataOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (year: string, opts: { data?: string; format: string }) => {
      const { validateCommand } = await import('./commands/validate.js');
      setCode(await validateCommand(year, opts, io));
    });

  return program;
}

/** Run the CLI with `argv` (without node and script) and return the exit code. */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  let code: number = ExitCode.OK;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return ExitCode.OK;
      }
      if (error.code === 'commander.executeSubCommandAsync') return ExitCode.OK;
      // commander has already printed its message to stderr
      return ExitCode.USAGE;
    }
    if (error instanceof CliError) {
      io.stderr(`lscb-report: ${error.message}\n`);
      if (error.hint) io.stderr(`  ${error.hint}\n`);
      return error.exitCode;
    }
    const e = error as Error;
    io.stderr(`lscb-report: internal error: ${e?.stack ?? String(error)}\n`);
    io.stderr('This is a bug in lscb-report. Please report it with the command you ran and this message.\n');
    return ExitCode.INTERNAL;
  }
}
