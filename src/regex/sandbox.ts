// Runs a regular expression in a worker thread with a hard time limit. JavaScript regex matching
// cannot be interrupted in-process, but terminating the worker stops it. The caller blocks with
// Atomics.wait (rules are synchronous), so the worker reports progress through shared memory.

import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const cells = new Int32Array(workerData.shared);
Atomics.store(cells, 0, 1);
Atomics.notify(cells, 0);
parentPort.on('message', ({ source, flags, inputs }) => {
  // cells[1] = how many inputs are done; cells[2] = microseconds spent matching;
  // cells[3 + i] = 1 accepted, 2 rejected.
  const started = performance.now();
  let re;
  try { re = new RegExp(source, flags); } catch { re = undefined; }
  for (let i = 0; i < inputs.length; i++) {
    let accepted = false;
    if (re) { re.lastIndex = 0; accepted = re.test(inputs[i]); }
    Atomics.store(cells, 3 + i, accepted ? 1 : 2);
    Atomics.store(cells, 1, i + 1);
    Atomics.store(cells, 2, Math.round((performance.now() - started) * 1000));
  }
  Atomics.add(cells, 0, 1);
  Atomics.notify(cells, 0);
});
`;

/** Most inputs one batch may carry (bounded by the shared buffer). */
export const MAX_BATCH = 4096;
/** Time allowed for starting a worker; not charged to a pattern's budget. */
const STARTUP_LIMIT_MS = 5000;

let current: { worker: Worker; cells: Int32Array } | undefined;

function startWorker(): { worker: Worker; cells: Int32Array } | undefined {
  const shared = new SharedArrayBuffer(4 * (3 + MAX_BATCH));
  const cells = new Int32Array(shared);
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { shared } });
  } catch {
    return undefined; // no worker threads here: risky patterns stay undecided rather than run unguarded
  }
  worker.unref();
  worker.on('error', () => {
    if (current?.worker === worker) current = undefined;
  });
  if (Atomics.wait(cells, 0, 0, STARTUP_LIMIT_MS) === 'timed-out' && Atomics.load(cells, 0) === 0) {
    void worker.terminate();
    return undefined;
  }
  return { worker, cells };
}

/** Starts the worker if none is running (startup time is not charged to any pattern). */
export function ensureSandbox(): { worker: Worker; cells: Int32Array } | undefined {
  current ??= startWorker();
  return current;
}

export interface SandboxResult {
  /** true/false per input that finished; undefined for inputs not reached in time. */
  results: Array<boolean | undefined>;
  timedOut: boolean;
  /** Time the worker spent matching (excludes message passing and scheduling delays). */
  matchingMs: number;
}

/** Extra wall time allowed for message passing and thread scheduling on a loaded machine. */
const SCHEDULING_SLACK_MS = 25;

/**
 * Tests `inputs` in order against `new RegExp(source, flags)` in a worker. The worker may spend at
 * most `limitMs` matching; it is terminated when that much wall time (plus a little slack for
 * scheduling) has passed without an answer, and a fresh one is started on the next call.
 */
export function testInSandbox(source: string, flags: string, inputs: readonly string[], limitMs: number): SandboxResult {
  const batch = inputs.slice(0, MAX_BATCH);
  const sandbox = ensureSandbox();
  if (!sandbox) return { results: batch.map(() => undefined), timedOut: true, matchingMs: 0 };
  const { worker, cells } = sandbox;
  const generation = Atomics.load(cells, 0);
  Atomics.store(cells, 1, 0);
  Atomics.store(cells, 2, 0);
  worker.postMessage({ source, flags, inputs: batch });
  const deadline = performance.now() + Math.max(0, limitMs) + SCHEDULING_SLACK_MS;
  let timedOut = false;
  while (Atomics.load(cells, 0) === generation) {
    const left = deadline - performance.now();
    if (left <= 0) {
      timedOut = true;
      break;
    }
    Atomics.wait(cells, 0, generation, left);
  }
  const done = Atomics.load(cells, 1);
  const matchingMs = timedOut ? Math.max(limitMs, 0) : Atomics.load(cells, 2) / 1000;
  const results = batch.map((_, i) => (i < done ? Atomics.load(cells, 3 + i) === 1 : undefined));
  if (timedOut) {
    current = undefined;
    void worker.terminate();
  }
  return { results, timedOut, matchingMs };
}
