import path from 'node:path';
import picomatch from 'picomatch';
import type { Diagnostic } from '../../model/types.js';
import type { Project } from '../scanner.js';
import { parseNginx, type NginxDirective } from '../../parse/nginx/index.js';
import { isTemplatePath } from './files.js';

/** Include chains deeper than this are cut (real ones are two or three files deep). */
export const MAX_INCLUDE_DEPTH = 16;
/** A repository whose includes multiply (each file including the next many times) is cut here. */
export const MAX_EXPANDED_DIRECTIVES = 200_000;

export interface ParsedFile {
  absPath: string;
  path: string;
  directives: NginxDirective[];
}

/**
 * Reads and parses nginx files once each, and inlines `include` directives the way nginx does:
 * relative paths resolve against the directory of the top-level configuration (nginx's conf prefix,
 * ngx_conf_full_name(cycle, name, 1) in src/core/ngx_conf_file.c), globs expand to a sorted list and may
 * match nothing, a file outside the scan root is not read, cycles are cut.
 */
export class IncludeLoader {
  private readonly parsed = new Map<string, ParsedFile | { error: string }>();
  /** Directives inlined from includes so far: files included many times over are a bounded cost. */
  private expandedCount = 0;
  /** Diagnostics, each reported once however often a file is included. */
  private readonly reported = new Map<string, Diagnostic>();

  constructor(private readonly project: Project) {}

  get diagnostics(): Diagnostic[] {
    return [...this.reported.values()];
  }

  private report(d: Diagnostic): void {
    const key = `${d.kind}\0${d.file}\0${d.line}\0${d.column}\0${d.message}`;
    if (!this.reported.has(key)) this.reported.set(key, d);
  }

  load(absPath: string, knownText?: string): ParsedFile | { error: string } {
    const cached = this.parsed.get(absPath);
    if (cached) return cached;
    const read = knownText !== undefined ? { text: knownText } : this.project.readText(absPath);
    if ('error' in read) {
      const failed = { error: read.error };
      this.parsed.set(absPath, failed);
      return failed;
    }
    const display = this.project.displayPath(absPath);
    const result = parseNginx(read.text, display, { template: isTemplatePath(absPath) });
    for (const d of result.diagnostics) this.report(d);
    const file: ParsedFile = { absPath, path: display, directives: result.directives };
    this.parsed.set(absPath, file);
    return file;
  }

  /**
   * Absolute paths an include argument names, in nginx's order. An absolute path under a standard
   * configuration directory (`/etc/nginx/conf.d/*.conf`, as Docker images lay it out) is looked up
   * beside the top-level file when the repository holds it there.
   */
  resolveInclude(pattern: string, prefixDir: string): { files: string[]; glob: boolean } {
    const inRepo = path.isAbsolute(pattern) ? repoEquivalent(pattern, prefixDir) : undefined;
    if (inRepo) {
      const found = this.resolvePath(inRepo, pattern);
      if (found.files.some((f) => 'text' in this.project.readText(f))) return found;
    }
    return this.resolvePath(path.isAbsolute(pattern) ? pattern : path.resolve(prefixDir, pattern), pattern);
  }

  private resolvePath(target: string, pattern: string): { files: string[]; glob: boolean } {
    if (!/[*?[]/.test(pattern)) return { files: [target], glob: false };
    const isMatch = picomatch(target.split(path.sep).join('/'), { dot: false });
    const files = this.project.allFiles
      .filter((f) => f.language === 'nginx' && isMatch(f.absPath.split(path.sep).join('/')))
      .map((f) => f.absPath)
      .sort();
    return { files, glob: true };
  }

  /** The paths a file includes directly (resolved against prefixDir), without reading them. */
  directIncludes(file: ParsedFile, prefixDir: string): string[] {
    const out: string[] = [];
    const walk = (ds: NginxDirective[]) => {
      for (const d of ds) {
        if (d.name === 'include' && d.args.length === 1 && !d.args[0]!.templated) {
          out.push(...this.resolveInclude(d.args[0]!.value, prefixDir).files);
        }
        if (d.block) walk(d.block);
      }
    };
    walk(file.directives);
    return out;
  }

  /**
   * The file's directives with every include replaced by the included directives (recursively).
   * `reached` collects every file read on the way.
   */
  expand(absPath: string, prefixDir: string, reached: Set<string>, knownText?: string): NginxDirective[] {
    const root = this.load(absPath, knownText);
    if ('error' in root) return [];
    reached.add(absPath);
    return this.expandList(root.directives, prefixDir, [absPath], reached);
  }

  private expandList(directives: NginxDirective[], prefixDir: string, stack: string[], reached: Set<string>): NginxDirective[] {
    const out: NginxDirective[] = [];
    for (const d of directives) {
      if (d.name === 'include' && d.args.length === 1 && !d.block) {
        out.push(...this.expandInclude(d, prefixDir, stack, reached));
        continue;
      }
      out.push(d.block && d.block.length ? { ...d, block: this.expandList(d.block, prefixDir, stack, reached) } : d);
    }
    return out;
  }

  private expandInclude(d: NginxDirective, prefixDir: string, stack: string[], reached: Set<string>): NginxDirective[] {
    const arg = d.args[0]!;
    if (arg.templated) {
      this.report({ kind: 'unsupported', file: d.file, line: d.span.line, column: d.span.column, message: `include ${arg.raw}: templated path, not followed` });
      return [];
    }
    const { files, glob } = this.resolveInclude(arg.value, prefixDir);
    const out: NginxDirective[] = [];
    for (const file of files) {
      if (stack.length > MAX_INCLUDE_DEPTH) {
        this.report({ kind: 'file-skipped', file: d.file, line: d.span.line, column: d.span.column, message: `include "${arg.value}" is nested more than ${MAX_INCLUDE_DEPTH} files deep; not followed` });
        return out;
      }
      if (this.expandedCount > MAX_EXPANDED_DIRECTIVES) {
        this.report({ kind: 'file-skipped', file: d.file, line: d.span.line, column: d.span.column, message: `include "${arg.value}": the configuration expands to more than ${MAX_EXPANDED_DIRECTIVES} directives; the rest is not followed` });
        return out;
      }
      if (stack.includes(file)) {
        const chain = [...stack, file].map((f) => this.project.displayPath(f)).join(' -> ');
        this.report({ kind: 'file-skipped', file: d.file, line: d.span.line, column: d.span.column, message: `include "${arg.value}" forms a cycle (${chain}); not followed again` });
        continue;
      }
      const loaded = this.load(file);
      if ('error' in loaded) {
        if (!glob) {
          this.report({ kind: 'file-skipped', file: d.file, line: d.span.line, column: d.span.column, message: `include "${arg.value}" (${this.project.displayPath(file)}) not read: ${loaded.error}` });
        }
        continue;
      }
      reached.add(file);
      this.expandedCount += loaded.directives.length;
      out.push(...this.expandList(loaded.directives, prefixDir, [...stack, file], reached));
    }
    return out;
  }
}

/** Where packages and images keep nginx's configuration directory. */
const STANDARD_PREFIXES = ['/etc/nginx/', '/usr/local/nginx/conf/', '/usr/local/etc/nginx/', '/usr/local/openresty/nginx/conf/', '/opt/homebrew/etc/nginx/'];

function repoEquivalent(absolute: string, prefixDir: string): string | undefined {
  const prefix = STANDARD_PREFIXES.find((p) => absolute.startsWith(p));
  return prefix ? path.join(prefixDir, absolute.slice(prefix.length)) : undefined;
}
