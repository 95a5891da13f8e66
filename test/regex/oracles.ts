// Real matchers to confirm the engine: CPython's `re` and nginx's PCRE map. Each returns undefined
// when the oracle program is absent (the caller skips or fails depending on CI).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../helpers/nginx-server.js';

export const PYTHON = '/usr/bin/python3';
export const NGINX = '/usr/sbin/nginx';

export interface OracleCase {
  pattern: string;
  mode: 'fullmatch' | 'match' | 'search';
  ignoreCase: boolean;
  inputs: string[];
}

const PY_SCRIPT = `
import json, re, sys
out = []
for case in json.load(sys.stdin):
    flags = re.IGNORECASE if case["ignoreCase"] else 0
    try:
        rx = re.compile(case["pattern"], flags)
    except re.error as e:
        out.append({"error": str(e)})
        continue
    fn = getattr(rx, case["mode"])
    out.append({"results": [fn(s) is not None for s in case["inputs"]]})
print(json.dumps(out))
`;

/** One python process for all cases: results per case, in input order. */
export function pythonOracle(cases: OracleCase[]): Array<{ results?: boolean[]; error?: string }> | undefined {
  if (!existsSync(PYTHON)) return undefined;
  const run = spawnSync(PYTHON, ['-c', PY_SCRIPT], { input: JSON.stringify(cases), encoding: 'utf8', timeout: 30_000 });
  if (run.status !== 0) throw new Error(`python oracle failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** nginx quoted-string escaping: only backslash and double quote need it. */
function nginxQuote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Starts nginx on 127.0.0.1 with one `map $http_origin` per pattern (`~` or `~*` key) and asks it
 * about every input. Bounded: each request has a timeout and nginx is stopped afterwards.
 */
export async function nginxOracle(cases: OracleCase[]): Promise<boolean[][] | undefined> {
  if (!existsSync(NGINX)) return undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cors-lint-nginx-'));
  for (const sub of ['client', 'proxy', 'fastcgi', 'uwsgi', 'scgi', 'logs']) mkdirSync(path.join(dir, sub));
  const port = await freePort();
  const maps = cases
    .map((c, i) => `  map $http_origin $m${i} { default "0"; ${nginxQuote((c.ignoreCase ? '~*' : '~') + c.pattern)} "1"; }`)
    .join('\n');
  const locations = cases.map((_, i) => `    location = /p${i} { return 200 "$m${i}"; }`).join('\n');
  const conf = `
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/client;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${maps}
  server {
    listen 127.0.0.1:${port};
${locations}
  }
}
`;
  const confPath = path.join(dir, 'nginx.conf');
  writeFileSync(confPath, conf);
  const check = spawnSync(NGINX, ['-t', '-p', dir, '-c', confPath, '-e', `${dir}/logs/error.log`], { encoding: 'utf8', timeout: 10_000 });
  if (check.status !== 0) throw new Error(`nginx rejected the oracle config: ${check.stderr}`);
  const child = spawn(NGINX, ['-p', dir, '-c', confPath, '-e', `${dir}/logs/error.log`], { stdio: 'ignore' });
  try {
    await waitFor(port);
    const out: boolean[][] = [];
    for (let i = 0; i < cases.length; i++) {
      const row: boolean[] = [];
      for (const input of cases[i]!.inputs) row.push((await get(port, `/p${i}`, input)) === '1');
      out.push(row);
    }
    return out;
  } finally {
    if (child.pid !== undefined) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    rmSync(dir, { recursive: true, force: true });
  }
}

function get(port: number, p: string, origin: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: p, headers: { Origin: origin }, timeout: 2000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    });
    req.on('timeout', () => req.destroy(new Error('nginx oracle request timed out')));
    req.on('error', reject);
  });
}

async function waitFor(port: number): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      await get(port, '/', 'https://probe.example');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Skip locally with a printed reason, fail on CI. */
export function oracleMissing(name: string): boolean {
  if (process.env.CI === 'true') throw new Error(`${name} is required on CI but missing`);
  console.warn(`skipping: ${name} not installed`);
  return true;
}

/** Whether `nginx -t` accepts a `~` regex (undefined when nginx is absent). */
export function nginxCompiles(pattern: string): boolean | undefined {
  if (!existsSync(NGINX)) return undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cors-lint-nginx-t-'));
  try {
    mkdirSync(path.join(dir, 'logs'));
    const conf = `pid ${dir}/nginx.pid;\nerror_log ${dir}/logs/error.log;\nevents {}\nhttp {\n  access_log off;\n  map $http_origin $m { default "0"; ${nginxQuote(`~${pattern}`)} "1"; }\n}\n`;
    writeFileSync(path.join(dir, 'nginx.conf'), conf);
    const run = spawnSync(NGINX, ['-t', '-q', '-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', `${dir}/logs/error.log`], { encoding: 'utf8', timeout: 10_000 });
    return run.status === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
