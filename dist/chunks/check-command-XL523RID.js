import { createRequire as __corsLintCreateRequire } from 'node:module'; const require = __corsLintCreateRequire(import.meta.url); import { fileURLToPath as __corsLintFileURLToPath } from 'node:url'; const __corsLintFilename = __corsLintFileURLToPath(import.meta.url); const __corsLintDirname = __corsLintFileURLToPath(new URL('.', import.meta.url));
import {
  UsageError
} from "./chunk-L3SBJMEA.js";
import "./chunk-47KPZKYO.js";

// src/cli/check-command.ts
async function runCheckCli(argv, io) {
  void argv;
  void io;
  throw new UsageError("check is not available in this build");
}
export {
  runCheckCli
};
