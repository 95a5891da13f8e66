import path from 'node:path';
import type { Project } from '../scanner.js';
import type { Diagnostic } from '../../model/types.js';
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

  constructor(readonly project: Project) {}

  /** A file handed to the scanner (its text is already read). */
  load(absPath: string, displayPath: string, text: string): JsModule | Diagnostic {
    const cached = this.cache.get(absPath);
    if (cached && 'program' in cached) return cached;
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
