// Small repositories with Traefik configuration (compose labels, file provider YAML and TOML,
// Kubernetes CRDs) through the public lint() API to the findings; each case has a clean counterpart
// that reports nothing. Routes are checked through the reader itself.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextFiles } from '../../src/environment/context-files.js';
import { lint } from '../../src/lint.js';
import type { Diagnostic } from '../../src/model/types.js';
import { readTraefik } from '../../src/proxy/traefik/index.js';
import { applyFixes } from '../../src/fix/apply.js';
import { tempTree } from '../helpers/temp-tree.js';
import { parse as parseYaml } from 'yaml';
import { parse as parseToml } from 'smol-toml';

async function run(files: Record<string, string>, config: Record<string, unknown> = {}) {
  const cwd = tempTree(files);
  const result = await lint(['.'], { cwd, config });
  return { ...result, cwd, ids: result.findings.map((f) => f.ruleId).sort() };
}

function routesOf(files: Record<string, string>) {
  const root = tempTree(files);
  const diagnostics: Diagnostic[] = [];
  const reading = readTraefik(contextFiles(root), {
    readText: (abs) => (fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : undefined),
    display: (abs) => path.relative(root, abs),
    diagnostics,
  });
  return { ...reading, diagnostics };
}

const APP = { 'api/main.py': 'print("hello")\n' };

function compose(labels: string[], extra = ''): string {
  return `services:
  traefik:
    image: traefik:v3.7
    command: ["--providers.docker=true"]
  api:
    build: ./api
    expose:
      - "8000"
${extra}    labels:
${labels.map((l) => `      - "${l}"`).join('\n')}
`;
}

const MW = 'traefik.http.middlewares.cors.headers';

describe('compose labels', () => {
  it("catches '*' with credentials and says Traefik echoes the Origin, naming the middleware", async () => {
    const r = await run({
      ...APP,
      'docker-compose.yml': compose([
        'traefik.http.routers.api.rule=Host(`api.example.com`)',
        'traefik.http.routers.api.middlewares=cors@docker',
        `${MW}.accesscontrolalloworiginlist=*`,
        `${MW}.accessControlAllowCredentials=true`,
        `${MW}.addvaryheader=true`,
      ]),
    });
    expect(r.ids).toEqual(['credentials-with-wildcard-origin']);
    const f = r.findings[0]!;
    expect(f.message).toContain('Traefik middleware cors');
    expect(f.message).toContain('answers with the requesting Origin');
    expect(f.location).toMatchObject({ file: 'docker-compose.yml', line: 12, column: 77 });
    expect(f.severity).toBe('error');
  });

  it("says '*' with credentials only fails (no echo) when the repository runs a Traefik before v3.6.22 / v3.7.6", async () => {
    const files = (image: string) => ({
      ...APP,
      'docker-compose.yml': compose([`${MW}.accesscontrolalloworiginlist=*`, `${MW}.accessControlAllowCredentials=true`, `${MW}.addvaryheader=true`]).replace('traefik:v3.7', image),
    });
    const old = await run(files('traefik:v2.11'));
    expect(old.ids).toEqual(['credentials-with-wildcard-origin']);
    expect(old.findings[0]!.message).toContain('which browsers refuse');
    expect(old.policies[0]!.libraryVersion).toBe('2.11');
    const fixed = await run(files('traefik:v3.7.6'));
    expect(fixed.findings[0]!.message).toContain('answers with the requesting Origin');
    expect(fixed.findings[0]!.message).toContain('Traefik 3.7.6');
  });

  it('catchesNot an exact origin with addVaryHeader', async () => {
    const r = await run({
      ...APP,
      'docker-compose.yml': compose([
        'traefik.http.routers.api.middlewares=cors',
        `${MW}.accesscontrolalloworiginlist=https://app.example.com,https://admin.example.com`,
        `${MW}.accesscontrolallowcredentials=true`,
        `${MW}.addvaryheader=true`,
      ]),
    });
    expect(r.findings).toEqual([]);
    expect(r.policies).toHaveLength(1);
    expect(r.policies[0]!.origins.map((o) => (o.kind === 'exact' ? o.origin : o.kind))).toEqual(['https://app.example.com', 'https://admin.example.com']);
  });

  it('catches an unanchored, undotted regex in map-syntax labels, with a witness under Go MatchString semantics', async () => {
    const r = await run({
      ...APP,
      'docker-compose.yml': `services:
  api:
    image: api
    labels:
      traefik.http.middlewares.cors.headers.accessControlAllowOriginListRegex: "https://.*example.com"
      traefik.http.middlewares.cors.headers.addVaryHeader: "true"
`,
    });
    const f = r.findings.find((x) => x.ruleId === 'permissive-origin-regex');
    expect(f, JSON.stringify(r.findings)).toBeDefined();
    expect(f!.message).toContain("Go's regexp MatchString");
    expect(f!.witness).toBeDefined();
    expect(new RegExp('https://.*example.com').test(f!.witness!)).toBe(true);
    expect(f!.location).toMatchObject({ line: 5, column: 81 });
    // No rewrite of a label value is offered (a tightened pattern may hold a ',' the label list splits on).
    expect(f!.fix).toBeUndefined();
  });

  it('catchesNot an anchored regex with escaped dots', async () => {
    const r = await run({
      ...APP,
      'docker-compose.yml': `services:
  api:
    image: api
    labels:
      traefik.http.middlewares.cors.headers.accessControlAllowOriginListRegex: '^https://([a-z0-9-]+\\.)?example\\.com$'
      traefik.http.middlewares.cors.headers.addVaryHeader: "true"
`,
    });
    expect(r.findings).toEqual([]);
  });

  it('catches a missing Vary: Origin when the list is exact and addVaryHeader is not set', async () => {
    const r = await run({ ...APP, 'docker-compose.yml': compose([`${MW}.accesscontrolalloworiginlist=https://app.example.com,https://b.example.com`]) });
    expect(r.ids).toEqual(['missing-vary-origin']);
    expect(r.findings[0]!.message).toContain('addVaryHeader');
    expect(r.findings[0]!.fix).toBeUndefined();
  });

  it('reads labels interpolated from the compose .env', async () => {
    const r = await run({ ...APP, '.env': 'APP_ORIGIN=https://app.example.com/\n', 'docker-compose.yml': compose([`${MW}.accesscontrolalloworiginlist=\${APP_ORIGIN}`, `${MW}.addvaryheader=true`]) });
    expect(r.ids).toEqual(['malformed-origin']);
    // The value is not written where the finding points, so no edit is offered there.
    expect(r.findings[0]!.fix).toBeUndefined();
  });

  it('skips a container with traefik.enable=false', async () => {
    const r = await run({ ...APP, 'docker-compose.yml': compose(['traefik.enable=false', `${MW}.accesscontrolalloworiginlist=*`]) });
    expect(r.policies).toEqual([]);
  });
});

