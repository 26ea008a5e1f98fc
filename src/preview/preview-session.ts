/**
 * A running preview: renders the report once, serves it, watches the board folder, and on every change
 * renders again (one render at a time; changes made during a render start one more) and tells open pages
 * to reload when the page has changed. It reads the board folder and never writes to it.
 */
import { createHash } from 'node:crypto';
import { findingsPageHtml } from './findings-page.js';
import { injectLiveReload } from './live-reload.js';
import { renderPreviewPage, type PreviewPage } from './render-page.js';
import { startPreviewServer, type PreviewServer, type ServedPage } from './server.js';
import { watchBoard, type BoardWatcher } from './watch-board.js';

/** What happened in a preview, for the command to tell the user. */
export type PreviewEvent =
  | {
      type: 'rendered';
      page: PreviewPage;
      /** Files whose change started this render (empty for the first). */
      changed: string[];
      /** True when the page differs from the one served before (open pages reload). */
      updated: boolean;
      ms: number;
    }
  | { type: 'render-failed'; error: unknown; changed: string[] }
  | { type: 'watch-fallback'; reason: string };

/** Options of `startPreview`. */
export interface PreviewSessionOptions {
  /** The board folder (absolute). */
  dir: string;
  year: string;
  host: string;
  port: number;
  /** Poll the folder instead of using change notifications. */
  poll?: boolean;
  debounceMs?: number;
  sourceDateEpoch?: number | null;
  onEvent?: (event: PreviewEvent) => void;
}

/** A preview that is serving. */
export interface PreviewSession {
  url: string;
  port: number;
  /** `events` or `poll`. */
  readonly watchMode: 'events' | 'poll';
  /** The page currently served (with the live-reload client). */
  current(): ServedPage;
  /** Stop watching, let a render in progress finish, close every page's stream and the server. */
  stop(): Promise<void>;
}

/** The version of a page: a short hash of its HTML, so an unchanged rebuild reloads nothing. */
export function pageVersion(html: string): string {
  return createHash('sha256').update(html).digest('hex').slice(0, 16);
}

function served(html: string): ServedPage {
  const version = pageVersion(html);
  return { html: injectLiveReload(html, version), version };
}

function failurePage(dir: string, year: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return findingsPageHtml({
    boardName: dir,
    year,
    reason: 'The preview could not render the report because of an unexpected error.',
    findings: [
      {
        code: 'preview-internal-error',
        severity: 'error',
        file: year,
        message: `lscb-report could not render the preview: ${message.split('\n')[0]}`,
        hint: 'This is a bug in lscb-report: please report it with the command you ran and the message in the terminal. Saving a change tries again.',
      },
    ],
  });
}

/** Render, serve and watch; rejects with `ListenError` when the server cannot listen. */
export async function startPreview(options: PreviewSessionOptions): Promise<PreviewSession> {
  const emit = options.onEvent ?? (() => undefined);
  const render = async (changed: string[]): Promise<ServedPage> => {
    const started = performance.now();
    try {
      const page = await renderPreviewPage(options.dir, options.year, { sourceDateEpoch: options.sourceDateEpoch });
      const next = served(page.html);
      emit({ type: 'rendered', page, changed, updated: next.version !== current?.version, ms: Math.round(performance.now() - started) });
      return next;
    } catch (error) {
      emit({ type: 'render-failed', error, changed });
      return served(failurePage(options.dir, options.year, error));
    }
  };

  // Watch before the first render, so a file saved while it runs is not missed.
  let current: ServedPage | undefined;
  let server: PreviewServer | undefined;
  let stopped = false;
  let running: Promise<void> | null = null;
  let queued: string[] = [];
  const loop = async () => {
    while (queued.length > 0 && !stopped) {
      const changed = [...new Set(queued)].sort();
      queued = [];
      const next = await render(changed);
      if (stopped) return;
      if (next.version !== current!.version) {
        current = next;
        server!.announce(next.version);
      }
    }
  };
  const kick = (): void => {
    if (!current || running || stopped || queued.length === 0) return;
    running = loop().finally(() => {
      running = null;
      kick();
    });
  };
  const requestRender = (files: string[]) => {
    if (stopped) return;
    queued.push(...(files.length ? files : ['']));
    kick();
  };
  const watcher: BoardWatcher = watchBoard(options.dir, requestRender, {
    poll: options.poll,
    debounceMs: options.debounceMs,
    onFallback: (reason) => emit({ type: 'watch-fallback', reason }),
  });
  // Listen before the first render, so a port in use is reported at once; a request that arrives
  // meanwhile waits for the first page.
  let firstReady!: (page: ServedPage) => void;
  const first = new Promise<ServedPage>((resolve) => (firstReady = resolve));
  try {
    await watcher.ready;
    server = await startPreviewServer({ host: options.host, port: options.port, page: () => current ?? first });
    current = await render([]);
    firstReady(current);
  } catch (error) {
    stopped = true;
    watcher.close();
    await server?.close();
    throw error;
  }
  kick();
  const listening = server;

  let stopping: Promise<void> | undefined;
  return {
    url: listening.url,
    port: listening.port,
    get watchMode() {
      return watcher.mode;
    },
    current: () => current!,
    stop() {
      stopping ??= (async () => {
        stopped = true;
        watcher.close();
        await running;
        await listening.close();
      })();
      return stopping;
    },
  };
}
