import { Worker } from 'node:worker_threads';
/** Most inputs one batch may carry (bounded by the shared buffer). */
export declare const MAX_BATCH = 4096;
/** Starts the worker if none is running (startup time is not charged to any pattern). */
export declare function ensureSandbox(): {
    worker: Worker;
    cells: Int32Array;
} | undefined;
export interface SandboxResult {
    /** true/false per input that finished; undefined for inputs not reached in time. */
    results: Array<boolean | undefined>;
    timedOut: boolean;
}
/**
 * Tests `inputs` in order against `new RegExp(source, flags)` in a worker, stopping after `limitMs`.
 * On timeout the worker is terminated (and a fresh one started on the next call).
 */
export declare function testInSandbox(source: string, flags: string, inputs: readonly string[], limitMs: number): SandboxResult;
