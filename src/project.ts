import fs from 'node:fs';
import path from 'node:path';
import { isInside, safeRealpath, toDisplayPath, type DiscoveredFile } from './discover/discover.js';
import { fsPath } from './discover/fs-names.js';
import { readSource } from './discover/read-source.js';
import type { Project } from './extract/scanner.js';

export type MutableProject = Project & { remember(absPath: string, text: string): void; linesOf(displayPath: string): string[] | undefined; textOf(displayPath: string): string | undefined };

/** Texts of files that are not scanned (imports, includes, package.json) kept for reuse, most recent first out last. */
const RECENT_TEXTS = 512;

/**
 * `listFiles` runs on first use of `allFiles`: only the nginx scanner (includers, glob includes) and
 * the version lookup need the whole tree, so runs without them never walk the root a second time.
 * The scanned files' texts are kept for the run (rules quote them, suppressions read them); any
 * other file is read when a scanner asks for it, and only the most recent ones are kept.
 */
export function createProject(cwd: string, root: string, listFiles: () => DiscoveredFile[], maxBytes: number): MutableProject {
  const scanned = new Map<string, string>();
  const recent = new Map<string, { text: string } | { error: string }>();
  const byDisplay = new Map<string, string>();
  const realRoot = safeRealpath(root) ?? root;
  let allFiles: DiscoveredFile[] | undefined;
  // Scanners probe many paths that do not exist (every folder an import could live in); a folder
  // known to be missing answers for everything below it without a system call.
  const folders = new Map<string, boolean>();
  const folderExists = (dir: string): boolean => {
    let known = folders.get(dir);
    if (known === undefined) {
      const parent = path.dirname(dir);
      known = (parent === dir || folderExists(parent)) && isFolder(dir);
      folders.set(dir, known);
    }
    return known;
  };
  const keep = (absPath: string, read: { text: string } | { error: string }) => {
    recent.set(absPath, read);
    if (recent.size > RECENT_TEXTS) recent.delete(recent.keys().next().value!);
    return read;
  };
  const project: MutableProject = {
    root,
    get allFiles() {
      return (allFiles ??= listFiles());
    },
    displayPath: (absPath) => toDisplayPath(cwd, absPath),
    remember(absPath, text) {
      scanned.set(absPath, text);
      byDisplay.set(toDisplayPath(cwd, absPath), absPath);
    },
    readText(absPath) {
      const text = scanned.get(absPath);
      if (text !== undefined) return { text };
      const cached = recent.get(absPath);
      if (cached) {
        recent.delete(absPath);
        return keep(absPath, cached);
      }
      if (!folderExists(path.dirname(absPath))) return keep(absPath, { error: 'no such file or directory' });
      const real = safeRealpath(absPath);
      if (real === undefined) return keep(absPath, { error: 'no such file or directory' });
      if (!isInside(realRoot, real)) return keep(absPath, { error: `outside the scan root ${toDisplayPath(cwd, root)}` });
      const read = readSource(absPath, toDisplayPath(cwd, absPath), maxBytes);
      return keep(absPath, read.ok ? { text: read.text } : { error: read.diagnostic.message });
    },
    linesOf(displayPath) {
      const abs = byDisplay.get(displayPath) ?? path.resolve(cwd, displayPath);
      const read = project.readText(abs);
      return 'text' in read ? read.text.split(/\r?\n/) : undefined;
    },
    // The whole text, line endings kept, for rules that build fixes.
    textOf(displayPath) {
      const read = project.readText(byDisplay.get(displayPath) ?? path.resolve(cwd, displayPath));
      return 'text' in read ? read.text : undefined;
    },
  };
  return project;
}

function isFolder(dir: string): boolean {
  try {
    return fs.statSync(fsPath(dir)).isDirectory();
  } catch {
    return false;
  }
}
