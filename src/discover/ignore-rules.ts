import { parseGitignoreLine, type GitignorePattern } from './gitignore-pattern.js';

/**
 * The patterns of one .gitignore (or of the defaults and the configuration), compiled once.
 * Git lets the last matching line decide; lines of the same polarity in a row are joined into one
 * regular expression (and literal names into one set), so a 1,000-line .gitignore costs a handful
 * of tests per path instead of a thousand.
 */
class PatternList {
  private readonly groups: Array<{ negated: boolean; any: Matcher; filesOnly: Matcher }> = [];

  constructor(patterns: GitignorePattern[]) {
    let run: GitignorePattern[] = [];
    const flush = () => {
      if (!run.length) return;
      this.groups.push({ negated: run[0]!.negated, any: new Matcher(run), filesOnly: new Matcher(run.filter((p) => !p.dirOnly)) });
      run = [];
    };
    for (const pattern of patterns) {
      if (run.length && run[0]!.negated !== pattern.negated) flush();
      run.push(pattern);
    }
    flush();
  }

  /** true: ignored, false: re-included by a `!` line, undefined: no line matches. */
  decide(rel: string, isDir: boolean): boolean | undefined {
    for (let i = this.groups.length - 1; i >= 0; i--) {
      const group = this.groups[i]!;
      if ((isDir ? group.any : group.filesOnly).test(rel)) return !group.negated;
    }
    return undefined;
  }
}

/**
 * Any of a set of patterns, tested the way ripgrep's globsets are: literal names and paths by set
 * lookup, `*.ext` by the name's extension, other `*suffix` by endsWith, and the rest as one regular
 * expression anchored at the start (so it is tried at one position only).
 */
class Matcher {
  private readonly names = new Set<string>();
  private readonly paths = new Set<string>();
  private readonly extensions = new Set<string>();
  private readonly suffixes: string[] = [];
  private readonly nameRegex: RegExp | undefined;
  private readonly pathRegex: RegExp | undefined;

  constructor(patterns: GitignorePattern[]) {
    const nameSources: string[] = [];
    const pathSources: string[] = [];
    for (const p of patterns) {
      if (p.literal !== undefined) (p.anchored ? this.paths : this.names).add(p.literal);
      else if (p.suffix !== undefined && /^\.[^./]+$/.test(p.suffix)) this.extensions.add(p.suffix);
      else if (p.suffix !== undefined) this.suffixes.push(p.suffix);
      else (p.anchored ? pathSources : nameSources).push(p.source);
    }
    this.nameRegex = anchoredUnion(nameSources);
    this.pathRegex = anchoredUnion(pathSources);
  }

  test(rel: string): boolean {
    if (this.paths.size && this.paths.has(rel)) return true;
    if (this.pathRegex?.test(rel)) return true;
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    if (this.names.size && this.names.has(name)) return true;
    if (this.extensions.size) {
      const dot = name.lastIndexOf('.');
      if (dot > 0 || (dot === 0 && name.length > 1)) {
        // `*.log` matches `a.log` and `.log` (git's `*` may be empty); `a.b.log` by its last part.
        if (this.extensions.has(name.slice(dot))) return true;
      }
    }
    for (const suffix of this.suffixes) if (name.endsWith(suffix)) return true;
    return this.nameRegex !== undefined && this.nameRegex.test(name);
  }
}

function anchoredUnion(sources: string[]): RegExp | undefined {
  return sources.length ? new RegExp(`^(?:${sources.join('|')})$`) : undefined;
}

/**
 * Ignore rules with git's precedence: a folder's .gitignore applies below that folder and overrides
 * the ones above it; the base rules (defaults and configuration) come last. A path inside an ignored
 * folder is ignored whatever later lines say (git never re-includes below an excluded folder).
 * Paths are relative to the scan root, with `/`.
 */
export class IgnoreRules {
  private readonly scopes = new Map<string, PatternList>();
  private readonly base: PatternList;
  private readonly dirCache = new Map<string, boolean>();

  constructor(baseLines: string[]) {
    this.base = new PatternList(compile(baseLines));
  }

  /** The lines of the .gitignore in folder `scope` ('' for the root). */
  addGitignore(scope: string, lines: string[]): void {
    const patterns = compile(lines);
    if (patterns.length) this.scopes.set(scope, new PatternList(patterns));
    this.dirCache.clear();
  }

  /** The path itself, with its folders taken as not ignored (the walk never enters an ignored one). */
  ignoresSelf(rel: string, isDir: boolean): boolean {
    let scope = rel;
    while (true) {
      const cut = scope.lastIndexOf('/');
      scope = cut < 0 ? '' : scope.slice(0, cut);
      const list = this.scopes.get(scope);
      if (list) {
        const decision = list.decide(scope ? rel.slice(scope.length + 1) : rel, isDir);
        if (decision !== undefined) return decision;
      }
      if (!scope) break;
    }
    return this.base.decide(rel, isDir) ?? false;
  }

  /** The path by the base rules alone (its folders taken as not ignored). */
  ignoresBase(rel: string, isDir: boolean): boolean {
    return this.base.decide(rel, isDir) ?? false;
  }

  /** The path or any folder above it. */
  ignores(rel: string, isDir: boolean): boolean {
    const cut = rel.lastIndexOf('/');
    if (cut > 0 && this.ignoresDir(rel.slice(0, cut))) return true;
    return this.ignoresSelf(rel, isDir);
  }

  private ignoresDir(rel: string): boolean {
    let cached = this.dirCache.get(rel);
    if (cached === undefined) {
      cached = this.ignores(rel, true);
      this.dirCache.set(rel, cached);
    }
    return cached;
  }
}

function compile(lines: string[]): GitignorePattern[] {
  return lines.map(parseGitignoreLine).filter((p): p is GitignorePattern => p !== undefined);
}
