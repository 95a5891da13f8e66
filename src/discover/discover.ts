import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import type { Diagnostic, Language } from '../model/types.js';
import { classify } from './classify.js';
import { describeError } from './read-source.js';

/** Folders no one wants linted: dependencies, virtualenvs, VCS data, build output, caches. */
export const DEFAULT_IGNORES = [
  '**/node_modules/**',
  '**/.git/**',
  '**/.hg/**',
  '**/.svn/**',
  '**/.venv/**',
  '**/venv/**',
  '**/.env/**',
  '**/env/lib/**',
  '**/site-packages/**',
  '**/__pycache__/**',
  '**/.tox/**',
  '**/.nox/**',
  '**/.mypy_cache/**',
  '**/.pytest_cache/**',
  '**/dist/**',
  '**/build/**',
  '**/out/**',
  '**/.next/**',
  '**/.nuxt/**',
  '**/coverage/**',
  '**/vendor/**',
  '**/bower_components/**',
  '**/*.min.js',
];

export interface DiscoveredFile {
  absPath: string;
  /** Relative to the current directory, with `/`. */
  path: string;
  language: Language;
}

export interface DiscoverOptions {
  cwd: string;
  /** The scan root: nothing outside it is read (symlinks, includes). */
  root: string;
  /** Extra ignore globs from the configuration (relative to the root). */
  ignore?: string[];
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
}

export interface Discovery {
  files: DiscoveredFile[];
  diagnostics: Diagnostic[];
}

export function toDisplayPath(cwd: string, absPath: string): string {
  const rel = path.relative(cwd, absPath) || path.basename(absPath);
  return rel.split(path.sep).join('/');
}

/**
 * Paths (folders or files, as pre-commit passes them) -> files cors-lint reads, with their language.
 * Folders are walked with fast-glob; explicit files are taken as given but still honour ignores.
 */
export function discover(inputs: string[], options: DiscoverOptions): Discovery {
  const diagnostics: Diagnostic[] = [];
  const realRoot = safeRealpath(options.root) ?? options.root;
  const ignores = buildIgnore(options, realRoot);
  const seen = new Set<string>();
  const files: DiscoveredFile[] = [];

  const accept = (absPath: string, explicit: boolean) => {
    const display = toDisplayPath(options.cwd, absPath);
    const language = classify(absPath);
    if (!language) return;
    const relToRoot = path.relative(options.root, absPath).split(path.sep).join('/');
    if (relToRoot && !relToRoot.startsWith('..') && ignores.ignores(relToRoot)) return;
    const real = safeRealpath(absPath);
    if (real === undefined) {
      if (explicit) diagnostics.push({ kind: 'file-skipped', file: display, message: describeLinkProblem(absPath) });
      return;
    }
    if (!isInside(realRoot, real)) {
      diagnostics.push({ kind: 'file-skipped', file: display, message: `resolves outside the scan root (${real}); not read` });
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ absPath, path: display, language });
  };

  for (const input of inputs) {
    const absInput = path.resolve(options.cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absInput);
    } catch (error) {
      diagnostics.push({ kind: 'file-skipped', file: toDisplayPath(options.cwd, absInput), message: `cannot read path: ${describeError(error)}` });
      continue;
    }
    if (stat.isFile()) {
      accept(absInput, true);
      continue;
    }
    // Symbolic links are listed but never traversed (no loops); a linked file is read only when
    // it resolves inside the root, which accept() checks and reports.
    const entries = fg.sync('**/*', {
      cwd: absInput,
      absolute: true,
      dot: true,
      onlyFiles: false,
      markDirectories: true,
      followSymbolicLinks: false,
      suppressErrors: true,
      ignore: DEFAULT_IGNORES,
    });
    entries.sort();
    for (const entry of entries) {
      if (entry.endsWith('/') || !classify(entry)) continue;
      if (!isFileOrLinkToFile(entry)) continue;
      accept(path.normalize(entry), false);
    }
  }
  return { files, diagnostics };
}

/** Regular files, and symbolic links whose target is a regular file (a dangling link is not listed). */
function isFileOrLinkToFile(entry: string): boolean {
  try {
    return fs.statSync(entry).isFile();
  } catch {
    return false;
  }
}

function buildIgnore(options: DiscoverOptions, realRoot: string): Ignore {
  const ig = ignore();
  ig.add(DEFAULT_IGNORES.map((g) => g.replace(/^\*\*\//, '').replace(/\/\*\*$/, '/')));
  if (options.ignore) ig.add(options.ignore);
  if (options.gitignore !== false) {
    for (const file of findGitignores(options.root)) {
      const text = safeRead(file);
      if (text === undefined) continue;
      const dir = path.relative(options.root, path.dirname(file)).split(path.sep).join('/');
      const lines = text.split(/\r?\n/).map((line) => scopeGitignoreLine(line, dir)).filter((l): l is string => l !== undefined);
      ig.add(lines);
    }
  }
  void realRoot;
  return ig;
}

/** A nested .gitignore's patterns apply below its folder. */
function scopeGitignoreLine(line: string, dir: string): string | undefined {
  const trimmed = line.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  if (!dir) return trimmed;
  const negated = trimmed.startsWith('!');
  const body = negated ? trimmed.slice(1) : trimmed;
  const anchored = body.startsWith('/') || body.slice(0, -1).includes('/');
  const scoped = anchored ? `${dir}/${body.replace(/^\//, '')}` : `${dir}/**/${body}`;
  return negated ? `!${scoped}` : scoped;
}

function findGitignores(root: string): string[] {
  return fg.sync('**/.gitignore', {
    cwd: root,
    absolute: true,
    dot: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: ['**/node_modules/**', '**/.git/**'],
  });
}

function safeRead(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function safeRealpath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

function describeLinkProblem(p: string): string {
  try {
    fs.realpathSync(p);
    return 'cannot resolve path';
  } catch (error) {
    return `cannot resolve path: ${describeError(error)}`;
  }
}

export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
