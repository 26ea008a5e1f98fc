/**
 * `lscb-report preview <year>`: serve the report on this computer, rebuild it whenever a file in the board
 * folder changes, and reload the open page; while the data has errors the page lists them instead. Stops
 * on Ctrl-C (or when `io.signal` aborts) and ends with exit code 0.
 */
import { CliError, ExitCode } from '../../errors.js';
import { loadBoard } from '../../load/load-board.js';
import { parseSourceDateEpoch } from '../../report/build-report.js';
import { isLoopbackHost } from '../../preview/loopback.js';
import { startPreview, type PreviewEvent, type PreviewSession } from '../../preview/preview-session.js';
import { ListenError } from '../../preview/server.js';
import { findingSummary, formatFindingsText } from '../format-findings.js';
import { useColour, type CliIo } from '../io.js';
import { requireYearFolder, requireYearLabel, resolveDataDir } from '../options.js';

/** Options of `preview`. */
export interface PreviewOptions {
  data?: string;
  port?: string;
  host?: string;
  poll?: boolean;
}

/** The port used when `--port` is not given. */
export const DEFAULT_PREVIEW_PORT = 4173;
/** The address listened on when `--host` is not given. */
export const DEFAULT_PREVIEW_HOST = '127.0.0.1';

/** Parse `--port`: a whole number from 0 (any free port) to 65535. */
export function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PREVIEW_PORT;
  const trimmed = value.trim();
  const port = Number(trimmed);
  if (!/^\d{1,5}$/.test(trimmed) || port > 65535) {
    throw new CliError(`"${value}" is not a port number.`, ExitCode.USAGE, 'Give a number from 1 to 65535, or --port 0 to pick a free port.');
  }
  return port;
}

/** Check `--host` is this computer; the preview is never served to the network. */
export function requireLoopbackHost(host: string): string {
  if (!isLoopbackHost(host)) {
    throw new CliError(
      `The preview only runs on this computer, so it cannot listen on "${host}".`,
      ExitCode.USAGE,
      'Use --host 127.0.0.1 (the default), --host localhost or --host ::1. To share the report, build it and send the files.',
    );
  }
  return host;
}

function listenProblem(error: ListenError, host: string, port: number): CliError {
  switch (error.code) {
    case 'EADDRINUSE':
      return new CliError(
        `Port ${port} on ${host} is already in use.`,
        ExitCode.USAGE,
        `Another program (perhaps another preview) is using it. Stop it, or choose another port: --port ${port === 65535 ? port - 1 : port + 1}, or --port 0 to pick a free one.`,
      );
    case 'EACCES':
      return new CliError(`This computer does not allow lscb-report to use port ${port}.`, ExitCode.USAGE, `Ports below 1024 need administrator rights: use the default (${DEFAULT_PREVIEW_PORT}) or --port 0.`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new CliError(`The address ${host} is not available on this computer.`, ExitCode.USAGE, 'Use --host 127.0.0.1 (the default).');
    default:
      return new CliError(`The preview could not listen on ${host} port ${port}: ${error.message}`, ExitCode.USAGE, 'Try --port 0 to pick a free port.');
  }
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}

/** Tell the user what a render did. */
function reportEvent(io: CliIo, year: string, event: PreviewEvent): void {
  if (event.type === 'watch-fallback') {
    io.stderr(`Note: ${event.reason}.\n`);
    return;
  }
  const changed = event.changed.filter(Boolean);
  const named = changed.length > 4 ? `${changed.slice(0, 3).join(', ')} and ${changed.length - 3} more files` : changed.join(', ');
  const cause = event.changed.length === 0 ? '' : ` after a change to ${changed.length ? named : 'the board folder'}`;
  if (event.type === 'render-failed') {
    const e = event.error as Error;
    io.stderr(`[${clock()}] lscb-report: internal error while rendering the preview${cause}: ${e?.stack ?? String(event.error)}\n`);
    io.stderr('This is a bug in lscb-report. Please report it with the command you ran and this message. The page shows the error; saving a file tries again.\n');
    return;
  }
  const { page } = event;
  if (page.kind === 'findings') {
    io.stderr(formatFindingsText(page.findings, useColour(io)));
    io.stderr(`[${clock()}] ${year}${cause}: ${findingSummary(page.findings)}; the page lists them until the errors are fixed.\n`);
    return;
  }
  const warnings = page.findings.length > 0 ? ` (${findingSummary(page.findings)}; \`lscb-report validate ${year}\` lists them)` : '';
  const unchanged = event.changed.length > 0 && !event.updated ? '; the page has not changed' : '';
  io.stderr(`[${clock()}] ${year}${cause}: rendered the report in ${event.ms} ms${warnings}${unchanged}.\n`);
}

/** Run `preview`; returns the exit code once the preview has stopped. */
export async function previewCommand(yearArg: string, options: PreviewOptions, io: CliIo): Promise<number> {
  const year = requireYearLabel(yearArg);
  const host = requireLoopbackHost(options.host ?? DEFAULT_PREVIEW_HOST);
  const port = parsePort(options.port);
  const dir = await resolveDataDir(options.data, io);
  const board = await loadBoard(dir);
  await requireYearFolder(dir, year, board.years);

  // Stop on Ctrl-C, on a termination request, or when the caller aborts.
  const stop = new AbortController();
  const onStop = () => stop.abort();
  io.signal?.addEventListener('abort', onStop, { once: true });
  if (io.signal?.aborted) stop.abort();
  process.once('SIGINT', onStop);
  process.once('SIGTERM', onStop);

  let session: PreviewSession | undefined;
  try {
    io.stderr(`Starting the preview of the ${year} report from ${dir} …\n`);
    try {
      session = await startPreview({
        dir,
        year,
        host,
        port,
        poll: options.poll,
        sourceDateEpoch: parseSourceDateEpoch(io.env.SOURCE_DATE_EPOCH),
        onEvent: (event) => reportEvent(io, year, event),
      });
    } catch (error) {
      if (error instanceof ListenError) throw listenProblem(error, host, port);
      throw error;
    }
    io.stdout(`Previewing the ${year} report at ${session.url}\n`);
    io.stderr('The page reloads by itself when you save a return, a narrative file, the recommendations, board.yaml, an aggregate or a template. Press Ctrl-C to stop.\n');
    if (!stop.signal.aborted) {
      await new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }));
    }
    return ExitCode.OK;
  } finally {
    process.off('SIGINT', onStop);
    process.off('SIGTERM', onStop);
    io.signal?.removeEventListener('abort', onStop);
    if (session) {
      await session.stop();
      io.stderr('Preview stopped.\n');
    }
  }
}
