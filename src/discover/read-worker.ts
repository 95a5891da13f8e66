// A worker thread that reads files for the main thread while it walks the tree (src/discover/read-ahead.ts):
// size limit, binary test, the scanners' quick check and decoding, exactly as readCandidate does.
import { parentPort } from 'node:worker_threads';
import { readCandidateBytes, type CandidateOutcome } from './read-source.js';
import type { ReadRequest, ReadSettings } from './read-ahead.js';

let settings: { maxBytes: number; checks: Map<string, RegExp>; progress: Int32Array } | undefined;

parentPort?.on('message', (message: { settings: ReadSettings } | { batch: ReadRequest[] } | { end: true }) => {
  if ('settings' in message) {
    const checks = new Map(Object.entries(message.settings.checks).map(([language, [source, flags]]) => [language, new RegExp(source, flags)]));
    settings = { maxBytes: message.settings.maxBytes, checks, progress: new Int32Array(message.settings.progress) };
  } else if ('batch' in message) {
    const outcomes: Array<[number, CandidateOutcome]> = message.batch.map((r) => [r.id, readCandidateBytes(r.fsPath, r.display, settings!.maxBytes, settings!.checks.get(r.language)!)]);
    parentPort!.postMessage({ outcomes });
    Atomics.add(settings!.progress, 0, outcomes.length);
  } else {
    parentPort!.close();
  }
});
