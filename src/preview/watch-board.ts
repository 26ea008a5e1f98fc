/**
 * Watching a board folder for changes: every return, narrative file, recommendations file, board.yaml,
 * aggregate and template override lives under it, so the whole folder is watched, minus the files editors
 * and spreadsheet programs leave behind. Changes are collected and reported once the folder has been quiet
 * for a moment (debounced), so saving five files is one rebuild.
 *
 * Each folder gets its own `fs.watch` (folders that appear later are added as they appear). Not
 * `recursive: true`: on Linux, Node 20's recursive watcher stops reporting a file once an editor has
 * saved it by writing a new file and renaming it over the old one (checked with Node 20.20), and many
 * editors and spreadsheet programs save that way; a watch on the folder itself reports every change to
 * the names in it. On a network drive, where change notifications do not arrive, or when the system
 * refuses (too many watches), the folder is polled instead.
 */
import { existsSync, lstatSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** How long the folder must be quiet before changes are reported. */
export const DEFAULT_DEBOUNCE_MS = 150;
/** How often a polled folder is scanned. */
export const DEFAULT_POLL_INTERVAL_MS = 1000;

/** Options of `watchBoard`. */
export interface WatchBoardOptions {
  debounceMs?: number;
  /** Scan the folder on a timer instead of using change notifications. */
  poll?: boolean;
  pollIntervalMs?: number;
  /** Called when notifications fail and the watcher falls back to polling. */
  onFallback?: (reason: string) => void;
}

/** A running watcher. */
export interface BoardWatcher {
  /** `events` (change notifications) or `poll`. */
  readonly mode: 'events' | 'poll';
  /** Settles once the watcher is looking (for polling: after the first scan). */
  readonly ready: Promise<void>;
  /** Stop watching; no callback runs afterwards. */
  close(): void;
}

/** True for paths that are not the board's data: hidden files and folders, editor and lock files. */
export function isIgnoredPath(rel: string): boolean {
  const parts = rel.split(/[\\/]/).filter(Boolean);
  if (parts.some((p) => p.startsWith('.') || p === 'node_modules')) return true;
  const base = parts.at(-1) ?? '';
  return base.endsWith('~') || base.startsWith('~$') || /\.(swp|swx|swo|crswap)$/i.test(base) || base === '4913';
}

type Snapshot = Map<string, string>;

async function scan(dir: string, rel = '', into: Snapshot = new Map()): Promise<Snapshot> {
  let entries;
  try {
    entries = await readdir(path.join(dir, rel), { withFileTypes: true });
  } catch {
    return into;
  }
  for (const entry of entries) {
    const childRel = rel ? `${rel}/${entry.name}` : entry.name;
    if (isIgnoredPath(childRel)) continue;
    if (entry.isDirectory()) {
      await scan(dir, childRel, into);
    } else {
      try {
        const s = await stat(path.join(dir, childRel));
        into.set(childRel, `${s.mtimeMs}:${s.size}`);
      } catch {
        // Gone between listing and stat: the next scan sees it missing.
      }
    }
  }
  return into;
}

function differences(before: Snapshot, after: Snapshot): string[] {
  const changed: string[] = [];
  for (const [file, sig] of after) if (before.get(file) !== sig) changed.push(file);
  for (const file of before.keys()) if (!after.has(file)) changed.push(file);
  return changed;
}

/**
 * Watch `dir` and call `onChange` with the changed paths (relative, `/`-separated) after each quiet spell:
 * those still present, or, when every change was a removal, the removed ones.
 */
export function watchBoard(dir: string, onChange: (files: string[]) => void, options: WatchBoardOptions = {}): BoardWatcher {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const pollMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  let closed = false;
  let pending = new Set<string>();
  let debounce: NodeJS.Timeout | undefined;
  let pollTimer: NodeJS.Timeout | undefined;
  let mode: 'events' | 'poll' = options.poll ? 'poll' : 'events';

  const flush = () => {
    debounce = undefined;
    if (closed || pending.size === 0) return;
    const files = [...pending].sort();
    pending = new Set();
    // Name the files that are there now (not an editor's temporary file, gone by the time this runs),
    // unless every change was a removal.
    const present = files.filter((f) => f === '' || existsSync(path.join(dir, f)));
    onChange(present.length > 0 ? present : files);
  };
  const changed = (rel: string) => {
    if (closed || isIgnoredPath(rel)) return;
    pending.add(rel);
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(flush, debounceMs);
  };

  let ready: Promise<void> = Promise.resolve();
  const startPolling = () => {
    mode = 'poll';
    let snapshot: Snapshot | null = null;
    let scanning = false;
    const tick = async (): Promise<void> => {
      if (scanning || closed) return;
      scanning = true;
      try {
        const next = await scan(dir);
        if (snapshot && !closed) for (const file of differences(snapshot, next)) changed(file);
        snapshot = next;
      } finally {
        scanning = false;
      }
    };
    ready = tick();
    pollTimer = setInterval(() => void tick(), pollMs);
  };

  const watchers = new Map<string, FSWatcher>();
  const closeWatchers = (prefix?: string) => {
    for (const [rel, w] of watchers) {
      if (prefix === undefined || rel === prefix || rel.startsWith(`${prefix}/`)) {
        w.close();
        watchers.delete(rel);
      }
    }
  };
  const fallBack = (reason: string) => {
    if (closed || mode === 'poll') return;
    closeWatchers();
    options.onFallback?.(`${reason}; checking the folder every ${pollMs / 1000} s instead`);
    startPolling();
  };
  const isDirectory = (rel: string): boolean => {
    try {
      return lstatSync(path.join(dir, rel)).isDirectory();
    } catch {
      return false;
    }
  };
  /** Watch the folder `rel` (relative to the board folder, '' for the board folder) and the folders in it. */
  const watchFolder = (rel: string): void => {
    if (closed || mode === 'poll' || watchers.has(rel) || (rel !== '' && isIgnoredPath(rel))) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(path.join(dir, rel), { persistent: true }, (event, filename) => {
        const name = filename ? String(filename) : '';
        const child = name ? (rel ? `${rel}/${name}` : name) : rel;
        changed(child);
        if (event === 'rename' && name) {
          // A folder created, moved in or removed: watch it, or stop watching it.
          if (isDirectory(child)) watchFolder(child);
          else closeWatchers(child);
        }
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return; // gone already
      fallBack(`change notifications are not available here (${code ?? (error as Error).message})`);
      return;
    }
    watcher.on('error', (error: NodeJS.ErrnoException) => {
      watcher.close();
      watchers.delete(rel);
      if (error.code === 'ENOENT' || error.code === 'EPERM') return; // the folder was removed
      fallBack(`change notifications stopped (${error.code ?? error.message})`);
    });
    watchers.set(rel, watcher);
    let entries: string[] = [];
    try {
      entries = readdirSync(path.join(dir, rel), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name);
    } catch {
      // Unreadable or gone: its own watcher reports what happens to it.
    }
    for (const name of entries) watchFolder(rel ? `${rel}/${name}` : name);
  };

  if (mode === 'events') watchFolder('');
  else startPolling();

  return {
    get mode() {
      return mode;
    },
    get ready() {
      return ready;
    },
    close() {
      closed = true;
      if (debounce) clearTimeout(debounce);
      if (pollTimer) clearInterval(pollTimer);
      closeWatchers();
    },
  };
}
