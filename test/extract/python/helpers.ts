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

/**
 * The span of the n-th occurrence (1-based) of `needle` in `code`, computed from the text alone,
 * as `line:column-endLine:endColumn` — an oracle independent of the parser.
 */
export function range(code: string, needle: string, occurrence = 1): string {
  return rangeAt(code, nth(code, needle, occurrence), needle.length);
}

/** The span of the last `part` inside the first occurrence of `context`. */
export function rangeIn(code: string, context: string, part: string): string {
  const start = nth(code, context, 1) + context.lastIndexOf(part);
  return rangeAt(code, start, part.length);
}

function nth(code: string, needle: string, occurrence: number): number {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = code.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${occurrence} times`);
  }
  return index;
}

function rangeAt(code: string, index: number, length: number): string {
  const point = (offset: number) => {
    const before = code.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return `${line}:${column}`;
  };
  return `${point(index)}-${point(index + length)}`;
}
