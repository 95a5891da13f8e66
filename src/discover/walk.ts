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
  enterDir?(absPath: string, rel: string, names: ReadonlySet<string>): void;
  /** A folder that is skipped with everything below it (checked before it is read). */
  skipDir(rel: string): boolean;
  /** Only files this tags are reported (no other file is ever stat'ed). */
  want(name: string, rel: string, absPath: string): T | undefined;
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
    let entries: fs.Dirent<Buffer>[];
    try {
      entries = fs.readdirSync(current.raw, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      options.onError?.(current.abs, error);
      continue;
    }
    const named = entries.map((entry) => ({ entry, ...decodeName(entry.name) }));
    options.enterDir?.(current.abs, current.rel, new Set(named.map((n) => n.name)));
    named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: typeof stack = [];
    for (const { entry, name, exact } of named) {
      const abs = path.join(current.abs, name);
      const raw = exact && typeof current.raw === 'string' ? abs : joinRaw(current.raw, entry.name);
      if (typeof raw !== 'string') rememberRawPath(abs, raw);
      const rel = current.rel ? `${current.rel}/${name}` : name;
      const type = entry.isSymbolicLink() ? 'link' : entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : typeOf(raw);
      if (type === 'dir') {
        if (!options.skipDir(rel)) subdirs.push({ abs, raw, rel });
      } else if (type === 'file' || type === 'link') {
        const tag = options.want(name, rel, abs);
        if (tag !== undefined) out.push({ absPath: abs, rel, symlink: type === 'link', tag });
      }
    }
    // Depth first in name order: push in reverse so the first folder is read next.
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
  }
  return out;
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
