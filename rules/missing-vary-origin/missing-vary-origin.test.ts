import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { newPolicy } from '../../src/model/policy.js';
import type { CorsPolicy, Library, PolicyScope, Span, Stack } from '../../src/model/types.js';
import { runRules } from '../../src/rules/run-rules.js';
import rule from './index.js';
import { scanNginx } from '../../test/extract/nginx/helpers.js';

const span = (file: string, line: number, column: number, endColumn: number): Span => ({ file, line, column, endLine: line, endColumn });

function policy(stack: Stack, library: Library, file: string, scope: PolicyScope = { kind: 'app', name: 'app' }): CorsPolicy {
  return newPolicy({ stack, library, span: span(file, 2, 1, 40), scope });
}

function lintPolicies(...policies: CorsPolicy[]) {
  const { findings, errors } = runRules([rule], policies, () => ({ options: {} }), {});
  expect(errors).toEqual([]);
  return findings;
}

describe('missing-vary-origin', () => {
  describe('catches', () => {
    it('nginx echoing $http_origin without Vary', () => {
      const p = policy('nginx', 'nginx', 'nginx.conf', { kind: 'location', name: 'location /api/' });
      p.origins = [{ kind: 'reflect', span: span('nginx.conf', 9, 44, 56) }];
      p.emittedHeaders = [
        { name: 'Access-Control-Allow-Origin', value: '$http_origin', span: span('nginx.conf', 9, 44, 56), dependsOnOrigin: true, always: true },
      ];
      const [finding, ...rest] = lintPolicies(p);
      expect(rest).toEqual([]);
      expect(finding).toMatchObject({ ruleId: 'missing-vary-origin', severity: 'warning', location: { file: 'nginx.conf', line: 9, column: 44, endColumn: 56 } });
      expect(finding!.message).toContain('Access-Control-Allow-Origin is set to $http_origin, which follows the request Origin (in location /api/), but no Vary: Origin is sent with it (nginx):');
      expect(finding!.message).toContain('add_header Vary Origin always;');
    });

    it('nginx sending a map variable', () => {
      const p = policy('nginx', 'nginx', 'conf.d/api.conf');
      p.emittedHeaders = [{ name: 'access-control-allow-origin', value: '$cors_origin', span: span('conf.d/api.conf', 14, 42, 54), dependsOnOrigin: true }];
      expect(lintPolicies(p).map((f) => [f.location.line, f.location.column])).toEqual([[14, 42]]);
    });

    it('nginx choosing between fixed origins in if blocks', () => {
      const p = policy('nginx', 'nginx', 'nginx.conf');
      p.emittedHeaders = [
        { name: 'Access-Control-Allow-Origin', value: 'https://app.example.com', span: span('nginx.conf', 5, 45, 68), conditional: '$http_origin = https://app.example.com' },
        { name: 'Access-Control-Allow-Origin', value: 'https://admin.example.com', span: span('nginx.conf', 8, 45, 70), conditional: '$http_origin = https://admin.example.com' },
      ];
      const [finding] = lintPolicies(p);
      expect(finding!.location).toMatchObject({ line: 5, column: 45 });
      expect(finding!.message).toContain('is chosen per request among https://app.example.com, https://admin.example.com');
    });

    it('hand-written Express header echoing an allowlisted Origin', () => {
      const p = policy('express', 'manual', 'server.js');
      p.origins = [{ kind: 'reflect', condition: 'allowed.includes(origin)', span: span('server.js', 8, 50, 56) }];
      const [finding] = lintPolicies(p);
      expect(finding!.location).toMatchObject({ file: 'server.js', line: 8, column: 50, endColumn: 56 });
      expect(finding!.message).toContain('echoes the request Origin when allowed.includes(origin)');
      expect(finding!.message).toContain('but no Vary: Origin is sent with it (hand-written headers in Express)');
      expect(finding!.message).toContain("res.vary('Origin')");
    });

    it('hand-written Flask header echoing a regex-checked Origin', () => {
      const p = policy('flask', 'manual', 'app.py');
      p.origins = [{ kind: 'regex', pattern: '^https://[a-z]+\\.example\\.com$', flavor: 'python', mode: 'match', ignoreCase: false, span: span('app.py', 11, 22, 58) }];
      const [finding] = lintPolicies(p);
      expect(finding!.location.line).toBe(11);
      expect(finding!.message).toContain('echoes every request Origin that matches ^https://[a-z]+\\.example\\.com$');
      expect(finding!.message).toContain('patch_vary_headers');
    });

    it('Flask-CORS with vary_header=False and two origins', () => {
      const p = policy('flask', 'flask-cors', 'app.py');
      p.originsSpan = span('app.py', 6, 18, 70);
      p.origins = [
        { kind: 'exact', origin: 'https://app.example.com', span: span('app.py', 6, 19, 44) },
        { kind: 'exact', origin: 'https://admin.example.com', span: span('app.py', 6, 46, 69) },
      ];
      p.varyOrigin = { value: false, why: 'vary_header=False', span: span('app.py', 6, 72, 89) };
      const [finding] = lintPolicies(p);
      expect(finding!.location).toMatchObject({ line: 6, column: 18, endColumn: 70 });
      expect(finding!.message).toContain('but no Vary: Origin is sent with it (Flask-CORS; vary_header=False):');
      expect(finding!.message).toContain('Drop vary_header=False');
    });

    it("Flask-CORS '*' without send_wildcard (which reflects) and vary_header=False", () => {
      const p = policy('flask', 'flask-cors', 'app.py');
      p.origins = [{ kind: 'reflect', span: span('app.py', 4, 1, 10) }];
      p.varyOrigin = { value: false, why: 'vary_header=False' };
      expect(lintPolicies(p)[0]!.message).toContain('Access-Control-Allow-Origin echoes the request Origin (in app)');
    });

    it("'*' that django-cors-headers and @koa/cors answer with an echo when credentials are on (were Vary off)", () => {
      const django = policy('django', 'django-cors-headers', 'settings.py');
      django.origins = [{ kind: 'any', span: span('settings.py', 3, 1, 30) }];
      django.credentials = { value: true };
      const koa = policy('koa', '@koa/cors', 'app.js');
      koa.origins = [{ kind: 'any', span: span('app.js', 4, 10, 40) }];
      koa.credentials = { value: true };
      const findings = lintPolicies(django, koa);
      expect(findings.map((f) => [f.location.file, f.location.line])).toEqual([
        ['settings.py', 3],
        ['app.js', 4],
      ]);
      expect(findings[0]!.message).toContain("answers '*' by echoing the request Origin");
    });
  });

  it('reports a server-level header that every location inherits once, at that header', async () => {
    const conf = [
      'server {',
      '    listen 8080;',
      '    add_header Access-Control-Allow-Origin $http_origin always;',
      '    location /v1/ { proxy_pass http://127.0.0.1:9001; }',
      '    location / { proxy_pass http://127.0.0.1:9000; }',
      '}',
    ].join('\n');
    const { policies } = await scanNginx({ 'site.conf': conf });
    expect(policies.length).toBeGreaterThan(1);
    const findings = lintPolicies(...policies);
    expect(findings.map((f) => [f.location.file, f.location.line, f.location.column])).toEqual([['site.conf', 3, 44]]);
  });

  it('nginx: an OPTIONS branch without Vary does not matter (OPTIONS answers are not cached); the other responses still do', async () => {
    const withVary = [
      'server {',
      '  listen 8080;',
      '  location /v2/ {',
      '    add_header Access-Control-Allow-Origin $http_origin always;',
      '    add_header Vary Origin always;',
      '    if ($request_method = OPTIONS) {',
      '      add_header Access-Control-Allow-Origin $http_origin;',
      '      add_header Access-Control-Allow-Methods "GET, PATCH";',
      '      return 204;',
      '    }',
      '    proxy_pass http://127.0.0.1:9002;',
      '  }',
      '}',
    ].join('\n');
    expect(lintPolicies(...(await scanNginx({ 'a.conf': withVary })).policies)).toEqual([]);
    const onlyPreflight = withVary.replace('    add_header Access-Control-Allow-Origin $http_origin always;\n    add_header Vary Origin always;\n', '');
    expect(lintPolicies(...(await scanNginx({ 'b.conf': onlyPreflight })).policies)).toEqual([]);
    const noVary = withVary.replace('    add_header Vary Origin always;\n', '');
    const findings = lintPolicies(...(await scanNginx({ 'c.conf': noVary })).policies);
    expect(findings.map((f) => [f.location.file, f.location.line, f.location.column])).toEqual([['c.conf', 4, 44]]);
  });

  describe('catchesNot', () => {
    it('libraries that add Vary: Origin themselves (the scanner sets varyOrigin)', () => {
      const starlette = policy('fastapi', 'starlette', 'main.py');
      starlette.origins = [{ kind: 'regex', pattern: 'https://.*\\.example\\.com', flavor: 'python', mode: 'fullmatch', ignoreCase: false, span: span('main.py', 9, 25, 52) }];
      starlette.varyOrigin = { value: true, isDefault: true };
      const express = policy('express', 'cors', 'server.js');
      express.origins = [{ kind: 'reflect', span: span('server.js', 4, 27, 31) }];
      express.varyOrigin = { value: true, isDefault: true };
      expect(lintPolicies(starlette, express)).toEqual([]);
    });

    it('Vary that cannot be resolved', () => {
      const p = policy('nginx', 'nginx', 'nginx.conf');
      p.emittedHeaders = [{ name: 'Access-Control-Allow-Origin', value: '$http_origin', span: span('nginx.conf', 3, 40, 52), dependsOnOrigin: true }];
      p.varyOrigin = { value: 'unknown', why: 'Vary is set from $vary_value' };
      expect(lintPolicies(p)).toEqual([]);
    });

    it('a fixed single origin or * (nginx literal, npm cors string and default)', () => {
      const nginx = policy('nginx', 'nginx', 'nginx.conf');
      nginx.origins = [{ kind: 'exact', origin: 'https://app.example.com', sentVerbatim: true, span: span('nginx.conf', 3, 40, 63) }];
      nginx.emittedHeaders = [{ name: 'Access-Control-Allow-Origin', value: 'https://app.example.com', span: span('nginx.conf', 3, 40, 63) }];
      const star = policy('nginx', 'nginx', 'public.conf');
      star.origins = [{ kind: 'any', sentVerbatim: true }];
      star.emittedHeaders = [{ name: 'Access-Control-Allow-Origin', value: '*', span: span('public.conf', 3, 40, 43) }];
      const cors = policy('express', 'cors', 'server.js');
      cors.origins = [{ kind: 'any' }];
      const flaskOne = policy('flask', 'flask-cors', 'app.py');
      flaskOne.origins = [{ kind: 'exact', origin: 'https://app.example.com', span: span('app.py', 5, 20, 45) }];
      expect(lintPolicies(nginx, star, cors, flaskOne)).toEqual([]);
    });

    it("'*' that the library sends literally (Flask-CORS send_wildcard, django-cors-headers without credentials)", () => {
      const flask = policy('flask', 'flask-cors', 'app.py');
      flask.origins = [{ kind: 'any' }];
      const django = policy('django', 'django-cors-headers', 'settings.py');
      django.origins = [{ kind: 'any' }];
      django.credentials = { value: false };
      expect(lintPolicies(flask, django)).toEqual([]);
    });

    it('literal values written at once (a multiple-origin-values problem, not a per-request choice)', () => {
      const p = policy('express', 'manual', 'app.js');
      p.origins = [
        { kind: 'exact', origin: 'https://app.example.com', sentVerbatim: true, span: span('app.js', 4, 45, 70) },
        { kind: 'exact', origin: 'https://admin.example.com', sentVerbatim: true, span: span('app.js', 5, 45, 72) },
      ];
      p.emittedHeaders = [
        { name: 'Access-Control-Allow-Origin', value: 'https://app.example.com', span: span('app.js', 4, 45, 70), combine: 'add' },
        { name: 'Access-Control-Allow-Origin', value: 'https://admin.example.com', span: span('app.js', 5, 45, 72), combine: 'add' },
      ];
      expect(lintPolicies(p)).toEqual([]);
    });

    it('origins that could not be resolved', () => {
      const p = policy('express', 'manual', 'server.js');
      p.origins = [{ kind: 'unknown', why: 'process.env.ORIGIN has no default' }];
      const q = policy('django', 'django-cors-headers', 'settings.py');
      q.origins = [{ kind: 'any' }];
      q.credentials = { value: 'unknown', why: 'env' };
      expect(lintPolicies(p, q)).toEqual([]);
    });
  });
});

