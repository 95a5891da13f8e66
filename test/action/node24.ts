import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

export interface Runtime {
  node: string;
  version: string;
  /** Why the current node is used instead of Node 24, when it is. */
  fallback?: string;
}

let cached: Runtime | undefined;

/**
 * The node binary GitHub's `runs.using: node24` runner would use: the npm package `node@24`
 * (cached in a temp npm cache), else the current node with the reason, unless CI=true.
 */
export function node24(): Runtime {
  if (cached) return cached;
  if (process.versions.node.startsWith('24.')) return (cached = { node: process.execPath, version: process.version });
  const cache = path.join(os.tmpdir(), 'cors-lint-node24-npm-cache');
  const probe = spawnSync('npm', ['exec', '--yes', '--cache', cache, '--package=node@24', '--', 'node', '-p', 'process.execPath + " " + process.version'], {
    encoding: 'utf8',
    timeout: 240_000,
  });
  const [execPath, version] = probe.stdout.trim().split(' ');
  if (probe.status === 0 && version?.startsWith('v24.')) return (cached = { node: execPath!, version });
  const reason = `node@24 is not available through npm exec (exit ${probe.status}: ${(probe.stderr || probe.error?.message || '').trim().slice(0, 300)})`;
  if (process.env.CI === 'true') throw new Error(reason);
  console.log(`${reason}; running the Action under the current node ${process.version}`);
  return (cached = { node: process.execPath, version: process.version, fallback: reason });
}
