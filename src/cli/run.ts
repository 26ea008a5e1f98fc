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
import { dataArgument, repeatDataFlag } from './suggest.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * A usage error from commander (a missing argument, an unknown option or command, a value not allowed) in
 * the tool's own style: `lscb-report: <what is wrong>.` and, indented, where to find the usage.
 */
export function usageErrorText(commanderMessage: string, command: string | undefined): string {
  const what = commanderMessage.trim().replace(/^error:\s*/i, '');
  const sentence = `${what.charAt(0).toUpperCase()}${what.slice(1)}`.replace(/([^.])$/, '$1.');
  const hint = command
    ? `Run \`lscb-report ${command} --help\` for its arguments and options.`
    : 'Run `lscb-report --help` for the commands, and `lscb-report <command> --help` for their options.';
  return `lscb-report: ${sentence}\n  ${hint}\n`;
}

function buildProgram(io: CliIo, setCode: (code: number) => void, argv: readonly string[] = []): Command {
  const program = new Command();
  const commandNames = ['validate', 'indicators', 'diff', 'init', 'doctor', 'build', 'preview', 'cover', 'glance'];
  const command = commandNames.includes(argv[0] ?? '') ? argv[0] : undefined;
  program
    .name('lscb-report')
    .description("Validate a safeguarding children board's returns, compute its indicators and build its statutory annual report.")
    .version(pkg.version, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      // Every usage error in the tool's own words and shape, like the errors the commands raise.
      outputError: (s, write) => write(usageErrorText(s, command)),
    });

  const strictOption = () => new Option('--strict', 'fail (exit code 1) on any warning, not only on errors: for pipelines');
  const quietOption = () => new Option('-q, --quiet', 'list errors only (the summary line still counts the warnings)');
  const dataOption = () => new Option('-d, --data <dir>', 'board data folder (default: $LSCB_REPORT_DATA, else the nearest folder at or above this one with board.yaml)');

  program
    .command('validate')
    .description("check a year's returns and list every problem with its file, row and column")
    .argument('<year>', 'financial year, e.g. 2012-13')
    .addOption(dataOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(strictOption())
    .addOption(quietOption())
    .action(async (year: string, opts: { data?: string; format: string; strict?: boolean; quiet?: boolean }) => {
      const { validateCommand } = await import('./commands/validate.js');
      setCode(await validateCommand(year, opts, io));
    });

  program
    .command('indicators')
    .description('every indicator for a year with the previous year and the change; --list prints the catalogue')
    .argument('[year]', 'financial year, e.g. 2012-13')
    .addOption(dataOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'csv', 'markdown']).default('table'))
    .addOption(new Option('--id <id...>', 'only these indicators (an id, a breakdown such as lado.source, or a group such as cdop)'))
    .addOption(new Option('--list', 'print the indicator catalogue instead'))
    .action(async (year: string | undefined, opts: { data?: string; format: string; id?: string[]; list?: boolean }) => {
      const { indicatorsCommand } = await import('./commands/indicators.js');
      setCode(await indicatorsCommand(year, opts, io));
    });

  program
    .command('diff')
    .description('two years side by side, with the change and its direction (change only between consecutive years)')
    .argument('<yearA>', 'the earlier financial year, e.g. 2011-12')
    .argument('<yearB>', 'the later financial year, e.g. 2012-13')
    .addOption(dataOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'csv', 'markdown']).default('table'))
    .addOption(new Option('--id <id...>', 'only these indicators (an id, a breakdown such as lado.source, or a group such as cdop)'))
    .addOption(new Option('--changed-only', 'only indicators whose published value differs between the years'))
    .action(async (yearA: string, yearB: string, opts: { data?: string; format: string; id?: string[]; changedOnly?: boolean }) => {
      const { diffCommand } = await import('./commands/diff.js');
      setCode(await diffCommand(yearA, yearB, opts, io));
    });

  program
    .command('init')
    .description('start a new board folder: board.yaml explained, blank returns, a guide to each, narrative placeholders')
    .argument('<dir>', 'folder to create (must be new or empty unless --force)')
    .option('-y, --year <year>', 'financial year of the first year folder (default: the last year that has ended)')
    .option('--board-name <name>', "the board's full name (default: \"<area> Safeguarding Children Board\")")
    .option('--area <area>', 'the local authority area the board covers')
    .addOption(new Option('--kind <kind>', 'board, or partnership for safeguarding partners\' yearly report (Working Together 2023)').choices(['board', 'partnership']).default('board'))
    .option('--force', 'write into a folder that is not empty, adding only missing files (never overwrites)')
    .action(async (dir: string, opts: { year?: string; boardName?: string; area?: string; kind?: string; force?: boolean }) => {
      const { initCommand } = await import('./commands/init.js');
      setCode(await initCommand(dir, opts, io));
    });

  program
    .command('doctor')
    .description('check this machine can build a report: Node.js, browser, fonts, output folder')
    .option('--browser <path>', 'Chrome, Chromium or Edge to check (default: as build finds one)')
    .option('-o, --out <dir>', 'output folder to check is writable', 'out')
    .addOption(new Option('-d, --data <dir>', 'board data folder to check loads (default: $LSCB_REPORT_DATA, else not checked)'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (opts: { browser?: string; out?: string; data?: string; format: string }) => {
      const { doctorCommand } = await import('./commands/doctor.js');
      setCode(await doctorCommand(opts, io));
    });

  program
    .command('build')
    .description('build the annual report (HTML and PDF) and the year\'s indicators (JSON and CSV)')
    .argument('[year]', 'financial year, e.g. 2012-13 (or --all)')
    .option('--all', 'build every year the board has a folder for, printing with one browser')
    .addOption(dataOption())
    .option('--boards <dirs...>', 'a region in one run: every year of every board in these folders (a board folder, or a folder of board folders), one browser, outputs in <out>/<board folder>/')
    .option('--jobs <n>', 'with --boards: reports built at once (default 2)')
    .option('-o, --out <dir>', 'output folder (default: ./out)')
    .option('-f, --format <formats>', 'what to make: html, pdf or html,pdf', 'html,pdf')
    .option('--browser <path>', 'Chrome, Chromium or Edge to print with (default: found automatically)')
    .addOption(new Option('--edition <edition>', 'published: small counts suppressed as board.yaml says; internal: every figure, marked not for publication').choices(['published', 'internal']).default('published'))
    .option('--suppress-threshold <n>', 'published edition: suppress counts from 1 to N (0 for none), overriding board.yaml')
    .option('--draft', 'build even with placeholder text ("To write:") or unwritten sections, marking every page DRAFT (files named -draft)')
    .addOption(strictOption())
    .addOption(quietOption())
    .action(async (year: string | undefined, opts: { data?: string; out?: string; format?: string; browser?: string; edition?: string; suppressThreshold?: string; all?: boolean; boards?: string[]; jobs?: string; draft?: boolean; strict?: boolean; quiet?: boolean }) => {
      const { buildCommand } = await import('./commands/build.js');
      setCode(await buildCommand(year, opts, io));
    });

  program
    .command('preview')
    .description('serve the report on this computer and reload it whenever a file in the board folder changes')
    .argument('<year>', 'financial year, e.g. 2012-13')
    .addOption(dataOption())
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', '4173')
    .option('--host <host>', 'address to listen on: this computer only (127.0.0.1, localhost or ::1)', '127.0.0.1')
    .option('--poll', 'check the folder for changes every second instead of relying on change notifications (network drives)')
    .action(async (year: string, opts: { data?: string; port?: string; host?: string; poll?: boolean }) => {
      const { previewCommand } = await import('./commands/preview.js');
      setCode(await previewCommand(year, opts, io));
    });

  program
    .command('cover')
    .description('the cover paper that takes the annual report to a partnership board (HTML and PDF), from <year>/cover-paper.yaml')
    .argument('<year>', 'financial year, e.g. 2012-13')
    .addOption(dataOption())
    .option('-o, --out <dir>', 'output folder (default: ./out)')
    .option('-f, --format <formats>', 'what to make: html, pdf or html,pdf', 'html,pdf')
    .option('--browser <path>', 'Chrome, Chromium or Edge to print with (default: found automatically)')
    .addOption(quietOption())
    .action(async (year: string, opts: { data?: string; out?: string; format?: string; browser?: string; quiet?: boolean }) => {
      const { coverCommand } = await import('./commands/cover.js');
      setCode(await coverCommand(year, opts, io));
    });

  program
    .command('glance')
    .description('the year at a glance: headline figures, change and direction on one A4 page (HTML and PDF)')
    .argument('<year>', 'financial year, e.g. 2012-13')
    .addOption(dataOption())
    .option('-o, --out <dir>', 'output folder (default: ./out)')
    .option('-f, --format <formats>', 'what to make: html, pdf or html,pdf', 'html,pdf')
    .option('--browser <path>', 'Chrome, Chromium or Edge to print with (default: found automatically)')
    .addOption(new Option('--id <id...>', 'the indicators to show, in order (default: the standard ten)'))
    .addOption(quietOption())
    .action(async (year: string, opts: { data?: string; out?: string; format?: string; browser?: string; id?: string[]; quiet?: boolean }) => {
      const { glanceCommand } = await import('./commands/glance.js');
      setCode(await glanceCommand(year, opts, io));
    });

  return program;
}

/** Run the CLI with `argv` (without node and script) and return the exit code. */
export async function run(argv: string[], given: CliIo = processIo()): Promise<number> {
  // Every command suggested in a message repeats the --data the user gave, so it works when pasted.
  const data = dataArgument(argv);
  const io: CliIo = data === undefined ? given : { ...given, stdout: (t) => given.stdout(repeatDataFlag(t, data)), stderr: (t) => given.stderr(repeatDataFlag(t, data)) };
  let code: number = ExitCode.OK;
  const program = buildProgram(
    io,
    (c) => {
      code = c;
    },
    argv,
  );
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
