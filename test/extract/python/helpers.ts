import { pythonScanner } from '../../../src/extract/python/scanner.js';
import type { CorsPolicy, OriginEntry, Span } from '../../../src/model/types.js';
import { memoryProject } from '../../helpers/memory-project.js';

/** Scan an in-memory tree; like the pipeline, only files that pass the prefilter are scanned. */
export async function scanPython(files: Record<string, string>) {
  const { project, sources } = memoryProject(files, (p) => (p.endsWith('.py') ? 'python' : undefined));
  return pythonScanner.scan(
    sources.filter((s) => pythonScanner.mentionsCors(s.text)),
    project,
  );
}

/** The only policy of a one-file snippet. */
export async function onePolicy(code: string, file = 'app/main.py'): Promise<CorsPolicy> {
  const result = await scanPython({ [file]: code });
  if (result.policies.length !== 1) {
    throw new Error(`expected one policy, got ${result.policies.length}: ${JSON.stringify(result.policies.map((p) => p.span))}`);
  }
  return result.policies[0]!;
}

/** `line:column-endLine:endColumn` of a span, for short position assertions. */
export function at(span: Span | undefined): string | undefined {
  return span && `${span.line}:${span.column}-${span.endLine}:${span.endColumn}`;
}

/** Origins without spans/provenance, for shape assertions. */
export function shapes(origins: OriginEntry[]): unknown[] {
  return origins.map(({ span, definedAt, envDriven, source, sentVerbatim, ...rest }) => rest);
}
