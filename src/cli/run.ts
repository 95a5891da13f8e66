#!/usr/bin/env node
import v8 from 'node:v8';
import { main } from './main.js';

// The Python parser is WebAssembly. V8 first compiles it quickly (Liftoff) and then re-optimises hot
// functions in the background; for a linter's short, parse-once runs that second compile costs more
// than it saves (measured: one file 500 -> 280 ms, 40 large Python files 10.0 -> 7.3 s). Set before
// any WebAssembly is compiled; the library entry leaves the host's settings alone.
v8.setFlagsFromString('--liftoff-only');

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTty: Boolean(process.stdout.isTTY),
  columns: process.stdout.columns,
});
// Exit as soon as the output is out: the Python parser's WebAssembly keeps being optimised in the
// background after the run, and waiting for that would add a noticeable pause to every short run.
process.exitCode = code;
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))));
process.exit(code);