// The README's table of libraries that add Vary: Origin themselves, checked against the real packages:
// each echoes the second of two allowed origins and must say Vary: Origin.
const ORIGINS = ['https://app.example.com', 'https://admin.example.com'];

async function varyFrom(base: string): Promise<{ vary: string | null; allowOrigin: string | null }> {
  const response = await fetch(`${base}/x`, { headers: { Origin: ORIGINS[1]! } });
  return { vary: response.headers.get('vary'), allowOrigin: response.headers.get('access-control-allow-origin') };
}

async function baseOf(server: Server): Promise<string> {
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('missing-vary-origin: npm libraries add Vary: Origin themselves (127.0.0.1)', () => {
  const require = createRequire(import.meta.url);

  it('npm cors with a list', async () => {
    const express = require('express') as typeof import('express');
    const cors = require('cors') as typeof import('cors');
    const app = express();
    app.use(cors({ origin: ORIGINS }));
    app.get('/x', (_req, res) => {
      res.send('ok');
    });
    const server = app.listen(0, '127.0.0.1');
    try {
      expect(await varyFrom(await baseOf(server))).toEqual({ vary: 'Origin', allowOrigin: ORIGINS[1] });
    } finally {
      server.close();
    }
  });

  it('@koa/cors with an origin function', async () => {
    const Koa = require('koa') as new () => { use(fn: unknown): unknown; listen(port: number, host: string): Server };
    const koaCors = require('@koa/cors') as (o: object) => unknown;
    const app = new Koa();
    app.use(koaCors({ origin: (ctx: { get(name: string): string }) => (ORIGINS.includes(ctx.get('Origin')) ? ctx.get('Origin') : '') }));
    app.use((ctx: { body: string }) => {
      ctx.body = 'ok';
    });
    const server = app.listen(0, '127.0.0.1');
    try {
      expect(await varyFrom(await baseOf(server))).toEqual({ vary: 'Origin', allowOrigin: ORIGINS[1] });
    } finally {
      server.close();
    }
  });

  it('@fastify/cors with a list', async () => {
    const fastify = require('fastify') as (o?: object) => import('fastify').FastifyInstance;
    const app = fastify();
    await app.register(require('@fastify/cors'), { origin: ORIGINS });
    app.get('/x', async () => 'ok');
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      expect(await varyFrom(await baseOf(app.server))).toEqual({ vary: 'Origin', allowOrigin: ORIGINS[1] });
    } finally {
      await app.close();
    }
  });
});

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./python-vary.py', import.meta.url));

