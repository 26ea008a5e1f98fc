/**
 * A copy of a valid board in a temporary folder that a test breaks one way at a time and puts back.
 * Copying the board for every generated case would cost more than validating it, so the sandbox keeps the
 * board's files in memory, applies a mutation's file operations, and afterwards restores only the paths
 * the mutation touched.
 */
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** One change to the board folder, by path relative to the board (always with `/`). */
export type FileOp =
  /** Replace (or create) a file with these bytes, replacing a folder of that name if there is one. */
  | { op: 'write'; file: string; bytes: Uint8Array }
  /** Remove a file or folder. */
  | { op: 'delete'; file: string }
  /** Replace a file with a folder (holding `children`, names relative to it, if given). */
  | { op: 'dir'; file: string; children?: Record<string, Uint8Array> }
  /** Replace a file with a symbolic link to `target` (relative to the link, or absolute). */
  | { op: 'symlink'; file: string; target: string };

/** What a board folder holds: each file's bytes and each folder, by relative path. */
export interface BoardSnapshot {
  files: Map<string, Uint8Array>;
  dirs: Set<string>;
}

/** Read every file and folder under `dir` into memory. */
export function snapshotBoard(dir: string): BoardSnapshot {
  const files = new Map<string, Uint8Array>();
  const dirs = new Set<string>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        dirs.add(child);
        walk(child);
      } else {
        files.set(child, new Uint8Array(readFileSync(path.join(dir, child))));
      }
    }
  };
  walk('');
  return { files, dirs };
}

/** A temporary copy of a board that mutations are applied to and undone from. */
export class BoardSandbox {
  readonly dir: string;
  readonly snapshot: BoardSnapshot;
  private touched = new Set<string>();

  private constructor(dir: string, snapshot: BoardSnapshot) {
    this.dir = dir;
    this.snapshot = snapshot;
  }

  /** Copy the board at `source` into a new temporary folder. */
  static create(source: string, prefix = 'lscb-hostile-'): BoardSandbox {
    const root = mkdtempSync(path.join(tmpdir(), prefix));
    const dir = path.join(root, 'board');
    cpSync(source, dir, { recursive: true });
    return new BoardSandbox(dir, snapshotBoard(dir));
  }

  /** Apply file operations in order. */
  apply(ops: readonly FileOp[]): void {
    for (const op of ops) {
      this.touched.add(op.file);
      const abs = this.abs(op.file);
      // Parents first: removing a path under a linked folder would follow the link out of the sandbox.
      this.ensureParentDir(op.file);
      removePath(abs);
      if (op.op === 'delete') continue;
      if (op.op === 'write') {
        writeFileSync(abs, op.bytes);
      } else if (op.op === 'dir') {
        mkdirSync(abs);
        for (const [name, bytes] of Object.entries(op.children ?? {})) writeFileSync(path.join(abs, name), bytes);
      } else {
        symlinkSync(op.target, abs);
      }
    }
  }

  /** Put back every path touched since the last restore, exactly as the snapshot holds it. */
  restore(): void {
    for (const rel of [...this.touched].sort()) {
      // A mutation may have replaced an ancestor folder with a file or a link (or removed it): rebuild the
      // chain first, so that nothing below is removed through a link.
      const parts = rel.split('/');
      for (let i = 1; i < parts.length; i++) {
        const ancestor = parts.slice(0, i).join('/');
        if (!isDirectory(this.abs(ancestor))) {
          removePath(this.abs(ancestor));
          if (this.snapshot.dirs.has(ancestor)) this.recreate(ancestor);
        }
      }
      removePath(this.abs(rel));
      this.recreate(rel);
    }
    this.touched.clear();
  }

  /** Paths that differ from the snapshot (missing, extra or changed); empty when the board is intact. */
  differences(): string[] {
    const now = snapshotBoard(this.dir);
    const diffs: string[] = [];
    for (const [rel, bytes] of this.snapshot.files) {
      const got = now.files.get(rel);
      if (!got) diffs.push(`missing ${rel}`);
      else if (Buffer.compare(Buffer.from(got), Buffer.from(bytes)) !== 0) diffs.push(`changed ${rel}`);
    }
    for (const rel of now.files.keys()) if (!this.snapshot.files.has(rel)) diffs.push(`extra ${rel}`);
    for (const rel of this.snapshot.dirs) if (!now.dirs.has(rel)) diffs.push(`missing folder ${rel}`);
    for (const rel of now.dirs) if (!this.snapshot.dirs.has(rel)) diffs.push(`extra folder ${rel}`);
    return diffs;
  }

  /** Remove the sandbox and its temporary folder. */
  remove(): void {
    rmSync(path.dirname(this.dir), { recursive: true, force: true });
  }

  private abs(rel: string): string {
    return path.join(this.dir, ...rel.split('/'));
  }

  /** Make the folder a file is written into, replacing any file that stands where a folder must be. */
  private ensureParentDir(rel: string): void {
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      const ancestor = this.abs(parts.slice(0, i).join('/'));
      if (!isDirectory(ancestor)) {
        removePath(ancestor);
        mkdirSync(ancestor);
        this.touched.add(parts.slice(0, i).join('/'));
      }
    }
  }

  /** Write the snapshot's file, or the snapshot's folder and everything under it, at `rel`. */
  private recreate(rel: string): void {
    const file = this.snapshot.files.get(rel);
    if (file) {
      writeFileSync(this.abs(rel), file);
      return;
    }
    if (!this.snapshot.dirs.has(rel)) return;
    mkdirSync(this.abs(rel), { recursive: true });
    const prefix = `${rel}/`;
    for (const dir of this.snapshot.dirs) if (dir.startsWith(prefix)) mkdirSync(this.abs(dir), { recursive: true });
    for (const [name, bytes] of this.snapshot.files) if (name.startsWith(prefix)) writeFileSync(this.abs(name), bytes);
  }
}

function isDirectory(abs: string): boolean {
  try {
    return lstatSync(abs).isDirectory();
  } catch {
    return false;
  }
}

function removePath(abs: string): void {
  rmSync(abs, { recursive: true, force: true });
}
