import type { CorsPolicy, Diagnostic } from '../../model/types.js';
import { firstSyntaxError, pythonParser } from '../../parse/python.js';
import type { ScanResult, Scanner } from '../scanner.js';
import { internalError } from '../../model/diagnostics.js';
import { extractDjango } from './django.js';
import { Evaluator } from './evaluate.js';
import { FlaskCors } from './flask.js';
import { extractManualHeaders } from './manual-headers.js';
import { ModuleLoader } from './modules.js';
import { scanFailure, SkippedFile, withFileBudget } from '../budget.js';
import type { SourceFile } from '../../model/types.js';
import { extractStarlette } from './starlette.js';

/** Cheap prefilter: the names every supported Python CORS configuration has to spell out. */
const MENTIONS_CORS = /CORSMiddleware|flask_cors|CORS\(|cross_origin|corsheaders|CORS_|[Aa]ccess-[Cc]ontrol-[Aa]llow-/;

export const pythonScanner: Scanner = {
  language: 'python',
  mentionsCors: (text) => MENTIONS_CORS.test(text),
  quickCheck: /cors|cross_origin|access-control-allow-/i,
  async scan(files, project, options) {
    const policies: CorsPolicy[] = [];
    const diagnostics: Diagnostic[] = [];
    const parser = await pythonParser(options?.pythonParser);
    const loader = new ModuleLoader(project, parser);
    const evaluator = new Evaluator(loader);
    const flask = new FlaskCors(evaluator);
    try {
      for (const file of files) {
        try {
          // A file's results count only when it is read to the end within its budget.
          const own = withFileBudget(options?.fileTimeBudgetMs, () => scanFile(file, loader, evaluator, flask));
          policies.push(...own.policies);
          diagnostics.push(...own.diagnostics);
        } catch (error) {
          diagnostics.push(scanFailure(file.path, 'the Python scanner', error));
        }
      }
      try {
        policies.push(...flask.finish());
      } catch (error) {
        diagnostics.push(internalError(files[0]?.path ?? '.', 'the Python scanner (Flask-CORS registrations)', error));
      }
    } finally {
      loader.dispose();
    }
    return { policies, diagnostics };
  },
};

function scanFile(file: SourceFile, loader: ModuleLoader, evaluator: Evaluator, flask: FlaskCors): ScanResult {
  const policies: CorsPolicy[] = [];
  const diagnostics: Diagnostic[] = [];
  const mod = loader.load(file.absPath, file.path, file.text);
  const bad = firstSyntaxError(mod.root);
  if (bad) {
    diagnostics.push({
      kind: 'parse-error',
      file: file.path,
      line: bad.startPosition.row + 1,
      column: bad.startPosition.column + 1,
      message: bad.isMissing ? `invalid Python syntax: missing ${bad.type}` : `invalid Python syntax near ${JSON.stringify(firstLine(bad.text))}`,
    });
  }
  // Findings from the intact parts of a file with a syntax error are still real.
  // Each framework runs on its own, so a failure in one never hides the others.
  const run = (what: string, extract: () => CorsPolicy[] | void) => {
    try {
      policies.push(...(extract() ?? []));
    } catch (error) {
      if (error instanceof SkippedFile) throw error;
      diagnostics.push(internalError(file.path, `the Python scanner (${what})`, error));
    }
  };
  run('Starlette', () => extractStarlette(mod, evaluator));
  run('Flask-CORS', () => flask.scan(mod));
  run('django-cors-headers', () => extractDjango(mod, evaluator));
  run('hand-written headers', () => extractManualHeaders(mod, evaluator, loader));
  return { policies, diagnostics };
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/)[0] ?? '';
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
