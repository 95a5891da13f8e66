#!/usr/bin/env node
// How long a new user's first `pre-commit run` takes with the cors-lint hook: a fresh PRE_COMMIT_HOME
// and an empty npm cache, the hook repository cloned from this repository's HEAD (what
// `repo: <this repo's URL>` fetches), one Python file to lint. Prints each run and the median.
//
//   node bench/pre-commit-install.mjs [--runs 3] [--rev HEAD]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 3) || 3;
const rev = args.includes('--rev') ? args[args.indexOf('--rev') + 1] : 'HEAD';
const preCommit = ['/usr/bin/pre-commit', 'pre-commit'].find((p) => spawnSync(p, ['--version']).status === 0);
if (!preCommit) {
  console.error('pre-commit is not installed (Debian package pre-commit)');
  process.exit(2);
}

const gitEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
};
const git = (cwd, ...a) => execFileSync('git', a, { cwd, env: gitEnv, encoding: 'utf8' }).trim();

const BAD = 'from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\napp.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)\n';

function once() {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-pre-commit-bench-')));
  const hookRepo = path.join(tmp, 'hook-repo');
  git(tmp, 'clone', '-q', '--no-local', root, hookRepo);
  git(hookRepo, 'checkout', '-q', git(root, 'rev-parse', rev));
  const project = path.join(tmp, 'project');
  fs.mkdirSync(path.join(project, 'api'), { recursive: true });
  git(project, 'init', '-q', '-b', 'main');
  fs.writeFileSync(path.join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${git(hookRepo, 'rev-parse', 'HEAD')}\n    hooks:\n      - id: cors-lint\n`);
  fs.writeFileSync(path.join(project, 'api', 'main.py'), BAD);
  git(project, 'add', '-A');
  const env = { ...gitEnv, PRE_COMMIT_HOME: path.join(tmp, 'home'), PRE_COMMIT_COLOR: 'never', npm_config_cache: path.join(tmp, 'npm-cache') };
  const started = process.hrtime.bigint();
  const run = spawnSync(preCommit, ['run', '--all-files'], { cwd: project, env, encoding: 'utf8', timeout: 900_000 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const linted = /credentials-with-wildcard-origin/.test(run.stdout);
  const installed = fs.readdirSync(path.join(tmp, 'home')).length > 0;
  fs.rmSync(tmp, { recursive: true, force: true });
  if (!linted) throw new Error(`the hook did not report the finding (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  return { seconds, installed };
}

const times = [];
for (let i = 0; i < runs; i++) {
  const { seconds } = once();
  times.push(seconds);
  console.log(`run ${i + 1}: first pre-commit run (install + lint) ${seconds.toFixed(1)} s`);
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(`median of ${runs}: ${median.toFixed(1)} s (pre-commit ${execFileSync(preCommit, ['--version'], { encoding: 'utf8' }).trim()}, node ${process.version}, npm ${execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim()})`);
