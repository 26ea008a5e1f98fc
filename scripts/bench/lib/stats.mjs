/** Small helpers shared by the benchmark scripts: timing, medians, formatting. */

/** Milliseconds since an arbitrary origin, as a float. */
export const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Median of a list of numbers (null for an empty list). */
export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** "123 ms" or "1.23 s". */
export function fmtMs(ms) {
  if (ms === null || ms === undefined) return 'n/a';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms >= 100 ? Math.round(ms) : ms.toFixed(1)} ms`;
}

/** "1.23x". */
export const fmtRatio = (r) => (r === null || r === undefined ? 'n/a' : `${r.toFixed(2)}x`);

/** Bytes as kB, MB or GB (powers of 10). */
export function fmtBytes(bytes) {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  return `${Math.round(bytes / 1e3)} kB`;
}

/** Call global.gc when the process was started with --expose-gc. */
export function collectGarbage() {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}
