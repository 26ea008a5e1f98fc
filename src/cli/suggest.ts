/**
 * Suggested commands repeat the `--data` the user gave: a hint such as "run `lscb-report validate 2014-15`"
 * pasted as it stands would otherwise look for the board in the current folder and fail.
 */

/** The `--data` value on the command line (`--data DIR`, `--data=DIR`, `-d DIR`), or undefined. */
export function dataArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if ((a === '--data' || a === '-d') && i + 1 < argv.length) found = argv[++i];
    else if (a.startsWith('--data=')) found = a.slice('--data='.length);
  }
  return found;
}

/** A folder as it can be pasted into a shell: quoted when it holds anything but safe characters. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The commands that read a board, whose suggestions must carry --data. */
const BOARD_COMMANDS = /`lscb-report ((?:validate|indicators|diff|build|preview|cover|glance)\b[^`]*)`/g;

/** `text` with every suggested board command that has no --data given `--data <data>`. */
export function repeatDataFlag(text: string, data: string | undefined): string {
  if (data === undefined || !text.includes('`lscb-report ')) return text;
  // Never put a quote or backslash into the output: it may be JSON, whose strings they would break.
  if (/["\\]/.test(data)) return text;
  return text.replace(BOARD_COMMANDS, (whole, command: string) =>
    /(^|\s)(--data\b|-d\s)/.test(command) || / --list\b/.test(command) ? whole : `\`lscb-report ${command.trimEnd()} --data ${shellWord(data)}\``,
  );
}
