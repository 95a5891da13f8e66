import type { Diagnostic } from './types.js';
/**
 * A scanner or rule that threw: the run is incomplete, so the CLI exits 2 and the Action fails.
 * Such diagnostics are `unsupported` ones whose message starts with "internal error".
 */
export declare function isInternalError(d: Diagnostic): boolean;
