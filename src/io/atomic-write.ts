/**
 * Writing output files so that a reader never sees half a file: write a temporary file beside the target,
 * flush it to disk, then rename it over the target (an atomic replace on the same file system). On any
 * failure the temporary file is removed and the target is left exactly as it was.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** File contents: bytes, text (written as UTF-8), or chunks produced as the file is written. */
export type AtomicWriteData =
  | string
  | Uint8Array
  | Iterable<string | Uint8Array>
  | AsyncIterable<string | Uint8Array>;

/** One file for `writeFilesAtomic`. */
export interface AtomicWriteFile {
  path: string;
  data: AtomicWriteData;
}

/** An output file could not be written; the target was left as it was (exit code 5). */
export class AtomicWriteError extends Error {
  /** Discriminant for callers that cannot use `instanceof`. */
  readonly kind = 'write-failed' as const;

  constructor(
    /** The file that was to be written (never the temporary file). */
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AtomicWriteError';
  }
}

/** Write `data` to `target` atomically: the old content or the new, never a mixture or a truncated file. */
export async function writeFileAtomic(target: string, data: AtomicWriteData): Promise<void> {
  await writeFilesAtomic([{ path: target, data }]);
}

/**
 * Write several files, renaming any into place only once every temporary file is complete, so a failure
 * while producing any file's contents changes none of the targets. (A failure during the renames
 * themselves, which is rare, can leave the earlier targets replaced; the error says which.)
 */
export async function writeFilesAtomic(files: readonly AtomicWriteFile[]): Promise<void> {
  const seen = new Set<string>();
  for (const file of files) {
    const resolved = path.resolve(file.path);
    if (seen.has(resolved)) throw new AtomicWriteError(file.path, `${file.path} is listed twice in one write.`);
    seen.add(resolved);
  }

  const temps: Array<{ target: string; temp: string }> = [];
  try {
    for (const file of files) temps.push({ target: file.path, temp: await writeTemp(file.path, file.data) });
  } catch (error) {
    await Promise.all(temps.map(({ temp }) => removeQuietly(temp)));
    throw error;
  }

  const replaced: string[] = [];
  for (const [index, { target, temp }] of temps.entries()) {
    try {
      await renameReplacing(temp, target);
      replaced.push(target);
    } catch (error) {
      await Promise.all(temps.slice(index).map((t) => removeQuietly(t.temp)));
      const already = replaced.length > 0 ? ` (already replaced: ${replaced.join(', ')})` : '';
      throw new AtomicWriteError(target, `Could not write ${target}: ${describe(error)}${already}`, { cause: error });
    }
  }
  for (const dir of new Set(temps.map(({ target }) => path.dirname(path.resolve(target))))) await syncDir(dir);
}

/** Write the data to a new, uniquely named temporary file beside `target`, flushed to disk; return its path. */
async function writeTemp(target: string, data: AtomicWriteData): Promise<string> {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  let handle: FileHandle | undefined;
  try {
    // 'wx' fails rather than follow a symlink or reuse a file someone else created under this name.
    handle = await open(temp, 'wx', 0o666);
    for await (const chunk of chunksOf(data)) await handle.writeFile(chunk);
    await handle.sync();
    await handle.close();
    handle = undefined;
    return temp;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await removeQuietly(temp);
    throw new AtomicWriteError(target, `Could not write ${target}: ${describe(error)}`, { cause: error });
  }
}

async function* chunksOf(data: AtomicWriteData): AsyncGenerator<string | Uint8Array> {
  if (typeof data === 'string' || data instanceof Uint8Array) {
    yield data;
    return;
  }
  if (Symbol.asyncIterator in data) {
    for await (const chunk of data) yield checkChunk(chunk);
    return;
  }
  for (const chunk of data) yield checkChunk(chunk);
}

function checkChunk(chunk: unknown): string | Uint8Array {
  if (typeof chunk === 'string' || chunk instanceof Uint8Array) return chunk;
  throw new TypeError(`file data chunks must be strings or bytes, got ${typeof chunk}`);
}

/**
 * Rename, retrying briefly on Windows, where replacing a file fails while another program (a PDF viewer,
 * a virus scanner) has it open.
 */
async function renameReplacing(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const retryable = process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY');
      if (!retryable || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    }
  }
}

/** Flush the directory entry so the rename itself survives a power cut (not possible on Windows). */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: some file systems do not support syncing a directory.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

async function removeQuietly(file: string): Promise<void> {
  await rm(file, { force: true }).catch(() => undefined);
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const hints: Record<string, string> = {
    ENOENT: 'the folder does not exist',
    EACCES: 'permission denied',
    EPERM: 'not permitted (is the file open in another program?)',
    EBUSY: 'the file is in use by another program',
    ENOSPC: 'the disk is full',
    EROFS: 'the file system is read-only',
    EISDIR: 'a folder has that name',
  };
  if (code !== undefined && hints[code] !== undefined) return `${hints[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}
