/**
 * Live reload for the preview: a small script served from the preview's own origin that listens to the
 * server's events and reloads the page when the report changes, and the content security policy the
 * preview serves every response with.
 *
 * The policy. Scripts: only files from the preview itself (`script-src 'self'`), never inline, so the
 * only script that can run is the live-reload client below, even if a value in a return somehow reached
 * the page unescaped. Styles: the report is self-contained by design (its stylesheet is an inline
 * `<style>` element, and its charts are inline SVG with `style` attributes), and the preview must look
 * exactly like the built report, so `style-src` allows `'unsafe-inline'`; hashes could cover the
 * `<style>` elements but not the SVG attributes without `'unsafe-hashes'`. Inline CSS cannot run code, and
 * because images, fonts and connections are limited to the preview itself and `data:` URLs, it cannot
 * send anything elsewhere either.
 */

/** Where the live-reload client is served. */
export const LIVE_RELOAD_PATH = '/__live-reload.js';
/** The Server-Sent Events endpoint. */
export const EVENTS_PATH = '/__events';

const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The Content-Security-Policy header of every preview response. */
export const PREVIEW_CSP = [...PAGE_POLICY, "frame-ancestors 'none'"].join('; ');

/** The same policy for the page's own meta element (browsers ignore `frame-ancestors` there, with a warning). */
export const PREVIEW_META_CSP = PAGE_POLICY.join('; ');

/**
 * The live-reload client. The page carries the version it was served at; the server sends the current
 * version when the client connects and after every rebuild, so a change made between loading the page
 * and connecting is not missed. `bye` is sent when the preview stops, so the page stops reconnecting.
 */
export const LIVE_RELOAD_SCRIPT = `// lscb-report preview: reloads this page when the report is rebuilt.
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="lscb-preview-version"]');
  var version = meta ? meta.getAttribute('content') : '';
  if (typeof EventSource !== 'function') return;
  var events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('version', function (event) {
    if (event.data !== version) {
      events.close();
      window.location.reload();
    }
  });
  events.addEventListener('bye', function () {
    events.close();
  });
})();
`;

const META_CSP = /<meta\s+http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/gi;

/**
 * The served copy of a page: its own content security policy replaced, where it stood, by the preview's
 * (the report's `default-src 'none'` would block the client), and the version and the client script added
 * at the end of the head. The built report itself is never changed.
 */
export function injectLiveReload(html: string, version: string): string {
  const safeVersion = version.replace(/[^A-Za-z0-9_-]/g, '');
  let replaced = false;
  const withCsp = html.replace(META_CSP, () => {
    if (replaced) return '';
    replaced = true;
    return `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_META_CSP}">`;
  });
  const tail = `<meta name="lscb-preview-version" content="${safeVersion}">\n<script src="${LIVE_RELOAD_PATH}" defer></script>\n`;
  const at = withCsp.search(/<\/head\s*>/i);
  if (at === -1) return tail + withCsp;
  return withCsp.slice(0, at) + tail + withCsp.slice(at);
}
