import type { Diagnostic } from '../model/types.js';
export declare const DEFAULT_MAX_FILE_BYTES: number;
export type ReadOutcome = {
    ok: true;
    text: string;
    warning?: Diagnostic;
} | {
    ok: false;
    diagnostic: Diagnostic;
};
/**
 * Reads one file as text with the safety checks every input gets: size limit, binary test,
 * UTF-8 with a lenient fallback (a warning, never a lost file).
 */
export declare function readSource(absPath: string, displayPath: string, maxBytes?: number): ReadOutcome;
export type CandidateOutcome = ReadOutcome | {
    ok: true;
    text?: undefined;
    warning?: Diagnostic;
};
/**
 * As readSource, but the text is decoded only when the raw bytes pass `quickCheck` (an ASCII-only
 * test, see Scanner.quickCheck): the many files that cannot matter are checked and dropped without
 * building a string for them. The diagnostics are the same as readSource's.
 */
export declare function readCandidate(absPath: string, displayPath: string, maxBytes: number, quickCheck: RegExp): CandidateOutcome;
/** readCandidate for a path already given as the file system's bytes or string (see fs-names). */
export declare function readCandidateBytes(target: string | Uint8Array, displayPath: string, maxBytes: number, quickCheck: RegExp): CandidateOutcome;
/** The text of a file as every stage sees it (decoded as readSource does), split into lines; undefined when unreadable. */
export declare function readLines(absPath: string): string[] | undefined;
export declare function describeError(error: unknown): string;
