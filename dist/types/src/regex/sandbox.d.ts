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
    /** Time the worker spent matching (excludes message passing and scheduling delays). */
    matchingMs: number;
}
/**
 * Tests `inputs` in order against `new RegExp(source, flags)` in a worker. The worker may spend at
 * most `limitMs` matching; it is terminated when that much wall time (plus a little slack for
 * scheduling) has passed without an answer, and a fresh one is started on the next call.
 */
export declare function testInSandbox(source: string, flags: string, inputs: readonly string[], limitMs: number): SandboxResult;