describe('file provider', () => {
  const YAML_BAD = `http:
  middlewares:
    web-cors:
      headers:
        accessControlAllowOriginList:
          - https://app.example.com/
          - "http://partner.example.org"
        addVaryHeader: true
`;
  it('catches a trailing slash and plain http, and fixes the slash in place', async () => {
    const r = await run({ 'dynamic.yml': YAML_BAD });
    expect(r.ids).toEqual(['insecure-origin-scheme', 'malformed-origin']);
    const malformed = r.findings.find((f) => f.ruleId === 'malformed-origin')!;
    expect(malformed.message).toContain('Traefik');
    expect(malformed.fix?.applicability).toBe('safe');
    const fixed = applyFixes(YAML_BAD, [malformed.fix!]).text;
    expect(fixed).toContain('          - https://app.example.com\n');
  });

  it('catchesNot the corrected file', async () => {
    const r = await run({ 'dynamic.yml': YAML_BAD.replace('example.com/', 'example.com').replace('http://partner', 'https://partner') });
    expect(r.findings).toEqual([]);
  });

  const TOML_BAD = `[http.middlewares.tcors.headers]
  accessControlAllowOriginList = ["null", "https://a.example.com"]
  accessControlAllowOriginListRegex = [
    '^https://[a-z]+\\.vercel\\.app$',
  ]
  addVaryHeader = true
`;
  it('catches a trusted null origin and a shared-hosting regex in TOML, on their lines', async () => {
    const r = await run({ 'traefik/dynamic.toml': TOML_BAD });
    expect(r.ids).toEqual(['null-origin', 'shared-hosting-origin']);
    expect(r.findings.find((f) => f.ruleId === 'null-origin')!.location).toMatchObject({ file: 'traefik/dynamic.toml', line: 2, column: 35 });
    expect(r.findings.find((f) => f.ruleId === 'shared-hosting-origin')!.location).toMatchObject({ line: 4, column: 5 });
  });

  it('catchesNot a TOML middleware with exact https origins', async () => {
    const r = await run({ 'traefik/dynamic.toml': '[http.middlewares.tcors.headers]\n  accessControlAllowOriginList = ["https://a.example.com"]\n  addVaryHeader = true\n' });
    expect(r.findings).toEqual([]);
    expect(r.policies[0]!.scope.name).toBe('Traefik middleware tcors');
  });

  it('catches an option Traefik does not have and says the file is not loaded', async () => {
    const r = await run({ 'dynamic.yml': 'http:\n  middlewares:\n    c:\n      headers:\n        accessControlAllowOrigin: "https://a.example.com"\n        addVaryHeader: true\n' });
    const f = r.findings.find((x) => x.ruleId === 'invalid-cors-option');
    expect(f, JSON.stringify(r.findings)).toBeDefined();
    expect(f!.message).toContain('accessControlAllowOriginList');
    expect(f!.message).toContain('file provider');
  });

  it('catches a lookahead Go regexp rejects', async () => {
    const r = await run({ 'dynamic.yml': "http:\n  middlewares:\n    c:\n      headers:\n        accessControlAllowOriginListRegex: ['^https://(?!evil)[a-z]+\\.example\\.com$']\n        addVaryHeader: true\n" });
    expect(r.ids).toEqual(['invalid-cors-option']);
    expect(r.findings[0]!.message).toContain('RE2');
  });

  it('tightens a regex where it is quoted, so the YAML and TOML still decode to the tightened pattern', async () => {
    const yamlText = 'http:\n  middlewares:\n    c:\n      headers:\n        accessControlAllowOriginListRegex:\n          - "https://app.example.com"\n          - https://app.example.org\n        addVaryHeader: true\n';
    const tomlText = "[http.middlewares.t.headers]\naccessControlAllowOriginListRegex = ['https://app.example.net']\naddVaryHeader = true\n";
    const r = await run({ 'dynamic.yml': yamlText, 'dynamic.toml': tomlText });
    const fixes = r.findings.filter((f) => f.ruleId === 'permissive-origin-regex');
    expect(fixes).toHaveLength(3);
    // The plain YAML scalar gets no edit (a tightened pattern is not always a valid plain scalar).
    expect(fixes.find((f) => f.location.line === 7)!.fix).toBeUndefined();
    const yamlFixed = applyFixes(yamlText, fixes.filter((f) => f.location.file === 'dynamic.yml' && f.fix).map((f) => f.fix!)).text;
    const tomlFixed = applyFixes(tomlText, fixes.filter((f) => f.location.file === 'dynamic.toml').map((f) => f.fix!)).text;
    expect(parseYaml(yamlFixed).http.middlewares.c.headers.accessControlAllowOriginListRegex[0]).toBe('^https://app\\.example\\.com$');
    expect((parseToml(tomlFixed) as any).http.middlewares.t.headers.accessControlAllowOriginListRegex[0]).toBe('^https://app\\.example\\.net$');
  });

  it("does not report '*' headers and methods with credentials (Traefik echoes the request), but does report '*' expose headers", async () => {
    const base = 'http:\n  middlewares:\n    c:\n      headers:\n        accessControlAllowOriginList: ["https://a.example.com"]\n        accessControlAllowCredentials: true\n        addVaryHeader: true\n';
    const clean = await run({ 'dynamic.yml': `${base}        accessControlAllowHeaders: ["*"]\n        accessControlAllowMethods: ["*"]\n` });
    expect(clean.findings).toEqual([]);
    const bad = await run({ 'dynamic.yml': `${base}        accessControlExposeHeaders: ["*"]\n` });
    expect(bad.ids).toEqual(['credentials-with-wildcard-headers']);
    expect(bad.findings[0]!.message).toContain('leaves Access-Control-Expose-Headers out');
  });

  it('catches an origin outside the allowlist', async () => {
    const files = { 'dynamic.yml': 'http:\n  middlewares:\n    c:\n      headers:\n        accessControlAllowOriginList: ["https://partner.example.net"]\n        addVaryHeader: true\n' };
    expect((await run(files, { allowedOrigins: ['https://*.example.com'] })).ids).toEqual(['origin-not-allowed-by-policy']);
    expect((await run(files, { allowedOrigins: ['https://*.example.net'] })).findings).toEqual([]);
  });
});

