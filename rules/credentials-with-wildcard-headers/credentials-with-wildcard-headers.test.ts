import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { newPolicy } from '../../src/model/policy.js';
import type { CorsPolicy, Library, Span, Stack } from '../../src/model/types.js';
import { runRules } from '../../src/rules/run-rules.js';
import rule from './index.js';

const span = (file: string, line: number, column: number, endColumn: number): Span => ({ file, line, column, endLine: line, endColumn });

function policy(stack: Stack, library: Library, file: string): CorsPolicy {
  const p = newPolicy({ stack, library, span: span(file, 3, 1, 50), scope: { kind: 'app', name: 'app' } });
  p.origins = [{ kind: 'exact', origin: 'https://app.example.com', span: span(file, 4, 10, 35) }];
  p.credentials = { value: true, span: span(file, 5, 5, 20) };
  return p;
}

function lintPolicies(...policies: CorsPolicy[]) {
  const { findings, errors } = runRules([rule], policies, () => ({ options: {} }), {});
  expect(errors).toEqual([]);
  return findings;
}

type Field = 'allowHeaders' | 'allowMethods' | 'exposeHeaders';
const FIELDS: Field[] = ['allowHeaders', 'allowMethods', 'exposeHeaders'];

/** Which fields the rule reports for a policy of this library with '*' in all three and credentials on. */
function reportedFields(stack: Stack, library: Library): Field[] {
  const p = policy(stack, library, 'x');
  FIELDS.forEach((field, i) => {
    p[field] = { value: ['*'], span: span('x', 10 + i, 1, 5) };
  });
  return lintPolicies(p).map((f) => FIELDS[f.location.line - 10]!);
}

