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
  // cells[1] = how many inputs are done; cells[2 + i] = 1 accepted, 2 rejected.
  let re;
  try { re = new RegExp(source, flags); } catch { re = undefined; }
  for (let i = 0; i < inputs.length; i++) {
    let accepted = false;
    if (re) { re.lastIndex = 0; accepted = re.test(inputs[i]); }
    Atomics.store(cells, 2 + i, accepted ? 1 : 2);
    Atomics.store(cells, 1, i + 1);
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
  const shared = new SharedArrayBuffer(4 * (2 + MAX_BATCH));
  const cells = new Int32Array(shared);
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { shared } });
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
}

/**
 * Tests `inputs` in order against `new RegExp(source, flags)` in a worker, stopping after `limitMs`.
 * On timeout the worker is terminated (and a fresh one started on the next call).
 */
export function testInSandbox(source: string, flags: string, inputs: readonly string[], limitMs: number): SandboxResult {
  const batch = inputs.slice(0, MAX_BATCH);
  const sandbox = ensureSandbox();
  if (!sandbox) return { results: batch.map(() => undefined), timedOut: true };
  const { worker, cells } = sandbox;
  const generation = Atomics.load(cells, 0);
  Atomics.store(cells, 1, 0);
  worker.postMessage({ source, flags, inputs: batch });
  const deadline = performance.now() + Math.max(0, limitMs);
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
  const results = batch.map((_, i) => (i < done ? Atomics.load(cells, 2 + i) === 1 : undefined));
  if (timedOut) {
    current = undefined;
    void worker.terminate();
  }
  return { results, timedOut };
}