describe('Kubernetes CRDs', () => {
  const crd = (list: string) => `apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata:
  name: kcors
  namespace: prod
spec:
  headers:
    accessControlAllowOriginList:
${list}
    addVaryHeader: true
`;
  it('catches an http origin in a traefik.io Middleware', async () => {
    const r = await run({ 'k8s/middleware.yaml': crd('      - http://app.example.com') });
    expect(r.ids).toEqual(['insecure-origin-scheme']);
    expect(r.findings[0]!.location).toMatchObject({ file: 'k8s/middleware.yaml', line: 9 });
  });

  it('catchesNot an https origin; keys are exact in CRDs (a lowercase key is pruned)', async () => {
    expect((await run({ 'k8s/middleware.yaml': crd('      - https://app.example.com') })).findings).toEqual([]);
    const pruned = await run({ 'k8s/middleware.yaml': crd('      - https://app.example.com').replace('accessControlAllowOriginList', 'accesscontrolalloworiginlist') });
    expect(pruned.policies[0]!.origins).toEqual([]);
  });

  it('reads the older traefik.containo.us group', async () => {
    const r = await run({ 'k8s/middleware.yaml': crd('      - "*"').replace('traefik.io', 'traefik.containo.us') });
    expect(r.ids).toEqual(['wildcard-origin']);
  });
});

