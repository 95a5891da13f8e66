import { loadJsParser } from '../../parse/js.js';
import type { CorsPolicy, Diagnostic, SourceFile } from '../../model/types.js';
import type { Project, ScanOptions, Scanner, ScanResult } from '../scanner.js';
import { scanFailure, withFileBudget } from '../budget.js';
import { PackageVersions } from './package-versions.js';
import { extractModule } from './extract.js';
import type { OptionsCandidate } from './exported-options.js';
import { ModuleLoader } from './modules.js';
import { Evaluator } from './values.js';

const MENTIONS_CORS = /cors|access-control-/i;
const SOCKET_IO = /socket\.io/;

/** Files at least this large whose longest line is at least MINIFIED_LINE are treated as bundles. */
const MINIFIED_MIN_BYTES = 200 * 1024;
const MINIFIED_LINE = 20_000;

/**
 * The JavaScript/TypeScript scanner: npm cors (Express, NestJS), @fastify/cors, @koa/cors and
 * hand-written Access-Control-* headers. Files are parsed with typescript-estree and never run.
 */
export const jsScanner: Scanner = {
  language: 'js',
  quickCheck: /cors|access-control-|origins/i,
  mentionsCors(text: string): boolean {
    // socket.io 2's own option was `origins`, without the word cors.
    return MENTIONS_CORS.test(text) || (SOCKET_IO.test(text) && /\borigins\b/.test(text));
  },
  async scan(files: SourceFile[], project: Project, options?: ScanOptions): Promise<ScanResult> {
    await loadJsParser();
    const loader = new ModuleLoader(project);
    const ev = new Evaluator(loader);
    const versions = new PackageVersions(project);
    const policies: CorsPolicy[] = [];
    const diagnostics: Diagnostic[] = [];
    const candidates: OptionsCandidate[] = [];
    for (const file of files) {
      const bundle = minifiedLine(file.text);
      if (bundle) {
        diagnostics.push({
          kind: 'file-skipped',
          file: file.path,
          line: bundle.line,
          message: `looks minified (line ${bundle.line} is ${bundle.length} characters long): generated bundles are not scanned; scan the sources they are built from`,
        });
        continue;
      }
      try {
        withFileBudget(options?.fileTimeBudgetMs, () => {
          const loaded = loader.load(file.absPath, file.path, file.text);
          if (!('program' in loaded)) diagnostics.push(loaded);
          else {
            const found: OptionsCandidate[] = [];
            policies.push(...extractModule(loaded, ev, versions, found));
            candidates.push(...found);
          }
        });
      } catch (error) {
        diagnostics.push(scanFailure(file.path, 'the JavaScript scanner', error));
      }
    }
    // Options a scanned cors(...) call (or another CORS layer) was built from are described by that call.
    for (const candidate of candidates) if (!ev.consumedOptions.has(candidate.object)) policies.push(candidate.policy);
    return { policies, diagnostics };
  },
};

/** The first over-long line of a large file (a minified bundle), found without splitting the text. */
function minifiedLine(text: string): { line: number; length: number } | undefined {
  if (text.length < MINIFIED_MIN_BYTES) return undefined;
  let line = 1;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop - start >= MINIFIED_LINE) return { line, length: stop - start };
    if (end === -1) return undefined;
    start = end + 1;
    line++;
  }
}
