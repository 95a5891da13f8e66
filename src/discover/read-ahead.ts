import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Language } from '../model/types.js';
import { fsPath } from './fs-names.js';
import { readCandidate, readCandidateBytes, type CandidateOutcome } from './read-source.js';

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

/** Below this many files a worker costs more than it saves. */
const WORKER_MIN_FILES = 1000;
const BATCH = 128;
/** Files handed to the worker and not yet read, at most: the rest wait, for whichever thread is free. */
const IN_FLIGHT = 2 * BATCH;

/**
 * Reads files while the tree is still being walked: files found by the walk are handed to a worker
 * thread (on machines with more than one core, for trees with many files), which reads and
 * quick-checks them in parallel with the walk. `outcome` gives each file's result, reading it on the
 * spot when the worker did not (few files, one core, no worker script, a worker that failed), so
 * the results never depend on whether a worker ran.
 */
export class ReadAhead {
  private readonly queue: ReadRequest[] = [];
  private readonly ids = new Map<string, number>();
  private readonly results = new Map<number, CandidateOutcome>();
  private worker: Worker | undefined;
  private pending = 0;
  private sent = 0;
  private readonly progress = new Int32Array(new SharedArrayBuffer(4));
  private failed = false;
  private settled: (() => void) | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly checks: ReadonlyMap<Language, RegExp>,
    private readonly workerScript = bundledWorkerScript(),
  ) {}

  /** A file found by the walk (discovery order need not be kept). */
  submit(absPath: string, display: string, language: Language): void {
    if (!this.workerScript || this.failed || this.ids.has(absPath)) return;
    const id = this.ids.size;
    this.ids.set(absPath, id);
    this.queue.push({ id, fsPath: fsPath(absPath), display, language });
    if (!this.worker && this.ids.size >= WORKER_MIN_FILES && os.availableParallelism() > 1) this.start();
    if (this.worker && this.queue.length >= BATCH && this.sent - Atomics.load(this.progress, 0) < IN_FLIGHT) this.send(BATCH);
  }

  /**
   * The walk is over: the main thread reads what is still queued, the worker keeps getting a batch
   * whenever it has read the last one, and this resolves when both are done.
   */
  async finish(): Promise<void> {
    if (!this.worker) return;
    while (this.queue.length && !this.failed) {
      if (this.sent - Atomics.load(this.progress, 0) < BATCH) this.send(BATCH);
      const own = this.queue.pop();
      if (own) this.results.set(own.id, readCandidateBytes(own.fsPath, own.display, this.maxBytes, this.checks.get(own.language)!));
    }
    this.worker.postMessage({ end: true });
    if (this.pending > 0 && !this.failed) await new Promise<void>((resolve) => (this.settled = resolve));
    void this.worker.terminate();
  }

  /** The file's outcome, as readCandidate gives it. */
  outcome(absPath: string, display: string, language: Language): CandidateOutcome {
    const id = this.ids.get(absPath);
    const result = id === undefined ? undefined : this.results.get(id);
    if (result) {
      this.results.delete(id!);
      return result;
    }
    return readCandidate(absPath, display, this.maxBytes, this.checks.get(language)!);
  }

  private start(): void {
    try {
      this.worker = new Worker(this.workerScript!);
    } catch {
      this.failed = true;
      return;
    }
    this.worker.unref();
    const checks = Object.fromEntries([...this.checks].map(([language, re]) => [language, [re.source, re.flags] as [string, string]]));
    this.worker.postMessage({ settings: { maxBytes: this.maxBytes, progress: this.progress.buffer as SharedArrayBuffer, checks } satisfies ReadSettings });
    this.worker.on('message', (message: { outcomes: Array<[number, CandidateOutcome]> }) => {
      for (const [id, outcome] of message.outcomes) this.results.set(id, outcome);
      this.pending -= message.outcomes.length;
      if (this.pending === 0) this.settled?.();
    });
    // A worker that fails leaves its files to be read on the main thread.
    const stop = () => {
      this.failed = true;
      this.settled?.();
    };
    this.worker.on('error', stop);
    this.worker.on('exit', stop);
  }

  private send(count: number): void {
    const batch = this.queue.splice(0, count);
    if (!batch.length) return;
    this.pending += batch.length;
    this.sent += batch.length;
    this.worker!.postMessage({ batch });
  }
}

/**
 * The worker script of the bundle (dist/read-worker.js). Run from the sources (tests, tsx) there is
 * none, and every file is read on the main thread.
 */
function bundledWorkerScript(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.join(here, 'read-worker.js'), path.join(here, '..', 'read-worker.js')]) {
    if (path.basename(path.dirname(candidate)) === 'dist' && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}
