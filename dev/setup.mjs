#!/usr/bin/env node
// Installs the development tools (test oracles, TypeScript, esbuild, vitest, ...) listed in
// dev/package.json into the repository's node_modules, where the sources, tests and scripts resolve
// them. They live apart from the root package.json so that installing cors-lint itself (npm, or
// pre-commit's `language: node`, which installs the hook repository's devDependencies) fetches
// nothing: the CLI is one self-contained bundle in dist/.
//
// Runs before `npm test`, `npm run typecheck`, `npm run build` and `npm run bench`; does nothing when
// node_modules already holds what dev/package-lock.json pins.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dev = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(dev);
const lock = path.join(dev, 'package-lock.json');
const target = path.join(root, 'node_modules');
const stamp = path.join(target, '.cors-lint-dev-lock');
const want = createHash('sha256').update(fs.readFileSync(lock)).digest('hex');

const current = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : '';
if (current === want) process.exit(0);

console.error(`cors-lint dev setup: installing dev/package-lock.json into node_modules (${current ? 'it changed' : 'first run'})`);
const staging = path.join(dev, 'node_modules');
fs.rmSync(staging, { recursive: true, force: true });
execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dev, stdio: 'inherit' });
// The root package has no dependencies of its own, so its node_modules holds nothing else.
fs.rmSync(target, { recursive: true, force: true });
fs.renameSync(staging, target);
fs.writeFileSync(stamp, `${want}\n`);
