import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseRoot } from '../../../src/extract/nginx/analyze.js';
import { IncludeLoader } from '../../../src/extract/nginx/includes.js';
import { simulate } from '../../../src/extract/nginx/simulate.js';
import { diskProject } from './helpers.js';
import { freePort, nginxAvailable, request, startNginx, type RunningNginx } from '../../helpers/nginx-server.js';

/**
 * The header model against the real server: Debian's nginx serves the fixture config, and for every
 * location × Origin × method the headers it really sends must equal what simulate() predicts.
 */
const FIXTURE = path.join(import.meta.dirname, '../../fixtures/nginx/conformance/headers.conf');

const PATHS = [
  '/inherit', '/inherit-error', '/own', '/always', '/empty', '/map', '/map-error', '/map-default',
  '/preflight', '/preflight-lost', '/if-origin', '/if-headers', '/if-inherit', '/nested', '/nested/inner',
  '/nested/plain', '/static', '/limit', '/limit-own', '/regex/a.json', '/regex/a.JSON', '/unmatched', '/hosts',
  '/if-then-return', '/limit-return', '/flag', '/merge-more/deep', '/merge-more/re', '/merge-more/x',
];
const ORIGINS = [
  undefined, 'https://app.example.com', 'https://APP.example.com', 'https://x.partner.example', 'https://X.partner.example',
  'https://admin.EXAMPLE.com', 'https://a.example.com', 'https://b.example.com.evil', 'https://evil.com', 'null',
  'https://x.example.net', 'https://example.net', 'http://a.b.example.info', 'https://example.info',
];
const METHODS = ['GET', 'OPTIONS', 'POST', 'DELETE'];

describe.runIf(nginxAvailable('nginx conformance'))('nginx header model vs /usr/sbin/nginx', () => {
  let dir: string;
  let port: number;
  let server: RunningNginx | undefined;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-nginx-'));
    fs.mkdirSync(path.join(dir, 'tmp'));
    fs.mkdirSync(path.join(dir, 'www'));
    port = await freePort();
    const text = fs.readFileSync(FIXTURE, 'utf8').replace('127.0.0.1:8080', `127.0.0.1:${port}`);
    fs.writeFileSync(path.join(dir, 'nginx.conf'), text);
    server = await startNginx(dir, path.join(dir, 'nginx.conf'), port);
  }, 15000);

  afterAll(async () => {
    await server?.stop();
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

