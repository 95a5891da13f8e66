import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { newPolicy } from '../../src/model/policy.js';
import type { CorsPolicy, Library, Span, Stack } from '../../src/model/types.js';
import { runRules } from '../../src/rules/run-rules.js';
import rule from './index.js';

const span = (file: string, line: number, column: number, endColumn: number): Span => ({ file, line, column, endLine: line, endColumn });

function policy(stack: Stack, library: Library, file: string, at: Span): CorsPolicy {
  return newPolicy({ stack, library, span: at, scope: { kind: 'app', name: 'app' } });
}

function lintPolicies(...policies: CorsPolicy[]) {
  const { findings, errors } = runRules([rule], policies, () => ({ options: {} }), {});
  expect(errors).toEqual([]);
  return findings;
}

describe('middleware-order', () => {
  describe('catches', () => {
    it('FastAPI CORSMiddleware added before an auth middleware', () => {
      const p = policy('fastapi', 'starlette', 'main.py', span('main.py', 18, 1, 75));
      p.order = { addedAfter: [{ name: 'AuthMiddleware', span: span('main.py', 19, 1, 36) }] };
      const [finding, ...rest] = lintPolicies(p);
      expect(rest).toEqual([]);
      expect(finding).toMatchObject({ ruleId: 'middleware-order', severity: 'warning', location: { file: 'main.py', line: 18, column: 1, endColumn: 75 } });
      expect(finding!.message).toBe(
        'CORSMiddleware is wrapped by AuthMiddleware (line 19): in Starlette the last add_middleware() call, or the first entry of middleware=[...], is the outermost layer, so responses those middleware produce themselves — an authentication 401, a rejected host, an error they raise — leave the app without CORS headers, and the browser reports a CORS error instead of the real status, which the page cannot read. Add CORSMiddleware last (or list it first in middleware=[...]).',
      );
    });

    it('a second CORSMiddleware outside this one: says the outermost answers preflights, not that headers are lost', () => {
      const p = policy('fastapi', 'starlette', 'main.py', span('main.py', 8, 1, 60));
      p.order = { addedAfter: [{ name: 'CORSMiddleware', span: span('main.py', 12, 1, 60) }, { name: 'AuthMiddleware', span: span('main.py', 14, 1, 30) }] };
      const findings = lintPolicies(p);
      expect(findings.map((f) => f.message.split(':')[0])).toEqual(['CORSMiddleware is added more than once', 'CORSMiddleware is wrapped by AuthMiddleware (line 14)']);
      expect(findings[0]!.message).toContain('CORSMiddleware (line 12) is outside this one. Starlette answers every preflight from the outermost CORSMiddleware alone');
    });

    it('Starlette CORSMiddleware wrapped by many middleware: the list is cut after five', () => {
      const p = policy('starlette', 'starlette', 'app.py', span('app.py', 10, 5, 40));
      p.order = {
        addedAfter: ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((name, i) => ({ name, span: span('app.py', 11 + i, 5, 20) })),
      };
      const [finding] = lintPolicies(p);
      expect(finding!.location).toMatchObject({ line: 10, column: 5 });
      expect(finding!.message).toContain('wrapped by A (line 11), B (line 12), C (line 13), D (line 14), E (line 15) and 2 more');
    });

    it('django-cors-headers CorsMiddleware listed below a middleware that answers on its own', () => {
      const p = policy('django', 'django-cors-headers', 'settings.py', span('settings.py', 30, 5, 47));
      p.order = { addedAfter: [{ name: 'django.middleware.common.CommonMiddleware', span: span('settings.py', 28, 5, 49) }] };
      const [finding] = lintPolicies(p);
      expect(finding!.location.line).toBe(30);
      expect(finding!.message).toContain('CorsMiddleware is wrapped by django.middleware.common.CommonMiddleware (line 28)');
      expect(finding!.message).toContain('Move corsheaders.middleware.CorsMiddleware above them');
    });

    it('Express app.use(cors()) registered after routes, naming them', () => {
      const p = policy('express', 'cors', 'server.js', span('server.js', 12, 1, 45));
      p.order = {
        routesBefore: [
          { method: 'get', path: '/health', span: span('server.js', 7, 1, 52) },
          { method: 'post', path: '/login', span: span('server.js', 8, 1, 40) },
        ],
      };
      const [finding, ...rest] = lintPolicies(p);
      expect(rest).toEqual([]);
      expect(finding!.location).toMatchObject({ file: 'server.js', line: 12, column: 1, endColumn: 45 });
      expect(finding!.message).toBe(
        'npm cors is registered after GET /health (line 7), POST /login (line 8): Express runs handlers in registration order, so these routes answer before the CORS middleware runs and their responses carry no Access-Control-Allow-Origin; browsers block them for every other origin. Register the CORS middleware before the routes.',
      );
    });
  });

  describe('catchesNot', () => {
    it('CORSMiddleware wrapped only by middleware that never answer on their own (GZip, sessions)', () => {
      const p = policy('fastapi', 'starlette', 'main.py', span('main.py', 8, 1, 40));
      p.order = {
        addedAfter: [
          { name: 'GZipMiddleware', span: span('main.py', 9, 1, 30) },
          { name: 'starlette.middleware.sessions.SessionMiddleware', span: span('main.py', 10, 1, 30) },
        ],
      };
      expect(lintPolicies(p)).toEqual([]);
      p.order.addedAfter!.push({ name: 'TrustedHostMiddleware', span: span('main.py', 11, 1, 30) });
      expect(lintPolicies(p)[0]!.message).toMatch(/^CORSMiddleware is wrapped by TrustedHostMiddleware \(line 11\):/);
    });

    it('CORSMiddleware added last, cors() before every route, policies without ordering facts', () => {
      const fastapi = policy('fastapi', 'starlette', 'main.py', span('main.py', 18, 1, 75));
      fastapi.order = { addedAfter: [] };
      const express = policy('express', 'cors', 'server.js', span('server.js', 5, 1, 20));
      express.order = { routesBefore: [] };
      const nginx = policy('nginx', 'nginx', 'nginx.conf', span('nginx.conf', 3, 5, 40));
      expect(lintPolicies(fastapi, express, nginx)).toEqual([]);
    });
  });
});

