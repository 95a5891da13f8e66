#!/usr/bin/env node
import { createRequire as __corsLintCreateRequire } from 'node:module'; const require = __corsLintCreateRequire(import.meta.url); import { fileURLToPath as __corsLintFileURLToPath } from 'node:url'; const __corsLintFilename = __corsLintFileURLToPath(import.meta.url); const __corsLintDirname = __corsLintFileURLToPath(new URL('.', import.meta.url));
import {
  main
} from "./chunks/chunk-GPOIPOUJ.js";
import "./chunks/chunk-JOVV4M2M.js";
import "./chunks/chunk-MKA6XT3C.js";
import "./chunks/chunk-LXGCFLD4.js";
import "./chunks/chunk-7FLCUFHN.js";
import "./chunks/chunk-47KPZKYO.js";

// src/cli/run.ts
import v8 from "node:v8";
v8.setFlagsFromString("--liftoff-only");
var code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTty: Boolean(process.stdout.isTTY),
  columns: process.stdout.columns
});
process.exitCode = code;
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write("", done))));
process.exit(code);
