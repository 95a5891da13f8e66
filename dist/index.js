import { createRequire as __corsLintCreateRequire } from 'node:module'; const require = __corsLintCreateRequire(import.meta.url); import { fileURLToPath as __corsLintFileURLToPath } from 'node:url'; const __corsLintFilename = __corsLintFileURLToPath(import.meta.url); const __corsLintDirname = __corsLintFileURLToPath(new URL('.', import.meta.url));
import {
  SEVERITY_RANK,
  formatters
} from "./chunks/chunk-XD36HVIK.js";
import {
  ConfigError,
  lint
} from "./chunks/chunk-ACVDLVNJ.js";
import "./chunks/chunk-O7AAMHAA.js";
export {
  ConfigError,
  SEVERITY_RANK,
  formatters,
  lint
};
