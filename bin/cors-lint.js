#!/usr/bin/env node
import module from 'node:module';

// Node >= 22.1 keeps compiled modules on disk between runs, so later runs skip compiling the bundle
// (most of the start-up time of a short run). Older runtimes have no such cache and run as before.
module.enableCompileCache?.();
await import('../dist/cli.js');
