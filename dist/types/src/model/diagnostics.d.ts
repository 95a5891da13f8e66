import type { Diagnostic } from './types.js';
/**
 * A scanner, parser or rule that threw on one file (or one policy): that file's results are
 * incomplete, every other result stands. The CLI then exits 2 and the Action fails.
 */
export declare function isInternalError(d: Diagnostic): boolean;
/** The one diagnostic for a component that threw on a file: names the file, the component and the error. */
export declare function internalError(file: string, where: string, error: unknown, withStack?: boolean): Diagnostic;
