import { createRequire as __corsLintCreateRequire } from 'node:module'; const require = __corsLintCreateRequire(import.meta.url); import { fileURLToPath as __corsLintFileURLToPath } from 'node:url'; const __corsLintFilename = __corsLintFileURLToPath(import.meta.url); const __corsLintDirname = __corsLintFileURLToPath(new URL('.', import.meta.url));
import {
  ConfigError,
  SEVERITY_RANK,
  formatters,
  lint
} from "./chunks/chunk-MSDI7NOF.js";
import "./chunks/chunk-47KPZKYO.js";
export {
  ConfigError,
  SEVERITY_RANK,
  formatters,
  lint
};
