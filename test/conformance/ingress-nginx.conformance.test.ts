// Differential test: Ingress YAML -> the ingress-nginx reader -> policy -> simulate's responder, against
// Debian's nginx running the controller template's CORS block (rendered in ingress-nginx-template.ts
// from the same annotations) in front of a stand-in service, one server per annotation set.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { ANNOTATION_PREFIX, parseCorsAnnotations } from '../../src/proxy/ingress-nginx/annotations.js';
import { printTally, type Tally } from './compare.js';
import { send } from './http-client.js';
import { renderCors } from './ingress-nginx-template.js';
import { wireCases } from './matrix.js';
import { IN_CI } from './oracle.js';
import { compareConfig, type RealAnswer } from './run-model.js';
import { freePort, nginxAvailable, startNginx, waitForPort, type RunningNginx } from '../helpers/nginx-server.js';

const HEADERS_MORE = '/usr/lib/nginx/modules/ngx_http_headers_more_filter_module.so';

/** Annotation sets (suffixes after nginx.ingress.kubernetes.io/); enable-cors is added unless given. */
export const ANNOTATION_SETS: Array<{ name: string; annotations: Record<string, string> }> = [
  { name: 'enable-cors only', annotations: {} },
  { name: 'one explicit origin', annotations: { 'cors-allow-origin': 'https://app.example.com' } },
  { name: 'list of origins', annotations: { 'cors-allow-origin': 'https://app.example.com, http://localhost:3000' } },
  { name: 'wildcard subdomain', annotations: { 'cors-allow-origin': 'https://*.example.com' } },
  { name: 'credentials false', annotations: { 'cors-allow-origin': 'https://app.example.com', 'cors-allow-credentials': 'false' } },
  { name: 'wildcard, credentials false', annotations: { 'cors-allow-credentials': 'false' } },
  {
    name: 'custom methods, headers, expose, max-age',
    annotations: { 'cors-allow-origin': 'https://app.example.com', 'cors-allow-methods': 'GET, PUT', 'cors-allow-headers': 'X-Custom, Content-Type', 'cors-expose-headers': 'X-Total, X-Page', 'cors-max-age': '600' },
  },
  {
    name: 'invalid values fall back to the defaults',
    annotations: { 'cors-allow-origin': 'https://app.example.com/', 'cors-allow-credentials': 'yes', 'cors-allow-methods': '*', 'cors-allow-headers': '*', 'cors-max-age': 'ten' },
  },
  { name: 'origins without scheme are skipped', annotations: { 'cors-allow-origin': 'example.org, https://app.example.com' } },
  { name: 'every origin skipped', annotations: { 'cors-allow-origin': 'app.example.com' } },
  { name: 'null and an upper-case host', annotations: { 'cors-allow-origin': 'null, https://APP.example.com' } },
  { name: 'expose * with credentials', annotations: { 'cors-allow-origin': 'https://app.example.com', 'cors-expose-headers': '*' } },
  { name: 'explicit *', annotations: { 'cors-allow-origin': '*', 'cors-allow-credentials': 'false' } },
  { name: 'explicit default port never matches', annotations: { 'enable-cors': 'True', 'cors-allow-origin': 'https://app.example.com:443, https://api.example.com' } },
  { name: 'wildcard subdomain with port, methods with spaces', annotations: { 'cors-allow-origin': 'http://*.localhost:3000,https://*.example.com', 'cors-allow-methods': 'PUT,PATCH, DELETE' } },
];

function ingressYaml(name: string, annotations: Record<string, string>): string {
  const all = { 'enable-cors': 'true', ...annotations };
  const lines = Object.entries(all).map(([k, v]) => `    ${ANNOTATION_PREFIX}${k}: ${JSON.stringify(v)}`);
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    `  name: ${name}`,
    '  annotations:',
    ...lines,
    'spec:',
    '  rules:',
    '    - http:',
    '        paths:',
    '          - path: /',
    '            pathType: Prefix',
    '            backend:',
    '              service:',
    '                name: app',
    '                port:',
    '                  number: 80',
    '',
  ].join('\n');
}

const skip = !nginxAvailable('ingress-nginx conformance');
let server: RunningNginx | undefined;
let dir: string | undefined;

afterAll(async () => {
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('ingress-nginx conformance (reader + simulator vs the template run by /usr/sbin/nginx)', () => {
  it.skipIf(skip)('every annotation set answers every request as nginx running the rendered template does', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lint-ingress-conf-'));
    fs.mkdirSync(path.join(dir, 'tmp'));
    const upstream = await freePort();
    const ports: number[] = [];
    for (const _ of ANNOTATION_SETS) ports.push(await freePort());
    const servers: string[] = [];
    ANNOTATION_SETS.forEach((set, i) => {
      const folder = path.join(dir!, 'fixtures', String(i));
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, 'ingress.yaml'), ingressYaml(`ing-${i}`, set.annotations));
      const config = parseCorsAnnotations(new Map(Object.entries({ 'enable-cors': 'true', ...set.annotations }).map(([k, v]) => [ANNOTATION_PREFIX + k, v])));
      const cors = config.enabled ? renderCors(config).split('\n').map((l) => `      ${l}`).join('\n') : '';
      servers.push(`  server {\n    listen 127.0.0.1:${ports[i]};\n    location / {\n${cors}\n      proxy_pass http://127.0.0.1:${upstream};\n    }\n  }`);
    });
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/tmp/${t};`).join('\n');
    const conf = [
      `load_module ${HEADERS_MORE};`,
      'worker_processes 1;',
      'events {}',
      'http {',
      '  access_log off;',
      temp,
      `  server {\n    listen 127.0.0.1:${upstream};\n    location / { return 200 "app"; }\n    location = /status/500 { return 500; }\n    location = /status/404 { return 404; }\n  }`,
      ...servers,
      '}',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
    server = await startNginx(dir, path.join(dir, 'nginx.conf'), upstream);
    await waitForPort(ports[ports.length - 1]!, 8000, () => '');

    const cases = wireCases();
    const tally: Tally = { stack: 'ingress-nginx template on nginx 1.22 (Debian)', configs: 0, browserRequests: 0, httpRequests: 0, mismatches: [], viaScanner: 0 };
    for (const [i, set] of ANNOTATION_SETS.entries()) {
      const folder = path.join(dir, 'fixtures', String(i));
      const linted = await lint([folder], { cwd: dir, config: {} });
      const policies = linted.policies.filter((p) => p.library === 'ingress-nginx');
      const policy = policies.length === 1 ? policies[0]! : `the reader produced ${policies.length} ingress-nginx policies`;
      tally.viaScanner++;
      const real: RealAnswer[] = [];
      for (const c of cases) real.push(await send(ports[i]!, c.request));
      const rendered = conf.split('\n').filter((l, n, all) => all.slice(0, n + 1).join('\n').includes(`listen 127.0.0.1:${ports[i]};`) && !all.slice(0, n).join('\n').includes(`listen 127.0.0.1:${ports[i + 1] ?? -1};`));
      compareConfig(tally, `${set.name} ${JSON.stringify(set.annotations)}:\n${rendered.join('\n')}`, policy, cases, real);
    }
    printTally(tally);
    if (IN_CI) expect(skip).toBe(false);
    expect(tally.configs).toBe(ANNOTATION_SETS.length);
    expect(tally.mismatches).toEqual([]);
  }, 120_000);
});
