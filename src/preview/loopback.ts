/**
 * Which addresses the preview may listen on: this computer only. The preview shows a report before it is
 * published (and, for a board that suppresses small counts, before suppression has been checked by a
 * person), so it must never be reachable from the network.
 */
import { isIP } from 'node:net';

/** True for `localhost`, any 127.x.x.x address, `::1` and IPv4-mapped 127.x.x.x. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  const kind = isIP(h);
  if (kind === 4) return h.startsWith('127.');
  if (kind === 6) {
    if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
    return mapped !== null && mapped[1]!.startsWith('127.');
  }
  return false;
}

/** The host as it appears in a URL or a `Host` header: IPv6 addresses in brackets. */
export function urlHost(host: string): string {
  const h = host.replace(/^\[(.*)\]$/, '$1');
  return isIP(h) === 6 ? `[${h}]` : h;
}