// The oracle: the real Starlette (Debian python3-starlette) with the same two middleware in both orders.
const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./starlette-order.py', import.meta.url));

function starletteMissing(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const probe = spawnSync(PYTHON, ['-c', 'import starlette, httpx'], { encoding: 'utf8' });
  if (probe.status !== 0) return `${PYTHON} cannot import starlette and httpx: ${probe.stderr.trim()}`;
  return undefined;
}

describe('middleware-order against the real Starlette', () => {
  const missing = starletteMissing();
  if (missing && process.env.CI !== 'true') console.warn(`skipping the Starlette middleware-order oracle: ${missing}`);

  it.skipIf(missing !== undefined && process.env.CI !== 'true')(
    "a 401 from a middleware added after CORSMiddleware carries no CORS header; added before it, it does",
    () => {
      expect(missing, 'the Starlette oracle is required in CI').toBeUndefined();
      const run = spawnSync(PYTHON, [SCRIPT], { encoding: 'utf8', timeout: 60_000 });
      expect(run.status, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout) as Record<string, { status: number; allowOrigin: string | null }> & { starlette: string };
      expect(result.corsAddedFirst).toEqual({ status: 401, allowOrigin: null });
      expect(result.corsAddedLast).toEqual({ status: 401, allowOrigin: 'https://app.example.com' });

      // The wrong order, as a scanner describes it, is what the rule reports.
      const wrong = policy('starlette', 'starlette', 'starlette-order.py', span('starlette-order.py', 37, 9, 67));
      wrong.order = { addedAfter: [{ name: 'RequireToken', span: span('starlette-order.py', 38, 9, 41) }] };
      const right = policy('starlette', 'starlette', 'starlette-order.py', span('starlette-order.py', 41, 9, 67));
      right.order = { addedAfter: [] };
      expect(lintPolicies(wrong, right).map((f) => f.location.line)).toEqual([37]);
    },
  );
});

// The Express half, with the real Express 5 and cors on 127.0.0.1.
describe('middleware-order against the real Express and cors', () => {
  const require = createRequire(import.meta.url);
  const express = require('express') as typeof import('express');
  const cors = require('cors') as typeof import('cors');

  it('a route registered before app.use(cors()) answers without Access-Control-Allow-Origin', async () => {
    const app = express();
    app.get('/api/health', (_req, res) => {
      res.json({ ok: true });
    });
    app.use(cors({ origin: 'https://app.example.com' }));
    app.get('/api/items', (_req, res) => {
      res.json([]);
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`, { headers: { Origin: 'https://app.example.com' } });
      const before = await get('/api/health');
      const after = await get('/api/items');
      expect(before.status).toBe(200);
      expect(before.headers.get('access-control-allow-origin')).toBeNull();
      expect(after.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    } finally {
      server.close();
    }
  });
});