describe('credentials-with-wildcard-headers', () => {
  describe('catches', () => {
    it("npm cors allowedHeaders: '*' with credentials: true", () => {
      const p = policy('express', 'cors', 'server.js');
      p.allowHeaders = { value: ['*'], span: span('server.js', 7, 19, 22) };
      const [finding, ...rest] = lintPolicies(p);
      expect(rest).toEqual([]);
      expect(finding).toMatchObject({ ruleId: 'credentials-with-wildcard-headers', severity: 'warning', location: { file: 'server.js', line: 7, column: 19, endColumn: 22 } });
      expect(finding!.message).toBe(
        "Access-Control-Allow-Headers: * with credentials (sent as written by npm cors in Express): for a credentialed request the browser reads '*' as a header literally named '*', so every preflight that asks for a non-safelisted header (Authorization, Content-Type: application/json, X-Requested-With) fails and the request is never sent. List the allowed headers instead.",
      );
    });

    it('methods and exposed headers for @fastify/cors and @koa/cors', () => {
      const fastify = policy('fastify', '@fastify/cors', 'app.ts');
      fastify.allowMethods = { value: ['GET', '*'], span: span('app.ts', 8, 12, 24) };
      const koa = policy('koa', '@koa/cors', 'koa.js');
      koa.exposeHeaders = { value: ['*'], span: span('koa.js', 9, 18, 21) };
      const findings = lintPolicies(fastify, koa);
      expect(findings.map((f) => [f.location.file, f.location.line, f.location.column])).toEqual([
        ['app.ts', 8, 12],
        ['koa.js', 9, 18],
      ]);
      expect(findings[0]!.message).toContain("the browser reads '*' as a method literally named '*', so preflights for PUT, PATCH and DELETE fail");
      expect(findings[1]!.message).toContain('scripts on the calling page cannot read any non-safelisted response header');
    });

    it('FastAPI expose_headers=["*"] (Starlette sends it as written)', () => {
      const p = policy('fastapi', 'starlette', 'main.py');
      p.exposeHeaders = { value: ['*'], span: span('main.py', 12, 20, 25) };
      const [finding] = lintPolicies(p);
      expect(finding!.location).toMatchObject({ file: 'main.py', line: 12, column: 20, endColumn: 25 });
      expect(finding!.message).toContain('Access-Control-Expose-Headers: * with credentials (sent as written by Starlette CORSMiddleware in FastAPI)');
    });

    it('django-cors-headers: all three fields', () => {
      const p = policy('django', 'django-cors-headers', 'settings.py');
      p.allowHeaders = { value: ['*'], span: span('settings.py', 20, 22, 25) };
      p.allowMethods = { value: ['*'], span: span('settings.py', 21, 22, 25) };
      p.exposeHeaders = { value: ['*'], span: span('settings.py', 22, 23, 26) };
      expect(lintPolicies(p).map((f) => f.location.line)).toEqual([20, 21, 22]);
    });

    it('nginx add_header values, also when only the emitted header carries the wildcard, reported once per field', () => {
      const p = policy('nginx', 'nginx', 'nginx.conf');
      p.allowHeaders = { value: ['*'], span: span('nginx.conf', 6, 46, 49) };
      p.emittedHeaders = [
        { name: 'Access-Control-Allow-Headers', value: '*', span: span('nginx.conf', 6, 46, 49), always: true },
        { name: 'access-control-allow-methods', value: 'GET, POST, *', span: span('nginx.conf', 7, 46, 60), always: true },
      ];
      const findings = lintPolicies(p);
      expect(findings.map((f) => [f.location.line, f.location.column])).toEqual([
        [6, 46],
        [7, 46],
      ]);
      expect(findings[0]!.message).toContain('(sent as written by nginx)');
    });

    it('hand-written headers', () => {
      const p = policy('express', 'manual', 'app.js');
      p.emittedHeaders = [{ name: 'Access-Control-Expose-Headers', value: '*', span: span('app.js', 11, 50, 53) }];
      const [finding] = lintPolicies(p);
      expect(finding!.location).toMatchObject({ line: 11, column: 50 });
      expect(finding!.message).toContain('(sent as written by hand-written headers in Express)');
    });
  });

  describe('catchesNot', () => {
    it("Starlette allow_headers=['*'] and allow_methods=['*'] (it mirrors / expands them)", () => {
      const p = policy('fastapi', 'starlette', 'main.py');
      p.allowHeaders = { value: ['*'], span: span('main.py', 10, 19, 24) };
      p.allowMethods = { value: ['*'], span: span('main.py', 11, 19, 24) };
      expect(lintPolicies(p)).toEqual([]);
    });

    it("Flask-CORS allow_headers='*' (mirrors) and methods='*' (never sent as such)", () => {
      const p = policy('flask', 'flask-cors', 'app.py');
      p.allowHeaders = { value: ['*'], span: span('app.py', 6, 40, 43) };
      p.allowMethods = { value: ['*'], span: span('app.py', 6, 53, 56) };
      expect(lintPolicies(p)).toEqual([]);
    });

    it('wildcards without credentials, or with credentials unknown', () => {
      const off = policy('express', 'cors', 'server.js');
      off.credentials = { value: false, isDefault: true };
      off.allowHeaders = { value: ['*'], span: span('server.js', 7, 19, 22) };
      const unknown = policy('koa', '@koa/cors', 'koa.js');
      unknown.credentials = { value: 'unknown', why: 'credentials is a function' };
      unknown.allowHeaders = { value: ['*'], span: span('koa.js', 7, 19, 22) };
      const nginx = policy('nginx', 'nginx', 'nginx.conf');
      nginx.credentials = { value: false, isDefault: true };
      nginx.emittedHeaders = [{ name: 'Access-Control-Allow-Headers', value: '*', span: span('nginx.conf', 6, 46, 49) }];
      expect(lintPolicies(off, unknown, nginx)).toEqual([]);
    });

    it('explicit lists and unset fields (npm cors then reflects the requested headers)', () => {
      const p = policy('express', 'cors', 'server.js');
      p.allowHeaders = { value: ['Content-Type', 'Authorization'], span: span('server.js', 7, 19, 50) };
      p.exposeHeaders = { value: ['X-Total-Count'], span: span('server.js', 8, 19, 35) };
      const unknown = policy('express', 'cors', 'other.js');
      unknown.allowHeaders = { value: 'unknown', why: 'imported' };
      expect(lintPolicies(p, unknown)).toEqual([]);
    });
  });
});

