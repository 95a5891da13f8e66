import type { Language } from '../model/types.js';
import { type CandidateOutcome } from './read-source.js';
export interface ReadSettings {
    maxBytes: number;
    /** One Int32: files the worker has read so far (read by the main thread while it is busy walking). */
    progress: SharedArrayBuffer;
    /** Per language, the scanner's quick check as [source, flags]. */
    checks: Record<string, [string, string]>;
}
export interface ReadRequest {
    id: number;
    fsPath: string | Uint8Array;
    display: string;
    language: Language;
}
/**
 * Reads files while the tree is still being walked: files found by the walk are handed to a worker
 * thread (on machines with more than one core, for trees with many files), which reads and
 * quick-checks them in parallel with the walk. `outcome` gives each file's result, reading it on the
 * spot when the worker did not (few files, one core, no worker script, a worker that failed), so
 * the results never depend on whether a worker ran.
 */
export declare class ReadAhead {
    private readonly maxBytes;
    private readonly checks;
    private readonly workerScript;
    private readonly queue;
    private readonly ids;
    private readonly results;
    private worker;
    private pending;
    private sent;
    private readonly progress;
    private failed;
    private settled;
    constructor(maxBytes: number, checks: ReadonlyMap<Language, RegExp>, workerScript?: string | undefined);
    /** A file found by the walk (discovery order need not be kept). */
    submit(absPath: string, display: string, language: Language): void;
    /**
     * The walk is over: the main thread reads what is still queued, the worker keeps getting a batch
     * whenever it has read the last one, and this resolves when both are done.
     */
    finish(): Promise<void>;
    /** The file's outcome, as readCandidate gives it. */
    outcome(absPath: string, display: string, language: Language): CandidateOutcome;
    private start;
    private send;
}