describe('routes', () => {
  it('links a compose router to its container, with the CORS middleware answering preflights', () => {
    const { routes } = routesOf({
      'docker-compose.yml': compose([
        'traefik.http.routers.api.rule=Host(`api.example.com`) && PathPrefix(`/v1`)',
        'traefik.http.routers.api.middlewares=auth, cors',
        `${MW}.accesscontrolalloworiginlist=https://app.example.com`,
      ]),
    });
    expect(routes).toHaveLength(1);
    const route = routes[0]!;
    expect(route).toMatchObject({ stack: 'traefik', hosts: ['api.example.com'], path: '/v1', targets: [{ host: 'api', port: 8000 }] });
    expect(route.policy?.scope.name).toBe('Traefik middleware cors');
    expect(route.answersPreflight).toMatchObject({ status: 200, corsHeaders: true });
  });

  it('uses the service port label and reports customResponseHeaders "" as a strip, without a preflight answer', () => {
    const { routes } = routesOf({
      'docker-compose.yml': compose([
        'traefik.http.routers.api.middlewares=strip',
        'traefik.http.services.api.loadbalancer.server.port=9000',
        'traefik.http.middlewares.strip.headers.customresponseheaders.Access-Control-Allow-Origin=',
      ]),
    });
    expect(routes[0]!.targets).toMatchObject([{ host: 'api', port: 9000 }]);
    expect(routes[0]!.strips).toMatchObject([{ header: 'access-control-allow-origin' }]);
    expect(routes[0]!.answersPreflight).toBeUndefined();
  });

  it('follows file-provider routers to their servers, across files, and CRD IngressRoutes to Services', () => {
    const { routes } = routesOf({
      'dynamic/routers.yml': 'http:\n  routers:\n    web:\n      rule: Host(`web.example.com`)\n      middlewares: [web-cors@file]\n      service: web\n  services:\n    web:\n      loadBalancer:\n        servers:\n          - url: http://web:3000\n',
      'dynamic/middlewares.toml': '[http.middlewares.web-cors.headers]\n  accessControlAllowMethods = ["GET"]\n',
      'k8s/route.yaml': `apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata:
  name: kcors
  namespace: prod
spec:
  headers:
    accessControlAllowOriginList: ["https://app.example.com"]
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: api
  namespace: prod
spec:
  routes:
    - match: Host(\`k.example.com\`)
      kind: Rule
      middlewares:
        - name: kcors
      services:
        - name: api-svc
          port: 80
`,
    });
    const web = routes.find((r) => r.label === 'Traefik router web')!;
    expect(web.targets).toMatchObject([{ host: 'web', port: 3000, scheme: 'http' }]);
    // Only allowMethods: Traefik answers preflights without Access-Control-Allow-Origin.
    expect(web.answersPreflight).toMatchObject({ corsHeaders: false });
    const k = routes.find((r) => r.label.startsWith('Traefik IngressRoute api'))!;
    expect(k.targets).toMatchObject([{ host: 'api-svc', port: 80, kubernetesService: { name: 'api-svc', namespace: 'prod' } }]);
    expect(k.policy?.scope.name).toBe('Traefik middleware kcors');
  });
});

