import { createRequire as __corsLintCreateRequire } from 'node:module'; const require = __corsLintCreateRequire(import.meta.url); import { fileURLToPath as __corsLintFileURLToPath } from 'node:url'; const __corsLintFilename = __corsLintFileURLToPath(import.meta.url); const __corsLintDirname = __corsLintFileURLToPath(new URL('.', import.meta.url));
import {
  SEVERITY_RANK,
  formatters,
  lintAndFix
} from "./chunks/chunk-JOVV4M2M.js";
import {
  ConfigError,
  lint
} from "./chunks/chunk-MKA6XT3C.js";
import "./chunks/chunk-LXGCFLD4.js";
import "./chunks/chunk-7FLCUFHN.js";
import "./chunks/chunk-47KPZKYO.js";
export {
  ConfigError,
  SEVERITY_RANK,
  formatters,
  lint,
  lintAndFix
};
