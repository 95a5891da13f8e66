import type { Diagnostic } from './types.js';

/**
 * A scanner, parser or rule that threw on one file (or one policy): that file's results are
 * incomplete, every other result stands. The CLI then exits 2 and the Action fails.
 */
export function isInternalError(d: Diagnostic): boolean {
  return d.kind === 'internal-error';
}

/** The one diagnostic for a component that threw on a file: names the file, the component and the error. */
export function internalError(file: string, where: string, error: unknown, withStack = false): Diagnostic {
  const text = error instanceof Error ? (withStack ? (error.stack ?? error.message) : `${error.name}: ${error.message}`) : String(error);
  return { kind: 'internal-error', file, message: `internal error in ${where}: ${text}` };
}