describe('missing-vary-origin: Python libraries add Vary: Origin themselves', () => {
  let oracle: Record<string, { missing?: string; vary?: string | null; allowOrigin?: string | null; varyHeaderFalse?: { vary: string | null } }> | undefined;
  let missing: string | undefined;
  if (!existsSync(PYTHON)) missing = `${PYTHON} not found`;
  else {
    const run = spawnSync(PYTHON, [SCRIPT], { encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0) missing = `${SCRIPT} failed: ${run.stderr.trim()}`;
    else oracle = JSON.parse(run.stdout);
  }
  for (const library of ['starlette', 'flask-cors', 'django-cors-headers']) {
    const reason = missing ?? oracle?.[library]?.missing;
    const skip = reason !== undefined && process.env.CI !== 'true';
    if (skip) console.warn(`skipping the ${library} Vary oracle: ${reason}`);
    it.skipIf(skip)(`${library} sends Vary: Origin when it echoes one of several origins`, () => {
      expect(reason, `the ${library} oracle is required in CI`).toBeUndefined();
      expect(oracle![library]).toMatchObject({ vary: 'Origin', allowOrigin: ORIGINS[1] });
    });
  }
  const flaskMissing = missing ?? oracle?.['flask-cors']?.missing;
  it.skipIf(flaskMissing !== undefined && process.env.CI !== 'true')('Flask-CORS with vary_header=False sends none, which the rule reports', () => {
    expect(flaskMissing, 'the Flask-CORS oracle is required in CI').toBeUndefined();
    expect(oracle!['flask-cors']!.varyHeaderFalse).toEqual({ vary: null, allowOrigin: ORIGINS[1] });
    const p = policy('flask', 'flask-cors', 'app.py');
    p.origins = ORIGINS.map((origin) => ({ kind: 'exact' as const, origin, span: span('app.py', 6, 20, 45) }));
    p.varyOrigin = { value: false, why: 'vary_header=False' };
    expect(lintPolicies(p)).toHaveLength(1);
  });
});
