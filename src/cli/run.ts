#!/usr/bin/env node
import { main } from './main.js';

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTty: Boolean(process.stdout.isTTY),
  columns: process.stdout.columns,
});
process.exitCode = code;
