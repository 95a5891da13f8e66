import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Diagnostic, Language } from '../model/types.js';
import { classify } from './classify.js';
import { fsPath } from './fs-names.js';
import { describeError } from './read-source.js';
import { walk } from './walk.js';

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
 * Folders are walked (src/discover/walk.ts); explicit files are taken as given but still honour ignores.
 */
export function discover(inputs: string[], options: DiscoverOptions): Discovery {
  const diagnostics: Diagnostic[] = [];
  const realRoot = safeRealpath(options.root) ?? options.root;
  const ignores = new Ignores(options.root, options.gitignore !== false, options.ignore);
  const seen = new Set<string>();
  const files: DiscoveredFile[] = [];

  /** `knownReal`: the real path when it is known without asking (a regular file found by the walk). */
  const accept = (absPath: string, explicit: boolean, knownReal?: string) => {
    const display = toDisplayPath(options.cwd, absPath);
    const language = classify(absPath);
    if (!language) return;
    if (ignores.ignores(absPath)) return;
    const real = knownReal ?? safeRealpath(absPath);
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
      ignores.loadAncestors(path.dirname(absInput));
      accept(absInput, true);
      continue;
    }
    ignores.loadAncestors(absInput);
    const realInput = safeRealpath(absInput) ?? absInput;
    // Symbolic links are listed but never traversed (no loops); a linked file is read only when
    // it resolves inside the root, which accept() checks and reports. Ignored folders are never read.
    const entries = walk(absInput, {
      // Only folders that hold a .gitignore are read for one (most hold none).
      enterDir: (abs, _rel, names) => {
        if (names.has('.gitignore')) ignores.load(abs);
      },
      skipDir: (rel) => ignores.ignoresDir(path.join(absInput, rel)),
      wantFile: (_name, rel) => classify(path.join(absInput, rel)) !== undefined,
      onError: (abs, error) => {
        if (abs === absInput) diagnostics.push({ kind: 'file-skipped', file: toDisplayPath(options.cwd, abs), message: `cannot read folder: ${describeError(error)}` });
      },
    });
    entries.sort((a, b) => (a.absPath < b.absPath ? -1 : a.absPath > b.absPath ? 1 : 0));
    for (const entry of entries) {
      if (!classify(entry.absPath)) continue;
      if (entry.symlink) {
        if (!isFileOrLinkToFile(entry.absPath)) continue;
        accept(entry.absPath, false);
      } else {
        accept(entry.absPath, false, path.join(realInput, entry.rel));
      }
    }
  }
  return { files, diagnostics };
}

/** Regular files, and symbolic links whose target is a regular file (a dangling link is not listed). */
function isFileOrLinkToFile(entry: string): boolean {
  try {
    return fs.statSync(fsPath(entry)).isFile();
  } catch {
    return false;
  }
}

/**
 * The ignore rules: defaults, the configuration's globs and every .gitignore on the way, each
 * .gitignore read when its folder is first entered and applied below that folder only.
 */
class Ignores {
  private readonly ig: Ignore = ignore();
  private readonly loaded = new Set<string>();
  constructor(private readonly root: string, private readonly gitignore: boolean, extra: string[] | undefined) {
    this.ig.add(DEFAULT_IGNORES.map((g) => g.replace(/^\*\*\//, '').replace(/\/\*\*$/, '/')));
    if (extra) this.ig.add(extra);
  }

  /** The .gitignore files of the root and every folder between it and `dir`. */
  loadAncestors(dir: string): void {
    const rel = path.relative(this.root, dir);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return;
    let current = this.root;
    this.load(current);
    for (const part of rel ? rel.split(path.sep) : []) {
      current = path.join(current, part);
      this.load(current);
    }
  }

  load(dir: string): void {
    if (!this.gitignore || this.loaded.has(dir)) return;
    this.loaded.add(dir);
    const text = safeRead(path.join(dir, '.gitignore'));
    if (text === undefined) return;
    const scope = this.relative(dir);
    if (scope === undefined) return;
    this.ig.add(text.split(/\r?\n/).map((line) => scopeGitignoreLine(line, scope)).filter((l): l is string => l !== undefined));
  }

  ignores(absPath: string): boolean {
    const rel = this.relative(absPath);
    return !!rel && this.ig.ignores(rel);
  }

  ignoresDir(absPath: string): boolean {
    const rel = this.relative(absPath);
    return !!rel && this.ig.ignores(`${rel}/`);
  }

  /** Relative to the root with `/`, or undefined outside it. */
  private relative(absPath: string): string | undefined {
    const rel = path.relative(this.root, absPath);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  }
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

function safeRead(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function safeRealpath(p: string): string | undefined {
  try {
    return fs.realpathSync(fsPath(p));
  } catch {
    return undefined;
  }
}

function describeLinkProblem(p: string): string {
  try {
    fs.realpathSync(fsPath(p));
    return 'cannot resolve path';
  } catch (error) {
    return `cannot resolve path: ${describeError(error)}`;
  }
}

export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
