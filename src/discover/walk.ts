import fs from 'node:fs';
import path from 'node:path';
import { decodeName, joinRaw, rememberRawPath } from './fs-names.js';

export interface WalkEntry<T> {
  /** Absolute path as a string (undecodable bytes escaped, see fs-names). */
  absPath: string;
  /** Relative to the walked folder, with `/`. */
  rel: string;
  /** The entry is a symbolic link (never followed into; the caller decides about linked files). */
  symlink: boolean;
  /** What `want` said about the file. */
  tag: T;
}

export interface WalkOptions<T> {
  /**
   * Called once a folder is listed, before its entries are looked at (to read its .gitignore, say);
   * `rel` is '' for the walked folder itself, `names` are its entries.
   */
  enterDir?(absPath: string, rel: string, has: (name: string) => boolean): void;
  /** A folder that is skipped with everything below it (checked before it is read). */
  skipDir(rel: string): boolean;
  /** Only files this tags are reported (no other file is ever stat'ed); `dir` is the folder's `rel`. */
  want(name: string, dir: string, absPath: string): T | undefined;
  /** A folder that cannot be read. */
  onError?(absPath: string, error: unknown): void;
}

/**
 * Lists the files below a folder without following symbolic links (so no loops), in a stable order.
 * Iterative, so depth is no limit; one `readdir` per folder with file types, and a `stat` only for
 * entries whose type the file system does not tell. Every name is kept, whatever bytes it holds.
 */
export function walk<T>(dir: string, options: WalkOptions<T>): Array<WalkEntry<T>> {
  const out: Array<WalkEntry<T>> = [];
  const stack: Array<{ abs: string; raw: string | Buffer; rel: string }> = [{ abs: dir, raw: dir, rel: '' }];
  while (stack.length) {
    const current = stack.pop()!;
    const named = list(current.raw, current.abs, options);
    if (!named) continue;
    options.enterDir?.(current.abs, current.rel, (name) => named.some((n) => n.name === name));
    named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: typeof stack = [];
    const prefix = current.abs.endsWith(path.sep) ? current.abs : current.abs + path.sep;
    for (const { entry, name, bytes } of named) {
      const abs = prefix + name;
      const raw = !bytes && typeof current.raw === 'string' ? abs : joinRaw(current.raw, bytes ?? Buffer.from(name));
      if (typeof raw !== 'string') rememberRawPath(abs, raw);
      const type = entry.isSymbolicLink() ? 'link' : entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : typeOf(raw);
      if (type === 'dir') {
        const rel = current.rel ? `${current.rel}/${name}` : name;
        if (!options.skipDir(rel)) subdirs.push({ abs, raw, rel });
      } else if (type === 'file' || type === 'link') {
        const tag = options.want(name, current.rel, abs);
        if (tag !== undefined) out.push({ absPath: abs, rel: current.rel ? `${current.rel}/${name}` : name, symlink: type === 'link', tag });
      }
    }
    // Depth first in name order: push in reverse so the first folder is read next.
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
  }
  return out;
}

interface Named {
  entry: fs.Dirent<string> | fs.Dirent<Buffer>;
  name: string;
  /** The real bytes of a name that is not UTF-8 (then `name` is its escaped form). */
  bytes?: Buffer;
}

/**
 * One folder's entries. Names are read as strings; only a folder with a name that did not decode
 * (U+FFFD) is listed again as bytes, so every other folder costs no conversions.
 */
function list(raw: string | Buffer, abs: string, options: { onError?(absPath: string, error: unknown): void }): Named[] | undefined {
  try {
    if (typeof raw === 'string') {
      const entries = fs.readdirSync(raw, { withFileTypes: true });
      if (!entries.some((e) => e.name.includes('\uFFFD'))) return entries.map((entry) => ({ entry, name: entry.name }));
    }
    return fs.readdirSync(raw, { withFileTypes: true, encoding: 'buffer' }).map((entry) => {
      const { name, exact } = decodeName(entry.name);
      return exact ? { entry, name } : { entry, name, bytes: entry.name };
    });
  } catch (error) {
    options.onError?.(abs, error);
    return undefined;
  }
}

/** Entries whose type readdir did not report (some file systems): ask lstat. */
function typeOf(p: string | Buffer): 'dir' | 'file' | 'link' | 'other' {
  try {
    const s = fs.lstatSync(p);
    return s.isSymbolicLink() ? 'link' : s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other';
  } catch {
    return 'other';
  }
}
