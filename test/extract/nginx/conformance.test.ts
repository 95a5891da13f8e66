import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseRoot } from '../../../src/extract/nginx/analyze.js';
import { IncludeLoader } from '../../../src/extract/nginx/includes.js';
import { simulate } from '../../../src/extract/nginx/simulate.js';
import { diskProject } from './helpers.js';

/**
 * The header model against the real server: Debian's nginx serves the fixture config, and for every
 * location × Origin × method the headers it really sends must equal what simulate() predicts.
 */
const NGINX = '/usr/sbin/nginx';
const FIXTURE = path.join(import.meta.dirname, '../../fixtures/nginx/conformance/headers.conf');
const available = fs.existsSync(NGINX);
if (!available && process.env.CI !== 'true') console.log(`skipping nginx conformance: ${NGINX} is not installed`);

const PATHS = [
  '/inherit', '/inherit-error', '/own', '/always', '/empty', '/map', '/map-error', '/map-default',
  '/preflight', '/preflight-lost', '/if-origin', '/if-headers', '/if-inherit', '/nested', '/nested/inner',
  '/nested/plain', '/static', '/limit', '/limit-own', '/regex/a.json', '/regex/a.JSON', '/unmatched', '/hosts',
  '/if-then-return', '/limit-return', '/merge-more/deep', '/merge-more/re', '/merge-more/x',
];
const ORIGINS = [
  undefined, 'https://app.example.com', 'https://APP.example.com', 'https://x.partner.example', 'https://X.partner.example',
  'https://admin.EXAMPLE.com', 'https://a.example.com', 'https://b.example.com.evil', 'https://evil.com', 'null',
  'https://x.example.net', 'https://example.net', 'http://a.b.example.info', 'https://example.info',
];
const METHODS = ['GET', 'OPTIONS', 'POST', 'DELETE'];

describe.runIf(available || process.env.CI === 'true')('nginx header model vs /usr/sbin/nginx', () => {
  let dir: string;
  let port: number;
  let server: ChildProcess | undefined;
  let stderr = '';

  beforeAll(async () => {
    expect(fs.existsSync(NGINX), `${NGINX} must be installed when CI=true`).toBe(true);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-nginx-'));
    fs.mkdirSync(path.join(dir, 'tmp'));
    fs.mkdirSync(path.join(dir, 'www'));
    port = await freePort();
    const text = fs.readFileSync(FIXTURE, 'utf8').replace('127.0.0.1:8080', `127.0.0.1:${port}`);
    fs.writeFileSync(path.join(dir, 'nginx.conf'), text);
    const user = process.getuid?.() === 0 ? ' user root;' : '';
    server = spawn(NGINX, ['-p', `${dir}/`, '-c', path.join(dir, 'nginx.conf'), '-g', `daemon off; pid ${dir}/nginx.pid; error_log stderr;${user}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    server.stderr!.on('data', (d) => (stderr += String(d)));
    await waitForPort(port, 5000, () => stderr);
  }, 15000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends exactly the headers the model predicts', async () => {
    const project = diskProject(dir);
    const config = analyseRoot(new IncludeLoader(project), project, path.join(dir, 'nginx.conf'));
    const compared = headerNamesOf(fs.readFileSync(FIXTURE, 'utf8'));
    const mismatches: string[] = [];
    let requests = 0;
    for (const p of PATHS) {
      for (const origin of ORIGINS) {
        for (const method of METHODS) {
          const headers: Record<string, string> = origin ? { origin } : {};
          const predicted = simulate(config.tree, config.maps, { method, path: p, headers });
          const actual = await request(port, method, p, headers);
          requests++;
          const want = predicted.headers.filter((h) => compared.has(h.name.toLowerCase())).map((h) => `${h.name.toLowerCase()}: ${h.value}`).sort();
          const got = actual.headers.filter(([n]) => compared.has(n)).map(([n, v]) => `${n}: ${v}`).sort();
          const statusOk = predicted.status === 'unknown' || predicted.status === actual.status;
          if (!statusOk || JSON.stringify(want) !== JSON.stringify(got)) {
            mismatches.push(`${method} ${p} origin=${origin ?? '-'}: model ${predicted.status} [${want.join('; ')}] (${predicted.block}), nginx ${actual.status} [${got.join('; ')}]`);
          }
        }
      }
    }
    console.log(`nginx conformance: ${requests} requests, ${mismatches.length} mismatches`);
    expect(mismatches).toEqual([]);
    expect(requests).toBe(PATHS.length * ORIGINS.length * METHODS.length);
  }, 60000);
});

/** Every header name the fixture writes with add_header, plus Vary. */
function headerNamesOf(text: string): Set<string> {
  const names = new Set(['vary']);
  for (const m of text.matchAll(/add_header\s+([\w-]+)/g)) names.add(m[1]!.toLowerCase());
  return names;
}

function request(port: number, method: string, p: string, headers: Record<string, string>): Promise<{ status: number; headers: Array<[string, string]> }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: p, headers, agent: false, timeout: 3000 }, (res) => {
      res.resume();
      const list: Array<[string, string]> = [];
      for (let i = 0; i < res.rawHeaders.length; i += 2) list.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: list }));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${p}`)));
    req.on('error', reject);
    req.end();
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForPort(port: number, ms: number, log: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not start: ${log()}`);
}