describe('paths through Traefik to an application with its own CORS', () => {
  const FASTAPI = `from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True, allow_methods=["*"])
`;
  const withLabels = (labels: string[]) => ({
    'api/main.py': FASTAPI,
    'docker-compose.yml': `services:
  api:
    build: ./api
    command: uvicorn main:app --host 0.0.0.0 --port 8000
    labels:
${['traefik.http.routers.api.rule=Host(`api.example.com`)', 'traefik.http.services.api.loadbalancer.server.port=8000', ...labels].map((l) => `      - "${l}"`).join('\n')}
`,
  });

  it('catches a middleware whose CORS options lack origins: Traefik answers the preflight itself without Allow-Origin', async () => {
    const r = await run(withLabels(['traefik.http.routers.api.middlewares=hdr', 'traefik.http.middlewares.hdr.headers.accesscontrolallowmethods=GET,PUT']));
    expect(r.ids).toEqual(['preflight-not-handled']);
    expect(r.findings[0]!.message).toContain('Traefik middleware hdr');
  });

  it('catches customResponseHeaders "" removing the application\'s Allow-Origin', async () => {
    const r = await run(withLabels(['traefik.http.routers.api.middlewares=strip', 'traefik.http.middlewares.strip.headers.customresponseheaders.Access-Control-Allow-Origin=']));
    expect(r.ids).toEqual(['proxy-strips-cors-headers']);
    expect(r.findings[0]!.message).toContain('customResponseHeaders Access-Control-Allow-Origin');
  });

  it('catchesNot a router without CORS middleware, nor a Traefik origin list that replaces the application\'s value (Header.Set)', async () => {
    expect((await run(withLabels([]))).findings).toEqual([]);
    const both = await run(withLabels(['traefik.http.routers.api.middlewares=cors', 'traefik.http.middlewares.cors.headers.accesscontrolalloworiginlist=https://app.example.com', 'traefik.http.middlewares.cors.headers.addvaryheader=true']));
    expect(both.findings).toEqual([]);
  });
});

describe('bad input', () => {
  it('reports invalid YAML and TOML once each and goes on', async () => {
    const r = await run({
      'dynamic.yml': 'http:\n  middlewares:\n    c:\n      headers:\n        accessControlAllowOriginList: [unclosed\n',
      'dynamic.toml': '[http.middlewares.c.headers]\naccessControlAllowOriginList = ["a"\n',
      'ok.yml': 'http:\n  middlewares:\n    c:\n      headers:\n        accessControlAllowOriginList: ["*"]\n',
    });
    const parseErrors = r.diagnostics.filter((d) => d.kind === 'parse-error');
    expect(parseErrors.map((d) => d.file).sort()).toEqual(['dynamic.toml', 'dynamic.yml']);
    expect(r.ids).toEqual(['wildcard-origin']);
  });

  it('survives labels of odd shapes', async () => {
    const r = await run({
      'docker-compose.yml': `services:
  a:
    labels: 42
  b:
    labels:
      - 7
      - "traefik..http.middlewares.x.headers.accesscontrolalloworiginlist=*"
      - "traefik.http.middlewares"
      - "traefik.http.middlewares.y.headers.accesscontrolalloworiginlist"
      - { nested: map }
  c:
    labels:
      traefik.http.middlewares.z.headers.accesscontrolallowcredentials: maybe
      traefik.http.middlewares.z.headers.accesscontrolalloworiginlist: ~
      traefik.http.routers.r.middlewares: ~
`,
    });
    expect(r.diagnostics.filter((d) => d.kind === 'internal-error')).toEqual([]);
    expect(r.findings.filter((f) => f.ruleId === 'invalid-cors-option')).toHaveLength(1);
  });

  it('reads a large file provider configuration in reasonable time', async () => {
    const routers = Array.from({ length: 3000 }, (_, i) => `[http.routers.r${i}]\n  rule = "Host(\`h${i}.example.com\`)"\n  middlewares = ["m${i % 10}"]\n  service = "s"\n`).join('');
    const mws = Array.from({ length: 10 }, (_, i) => `[http.middlewares.m${i}.headers]\n  accessControlAllowOriginList = ["https://a${i}.example.com"]\n  addVaryHeader = true\n`).join('');
    const started = Date.now();
    const r = await run({ 'dynamic.toml': mws + routers });
    expect(r.policies).toHaveLength(10);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