// What the real libraries send: the rule must report exactly the fields whose '*' reaches the browser.
const ORIGIN = 'https://app.example.com';
const PREFLIGHT = { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization, x-custom' };
type Sent = Record<Field, string | null>;

function literalFields(sent: Sent): Field[] {
  return FIELDS.filter((field) => sent[field] === '*');
}

async function listen(server: Server): Promise<string> {
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function sentBy(base: string, preflightPath = '/x'): Promise<Sent> {
  const preflight = await fetch(`${base}${preflightPath}`, { method: 'OPTIONS', headers: PREFLIGHT });
  const response = await fetch(`${base}/x`, { headers: { Origin: ORIGIN } });
  return {
    allowHeaders: preflight.headers.get('access-control-allow-headers'),
    allowMethods: preflight.headers.get('access-control-allow-methods'),
    exposeHeaders: response.headers.get('access-control-expose-headers'),
  };
}

describe('credentials-with-wildcard-headers against the real npm libraries (127.0.0.1)', () => {
  const require = createRequire(import.meta.url);
  const options = { origin: ORIGIN, credentials: true };

  it('npm cors sends all three literally', async () => {
    const express = require('express') as typeof import('express');
    const cors = require('cors') as typeof import('cors');
    const app = express();
    app.use(cors({ ...options, allowedHeaders: '*', methods: '*', exposedHeaders: '*' }));
    app.all('/x', (_req, res) => {
      res.send('ok');
    });
    const server = app.listen(0, '127.0.0.1');
    try {
      const sent = await sentBy(await listen(server));
      expect(literalFields(sent)).toEqual(FIELDS);
      expect(reportedFields('express', 'cors')).toEqual(literalFields(sent));
    } finally {
      server.close();
    }
  });

  it('@koa/cors sends all three literally', async () => {
    const Koa = require('koa') as new () => { use(fn: unknown): unknown; listen(port: number, host: string): Server };
    const koaCors = require('@koa/cors') as (o: object) => unknown;
    const app = new Koa();
    app.use(koaCors({ ...options, allowHeaders: '*', allowMethods: '*', exposeHeaders: '*' }));
    app.use((ctx: { body: string }) => {
      ctx.body = 'ok';
    });
    const server = app.listen(0, '127.0.0.1');
    try {
      const sent = await sentBy(await listen(server));
      expect(literalFields(sent)).toEqual(FIELDS);
      expect(reportedFields('koa', '@koa/cors')).toEqual(literalFields(sent));
    } finally {
      server.close();
    }
  });

  it('@fastify/cors sends all three literally', async () => {
    const fastify = require('fastify') as (o?: object) => import('fastify').FastifyInstance;
    const fastifyCors = require('@fastify/cors');
    const app = fastify();
    await app.register(fastifyCors, { ...options, allowedHeaders: '*', methods: '*', exposedHeaders: '*' });
    app.get('/x', async () => 'ok');
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const sent = await sentBy(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
      expect(literalFields(sent)).toEqual(FIELDS);
      expect(reportedFields('fastify', '@fastify/cors')).toEqual(literalFields(sent));
    } finally {
      await app.close();
    }
  });
});

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./python-wildcards.py', import.meta.url));
const PYTHON_LIBRARIES: Array<{ library: Library; stack: Stack }> = [
  { library: 'starlette', stack: 'fastapi' },
  { library: 'flask-cors', stack: 'flask' },
  { library: 'django-cors-headers', stack: 'django' },
];

function pythonOracle(): { result?: Record<string, Sent & { version?: string; missing?: string }>; missing?: string } {
  if (!existsSync(PYTHON)) return { missing: `${PYTHON} not found` };
  const run = spawnSync(PYTHON, [SCRIPT], { encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) return { missing: `${PYTHON} ${SCRIPT} failed: ${run.stderr.trim()}` };
  return { result: JSON.parse(run.stdout) };
}

describe('credentials-with-wildcard-headers against the real Python libraries', () => {
  const oracle = pythonOracle();
  for (const { library, stack } of PYTHON_LIBRARIES) {
    const missing = oracle.missing ?? oracle.result?.[library]?.missing;
    const skip = missing !== undefined && process.env.CI !== 'true';
    if (skip) console.warn(`skipping the ${library} oracle: ${missing}`);
    it.skipIf(skip)(`reports exactly the fields ${library} sends as a literal '*'`, () => {
      expect(missing, `the ${library} oracle is required in CI`).toBeUndefined();
      const sent = oracle.result![library]!;
      expect(reportedFields(stack, library)).toEqual(literalFields(sent));
    });
  }

  const anyMissing = oracle.result === undefined || PYTHON_LIBRARIES.some(({ library }) => oracle.result?.[library]?.missing);
  it.skipIf(anyMissing && process.env.CI !== 'true')('the Debian versions behave as the README says', () => {
    const result = oracle.result!;
    expect(result.starlette).toMatchObject({ allowHeaders: 'authorization, x-custom', exposeHeaders: '*' });
    expect(result.starlette!.allowMethods).toContain('PUT');
    expect(result['flask-cors']).toMatchObject({ allowHeaders: 'authorization, x-custom', allowMethods: null, exposeHeaders: '*' });
    expect(result['django-cors-headers']).toMatchObject({ allowHeaders: '*', allowMethods: '*', exposeHeaders: '*' });
  });
});
