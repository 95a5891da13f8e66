import { jsScanner } from '../../../src/extract/js/scanner.js';
import type { CorsPolicy, Diagnostic } from '../../../src/model/types.js';
import { memoryProject } from '../../helpers/memory-project.js';

const JS_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** Scans an in-memory tree; every file that mentions CORS is handed to the scanner. */
export async function scanFiles(files: Record<string, string>): Promise<{ policies: CorsPolicy[]; diagnostics: Diagnostic[] }> {
  const { project, sources } = memoryProject(files, (p) => (JS_FILE.test(p) ? 'js' : undefined));
  return jsScanner.scan(
    sources.filter((s) => jsScanner.mentionsCors(s.text)),
    project,
  );
}

/** Scans one snippet as `name` and returns its policies. */
export async function scan(code: string, name = 'app.js', extra: Record<string, string> = {}): Promise<CorsPolicy[]> {
  const result = await scanFiles({ [name]: code, ...extra });
  if (result.diagnostics.length) throw new Error(`unexpected diagnostics: ${JSON.stringify(result.diagnostics)}`);
  return result.policies;
}

/** The one policy a snippet yields. */
export async function scanOne(code: string, name = 'app.js', extra: Record<string, string> = {}): Promise<CorsPolicy> {
  const policies = await scan(code, name, extra);
  if (policies.length !== 1) throw new Error(`expected one policy, got ${policies.length}: ${JSON.stringify(policies, null, 1)}`);
  return policies[0]!;
}

/** `line:column` of a span, for compact position assertions. */
export function at(span: { line: number; column: number } | undefined): string {
  return span ? `${span.line}:${span.column}` : 'none';
}

/** Origin entries without spans/provenance, for shape assertions. */
export function shapes(policy: CorsPolicy): unknown[] {
  return policy.origins.map(({ span: _s, definedAt: _d, envDriven: _e, source: _src, ...rest }) => rest);
}
