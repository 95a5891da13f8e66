import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Language } from '../model/types.js';
import { classify } from './classify.js';
import { fsPath } from './fs-names.js';
import { IgnoreRules } from './ignore-rules.js';
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
  /**
   * Also list the files this names a kind for (environment and frontend files), whatever the
   * .gitignore files say about them: an ignored `.env` is what a developer runs with. Folders the
   * defaults, the configuration or a .gitignore exclude are still never entered.
   */
  context?: { kindOf(name: string): string | undefined; inFolder(rel: string): boolean };
  /** Told about each regular file as the walk finds it, before discovery ends (to start reading it). */
  onFile?(absPath: string, displayPath: string, language: Language): void;
}

export interface Discovery {
  files: DiscoveredFile[];
  /** With `context`: the files it names a kind for, in walk order. */
  context: Array<{ absPath: string; kind: string }>;
  diagnostics: Diagnostic[];
}

const DOT_SEGMENT = /[\\/]\.\.?(?:[\\/]|$)|[\\/]{2}/;

export function toDisplayPath(cwd: string, absPath: string): string {
  // The common case, a path below the current directory, without path.relative's normalising.
  if (absPath.length > cwd.length + 1 && absPath.startsWith(cwd) && absPath[cwd.length] === path.sep && !cwd.endsWith(path.sep) && !DOT_SEGMENT.test(absPath)) {
    const rel = absPath.slice(cwd.length + 1);
    return path.sep === '/' ? rel : rel.split(path.sep).join('/');
  }
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
  const context: Discovery['context'] = [];

  /** Whether the folder being walked lies inside the root (then so does every regular file below it). */
  let realInputInside = false;
  /** `knownReal`: the real path of a regular file found by the walk, known without asking. */
  const accept = (absPath: string, language: Language, explicit: boolean, knownReal?: string, knownDisplay?: string) => {
    const display = knownDisplay ?? toDisplayPath(options.cwd, absPath);
    const real = knownReal ?? safeRealpath(absPath);
    if (real === undefined) {
      if (explicit) diagnostics.push({ kind: 'file-skipped', file: display, message: describeLinkProblem(absPath) });
      return;
    }
    if (!(knownReal !== undefined && realInputInside) && !isInside(realRoot, real)) {
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
      const language = classify(absInput);
      if (language && !ignores.ignores(absInput)) accept(absInput, language, true);
      const kind = options.context?.kindOf(path.basename(absInput));
      if (kind) context.push({ absPath: absInput, kind });
      continue;
    }
    ignores.loadAncestors(absInput);
    if (ignores.ignores(absInput, true)) continue;
    const realInput = safeRealpath(absInput) ?? absInput;
    // Regular files found by the walk lie below the walked folder: inside the root when it is.
    realInputInside = isInside(realRoot, realInput);
    const realPrefix = realInput.endsWith(path.sep) ? realInput : realInput + path.sep;
    const base = ignores.relative(absInput) ?? '';
    const fromRoot = (rel: string) => (base ? `${base}/${rel}` : rel);
    // Symbolic links are listed but never traversed (no loops); a linked file is read only when
    // it resolves inside the root, which accept() checks and reports. Ignored folders are never read.
    const entries = walk(absInput, {
      // Only folders that hold a .gitignore are read for one (most hold none).
      enterDir: (abs, _rel, has) => {
        if (has('.gitignore')) ignores.load(abs);
      },
      skipDir: (rel) => ignores.ignoresEntry(fromRoot(rel), true),
      want: (name, dir, abs) => {
        const kind = options.context?.kindOf(name);
        if (kind && options.context!.inFolder(fromRoot(dir)) && !ignores.ignoresByBase(fromRoot(dir ? `${dir}/${name}` : name))) context.push({ absPath: abs, kind });
        const language = classify(abs);
        if (!language || ignores.ignoresEntry(fromRoot(dir ? `${dir}/${name}` : name), false)) return undefined;
        const display = toDisplayPath(options.cwd, abs);
        options.onFile?.(abs, display, language);
        return { language, display };
      },
      onError: (abs, error) => {
        if (abs === absInput) diagnostics.push({ kind: 'file-skipped', file: toDisplayPath(options.cwd, abs), message: `cannot read folder: ${describeError(error)}` });
      },
    });
    entries.sort((a, b) => (a.absPath < b.absPath ? -1 : a.absPath > b.absPath ? 1 : 0));
    for (const entry of entries) {
      if (entry.symlink) {
        if (isFileOrLinkToFile(entry.absPath)) accept(entry.absPath, entry.tag.language, false, undefined, entry.tag.display);
      } else {
        // Without links above the walked folder the real path is the path itself (no new string per file).
        const real = realInput === absInput ? entry.absPath : realPrefix + (path.sep === '/' ? entry.rel : entry.rel.split('/').join(path.sep));
        accept(entry.absPath, entry.tag.language, false, real, entry.tag.display);
      }
    }
  }
  return { files, diagnostics, context };
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
  private readonly rules: IgnoreRules;
  private readonly loaded = new Set<string>();
  constructor(private readonly root: string, private readonly gitignore: boolean, extra: string[] | undefined) {
    this.rules = new IgnoreRules([...DEFAULT_IGNORES.map(defaultAsGitignoreLine), ...(extra ?? [])]);
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
    this.rules.addGitignore(scope, text.split('\n'));
  }

  /** A path given by the user: it, or a folder above it, is ignored. */
  ignores(absPath: string, isDir = false): boolean {
    const rel = this.relative(absPath);
    return !!rel && this.rules.ignores(rel, isDir);
  }

  /** A file by the defaults and the configuration only (no .gitignore). */
  ignoresByBase(rel: string): boolean {
    return this.rules.ignoresBase(rel, false);
  }

  /** An entry met by the walk, whose folders are known not to be ignored. */
  ignoresEntry(rel: string, isDir: boolean): boolean {
    return this.rules.ignoresSelf(rel, isDir);
  }

  /** Relative to the root with `/`, or undefined outside it. */
  relative(absPath: string): string | undefined {
    const rel = path.relative(this.root, absPath);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return path.sep === '/' ? rel : rel.split(path.sep).join('/');
  }
}

/** A default glob as a .gitignore line: a folder at any depth becomes `node_modules/`, which the walk never enters. */
function defaultAsGitignoreLine(glob: string): string {
  const folder = glob.replace(/\/\*\*$/, '/');
  const rest = folder.replace(/^\*\*\//, '');
  return rest.replace(/\/$/, '').includes('/') ? folder : rest;
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
    return fs.realpathSync.native(fsPath(p));
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

/** `candidate` is `root` or below it (both absolute). */
export function isInside(root: string, candidate: string): boolean {
  // Normalised paths (no `.`/`..` segments, no doubled separators) are compared as strings.
  if (!DOT_SEGMENT.test(candidate) && !DOT_SEGMENT.test(root)) {
    const base = root.endsWith(path.sep) ? root.slice(0, -1) : root;
    return candidate === base || candidate === root || candidate.startsWith(base + path.sep);
  }
  const rel = path.relative(root, candidate);
  // `..b` is a name inside the root; only `..` itself leaves it.
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
