import { createRequire as __corsLintCreateRequire } from 'node:module'; const require = __corsLintCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-2CQRDF5A.js";

// src/cli/check-command.ts
async function runCheckCli(argv, io) {
  void argv;
  void io;
  throw new UsageError("check is not available in this build");
}
export {
  runCheckCli
};
