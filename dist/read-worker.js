import { createRequire as __corsLintCreateRequire } from 'node:module'; const require = __corsLintCreateRequire(import.meta.url); import { fileURLToPath as __corsLintFileURLToPath } from 'node:url'; const __corsLintFilename = __corsLintFileURLToPath(import.meta.url); const __corsLintDirname = __corsLintFileURLToPath(new URL('.', import.meta.url));
import {
  readCandidateBytes
} from "./chunks/chunk-LXGCFLD4.js";
import "./chunks/chunk-47KPZKYO.js";

// src/discover/read-worker.ts
import { parentPort } from "node:worker_threads";
var settings;
parentPort?.on("message", (message) => {
  if ("settings" in message) {
    const checks = new Map(Object.entries(message.settings.checks).map(([language, [source, flags]]) => [language, new RegExp(source, flags)]));
    settings = { maxBytes: message.settings.maxBytes, checks, progress: new Int32Array(message.settings.progress) };
  } else if ("batch" in message) {
    const outcomes = message.batch.map((r) => [r.id, readCandidateBytes(r.fsPath, r.display, settings.maxBytes, settings.checks.get(r.language))]);
    parentPort.postMessage({ outcomes });
    Atomics.add(settings.progress, 0, outcomes.length);
  } else {
    parentPort.close();
  }
});
