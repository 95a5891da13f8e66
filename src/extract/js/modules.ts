import path from 'node:path';
import type { Project } from '../scanner.js';
import type { Diagnostic } from '../../model/types.js';
import { nestingProblem } from '../../parse/nesting.js';
import { parseJs, type JsProgram } from '../../parse/js.js';
import { Scopes } from './scope.js';

/** One parsed JavaScript/TypeScript file with its scopes. */
export interface JsModule {
  absPath: string;
  /** Display path (Span.file). */
  path: string;
  text: string;
  program: JsProgram;
  scopes: Scopes;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/**
 * Parses files once and follows same-repository imports (`./config`, `../lib/cors.js`) through
 * Project.readText, which never leaves the scan root. Parse failures are cached too.
 */
export class ModuleLoader {
  private readonly cache = new Map<string, JsModule | { error: string }>();
  readonly diagnostics: Diagnostic[] = [];

  private readonly compilerPaths = new Map<string, CompilerPaths | null>();

  constructor(readonly project: Project) {}

  /**
   * A bare specifier that tsconfig/jsconfig `paths` or `baseUrl` maps into the repository
   * (`@/config`, `src/config/cors`), or undefined when it names a package.
   */
  resolveAlias(from: JsModule, specifier: string): JsModule | undefined {
    const config = this.compilerPathsFor(path.dirname(from.absPath));
    if (!config) return undefined;
    const bases: string[] = [];
    for (const [pattern, targets] of config.paths) {
      const star = pattern.indexOf('*');
      let captured: string | undefined;
      if (star === -1) captured = pattern === specifier ? '' : undefined;
      else {
        const prefix = pattern.slice(0, star);
        const suffix = pattern.slice(star + 1);
        if (specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length) {
          captured = specifier.slice(prefix.length, specifier.length - suffix.length);
        }
      }
      if (captured === undefined) continue;
      for (const target of targets) bases.push(path.resolve(config.pathsBase, target.replace('*', captured)));
    }
    if (config.baseUrl) bases.push(path.resolve(config.baseUrl, specifier));
    for (const base of bases) {
      for (const candidate of candidates(base)) {
        const read = this.project.readText(candidate);
        if ('error' in read) continue;
        const loaded = this.load(candidate, this.project.displayPath(candidate), read.text);
        if ('program' in loaded) return loaded;
        return undefined;
      }
    }
    return undefined;
  }

  private compilerPathsFor(dir: string): CompilerPaths | null {
    const cached = this.compilerPaths.get(dir);
    if (cached !== undefined) return cached;
    let found: CompilerPaths | null = null;
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const file = path.join(dir, name);
      const read = this.project.readText(file);
      if ('text' in read) {
        found = readCompilerPaths(file, read.text, (f) => this.project.readText(f), 0);
        break;
      }
    }
    if (!found) {
      const parent = path.dirname(dir);
      const inside = !path.relative(this.project.root, parent).startsWith('..');
      found = parent !== dir && inside ? this.compilerPathsFor(parent) : null;
    }
    this.compilerPaths.set(dir, found);
    return found;
  }

  /** A file handed to the scanner (its text is already read). */
  load(absPath: string, displayPath: string, text: string): JsModule | Diagnostic {
    const cached = this.cache.get(absPath);
    if (cached && 'program' in cached) return cached;
    const tooDeep = nestingProblem(text, 'js');
    if (tooDeep) {
      this.cache.set(absPath, { error: tooDeep });
      return { kind: 'file-skipped', file: displayPath, message: tooDeep };
    }
    const parsed = parseJs(text, absPath);
    if (!parsed.ok) {
      const diagnostic: Diagnostic = {
        kind: 'parse-error',
        file: displayPath,
        message: `cannot parse: ${parsed.message}`,
        line: parsed.line,
        column: parsed.column,
      };
      this.cache.set(absPath, { error: diagnostic.message });
      return diagnostic;
    }
    const module: JsModule = { absPath, path: displayPath, text, program: parsed.program, scopes: new Scopes(parsed.program) };
    this.cache.set(absPath, module);
    return module;
  }

  /** The module a relative specifier names, or a reason it cannot be followed. */
  resolve(from: JsModule, specifier: string): JsModule | { error: string } {
    if (!specifier.startsWith('.') && !specifier.startsWith('/')) return { error: `package import '${specifier}' is not followed` };
    const base = path.resolve(path.dirname(from.absPath), specifier);
    for (const candidate of candidates(base)) {
      const cached = this.cache.get(candidate);
      if (cached) {
        if ('program' in cached) return cached;
        continue;
      }
      const read = this.project.readText(candidate);
      if ('error' in read) continue;
      const loaded = this.load(candidate, this.project.displayPath(candidate), read.text);
      if ('program' in loaded) return loaded;
      return { error: `${this.project.displayPath(candidate)} does not parse` };
    }
    return { error: `cannot find '${specifier}' from ${from.path}` };
  }
}

interface CompilerPaths {
  baseUrl?: string;
  /** Folder that `paths` targets are relative to (baseUrl, else the tsconfig's folder). */
  pathsBase: string;
  paths: Array<[string, string[]]>;
}

/** compilerOptions.baseUrl/paths of a tsconfig (JSON with comments), following relative `extends`. */
function readCompilerPaths(file: string, text: string, read: Project['readText'], depth: number): CompilerPaths | null {
  let json: unknown;
  try {
    json = JSON.parse(stripJsonComments(text));
  } catch {
    return null;
  }
  if (!json || typeof json !== 'object') return null;
  const dir = path.dirname(file);
  const record = json as { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } };
  let inherited: CompilerPaths | null = null;
  if (typeof record.extends === 'string' && record.extends.startsWith('.') && depth < 4) {
    const parentFile = path.resolve(dir, record.extends.endsWith('.json') ? record.extends : `${record.extends}.json`);
    const parent = read(parentFile);
    if ('text' in parent) inherited = readCompilerPaths(parentFile, parent.text, read, depth + 1);
  }
  const options = record.compilerOptions ?? {};
  const baseUrl = typeof options.baseUrl === 'string' ? path.resolve(dir, options.baseUrl) : inherited?.baseUrl;
  let paths = inherited?.paths ?? [];
  let pathsBase = inherited?.pathsBase ?? baseUrl ?? dir;
  if (options.paths && typeof options.paths === 'object') {
    paths = Object.entries(options.paths as Record<string, unknown>)
      .filter((e): e is [string, string[]] => Array.isArray(e[1]) && e[1].every((t) => typeof t === 'string'));
    pathsBase = baseUrl ?? dir;
  }
  if (!baseUrl && !paths.length) return null;
  return { baseUrl, pathsBase, paths };
}

/** Removes // and /* *\/ comments and trailing commas outside strings. */
function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

function candidates(base: string): string[] {
  const out: string[] = [];
  const ext = path.extname(base);
  if (EXTENSIONS.includes(ext)) {
    out.push(base);
    // TypeScript NodeNext style: `./config.js` is written for `./config.ts`.
    const stem = base.slice(0, -ext.length);
    const mapped: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'], '.jsx': ['.tsx'] };
    for (const alt of mapped[ext] ?? []) out.push(stem + alt);
  } else {
    for (const e of EXTENSIONS) out.push(base + e);
  }
  for (const e of EXTENSIONS) out.push(path.join(base, `index${e}`));
  return out;
}
