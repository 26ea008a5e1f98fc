/**
 * The preview's web server: the current page at `/`, the live-reload client, and a Server-Sent Events
 * stream that tells open pages when the report has changed. It listens on this computer only, answers
 * only requests addressed to this computer by name (a page on another site cannot reach it by pointing
 * its own domain name at 127.0.0.1), serves nothing from disk, and sends every response with the
 * preview's content security policy.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENTS_PATH, LIVE_RELOAD_PATH, LIVE_RELOAD_SCRIPT, PREVIEW_CSP } from './live-reload.js';
import { urlHost } from './loopback.js';

/** The page to serve, with its version (changes whenever the page does). */
export interface ServedPage {
  html: string;
  version: string;
}

/** Options of `startPreviewServer`. */
export interface PreviewServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The current page, with the live-reload client already in it (a promise until the first render is done). */
  page: () => ServedPage | Promise<ServedPage>;
  /** How often to send a comment to keep event streams open through proxies and sleep (ms). */
  keepAliveMs?: number;
}

/** A listening preview server. */
export interface PreviewServer {
  /** The address to open, e.g. `http://127.0.0.1:4173/`. */
  url: string;
  port: number;
  /** Tell every open page the current version (pages showing another version reload). */
  announce(version: string): void;
  /** Number of pages listening for changes. */
  readonly clients: number;
  /** Say goodbye to every open page, close their streams and stop listening. */
  close(): Promise<void>;
}

/** The server could not listen: the port is taken or not allowed. */
export class ListenError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ListenError';
  }
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': PREVIEW_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

function send(res: ServerResponse, status: number, type: string, body: string, head: boolean, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(head ? undefined : body);
}

/** Start the server; rejects with `ListenError` when it cannot listen. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  let allowedHosts = new Set<string>();
  const keepAliveMs = options.keepAliveMs ?? 25_000;

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!allowedHosts.has(host)) {
      send(res, 403, 'text/plain; charset=utf-8', 'The lscb-report preview only answers requests addressed to this computer (localhost or 127.0.0.1).\n', false);
      return;
    }
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'The preview is read-only.\n', false, { Allow: 'GET, HEAD' });
      return;
    }
    const head = method === 'HEAD';
    const pathname = new URL(req.url ?? '/', 'http://preview.invalid').pathname;
    switch (pathname) {
      case '/':
      case '/index.html':
        void Promise.resolve(options.page()).then((page) => send(res, 200, 'text/html; charset=utf-8', page.html, head));
        return;
      case LIVE_RELOAD_PATH:
        send(res, 200, 'text/javascript; charset=utf-8', LIVE_RELOAD_SCRIPT, head);
        return;
      case EVENTS_PATH: {
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
        if (head) {
          res.end();
          return;
        }
        let gone = false;
        req.on('close', () => {
          gone = true;
          clients.delete(res);
        });
        req.socket.setKeepAlive(true);
        void Promise.resolve(options.page()).then((page) => {
          if (gone || res.writableEnded) return;
          res.write(`retry: 1000\nevent: version\ndata: ${page.version}\n\n`);
          clients.add(res);
        });
        return;
      }
      case '/favicon.ico':
        res.writeHead(204, SECURITY_HEADERS);
        res.end();
        return;
      default:
        send(res, 404, 'text/plain; charset=utf-8', 'Not found. The report is at /.\n', head);
    }
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      if (!res.headersSent) send(res, 400, 'text/plain; charset=utf-8', 'Bad request.\n', false);
      else res.end();
    }
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(new ListenError(error.code ?? 'unknown', error.message));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ host: options.host, port: options.port, exclusive: true });
  });

  const port = (server.address() as AddressInfo).port;
  const names = new Set(['localhost', '127.0.0.1', '[::1]', urlHost(options.host).toLowerCase()]);
  allowedHosts = new Set([...names].map((n) => `${n}:${port}`));
  const keepAlive = setInterval(() => {
    for (const res of clients) res.write(': keep-alive\n\n');
  }, keepAliveMs);
  keepAlive.unref();

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(options.host)}:${port}/`,
    port,
    announce(version: string) {
      for (const res of clients) res.write(`event: version\ndata: ${version}\n\n`);
    },
    get clients() {
      return clients.size;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(keepAlive);
        for (const res of clients) res.end('event: bye\ndata: stopped\n\n');
        clients.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
