import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { newPolicy } from '../../src/model/policy.js';
import type { CorsPolicy, Library, PolicyScope, Span, Stack } from '../../src/model/types.js';
import { runRules } from '../../src/rules/run-rules.js';
import rule from './index.js';

const span = (file: string, line: number, column: number, endColumn: number): Span => ({ file, line, column, endLine: line, endColumn });

function policy(stack: Stack, library: Library, file: string, scope: PolicyScope): CorsPolicy {
  return newPolicy({ stack, library, span: span(file, 6, 1, 80), scope });
}

function lintPolicies(policies: CorsPolicy[], options: Record<string, unknown> = {}) {
  const { findings, errors } = runRules([rule], policies, () => ({ options }), {});
  expect(errors).toEqual([]);
  return findings;
}

const EXPRESS_ROUTE_WHY = 'cors() is attached only to app.put(\'/items/:id\'), and no app.options(\'/items/:id\') or app.use(cors()) answers OPTIONS for that path';

describe('preflight-not-handled', () => {
  describe('catches', () => {
    it('Express route-level cors() on a PUT route without app.options', () => {
      const p = policy('express', 'cors', 'server.js', { kind: 'route', path: '/items/:id', methods: ['put'] });
      p.preflight = { value: 'not-handled', why: EXPRESS_ROUTE_WHY, span: span('server.js', 6, 1, 9) };
      const [finding, ...rest] = lintPolicies([p]);
      expect(rest).toEqual([]);
      expect(finding).toMatchObject({ ruleId: 'preflight-not-handled', severity: 'warning', location: { file: 'server.js', line: 6, column: 1, endColumn: 9 } });
      expect(finding!.message).toBe(
        `Preflight requests for PUT /items/:id cannot succeed: ${EXPRESS_ROUTE_WHY}. The browser sends an OPTIONS preflight before cross-origin PUT requests and, unless that answer is a 2xx with matching CORS headers, never sends the real request, so the CORS settings of npm cors in Express never take effect for it.`,
      );
    });

    it('Express 5 app.options("*", cors()) that throws at start-up, reported at the policy when the preflight has no span', () => {
      const p = policy('express', 'cors', 'src/app.ts', { kind: 'route', path: '*', methods: ['options'] });
      p.preflight = { value: 'not-handled', why: "Express 5 throws at start-up on the path '*' (it needs a named wildcard such as '/{*splat}')" };
      const [finding] = lintPolicies([p]);
      expect(finding!.location).toMatchObject({ file: 'src/app.ts', line: 6, column: 1, endColumn: 80 });
      expect(finding!.message).toContain("Express 5 throws at start-up on the path '*'");
      expect(finding!.message).toContain('non-simple requests (PUT, PATCH, DELETE, JSON bodies, custom headers such as Authorization)');
    });

    it('nginx location whose OPTIONS answer lacks the CORS headers', () => {
      const p = policy('nginx', 'nginx', 'nginx.conf', { kind: 'location', name: 'location /api/', path: '/api/' });
      p.preflight = {
        value: 'not-handled',
        why: 'the `if ($request_method = OPTIONS)` block has its own add_header, so its 204 carries none of the location\'s Access-Control-* headers',
        span: span('nginx.conf', 14, 9, 45),
      };
      p.allowMethods = { value: ['GET', 'PUT', 'OPTIONS'], span: span('nginx.conf', 9, 9, 60) };
      const [finding] = lintPolicies([p]);
      expect(finding!.location).toMatchObject({ file: 'nginx.conf', line: 14, column: 9, endColumn: 45 });
      expect(finding!.message).toContain('Preflight requests for location /api/ cannot succeed: the `if ($request_method = OPTIONS)` block');
      expect(finding!.message).toContain('the CORS settings of nginx never take effect');
    });

    it('a FastAPI middleware that writes only Access-Control-Allow-Origin around call_next: its JSON API is preflighted', () => {
      const p = policy('fastapi', 'manual', 'app/middleware.py', { kind: 'route', name: 'CustomCORSMiddleware.dispatch' });
      p.preflight = { value: 'not-handled', why: 'a preflight reaches the router, which answers 405', span: span('app/middleware.py', 10, 9, 60) };
      expect(lintPolicies([p]).map((f) => f.ruleId)).toEqual(['preflight-not-handled']);
      p.scope.methods = ['GET'];
      expect(lintPolicies([p])).toEqual([]);
    });

    it('not for nginx or hand-written headers that name no allowed methods or headers (simple requests only: fonts, images, GETs)', () => {
      const fonts = policy('nginx', 'nginx', 'nginx.conf', { kind: 'location', name: 'location ~* \\.woff2$', path: '/' });
      fonts.preflight = { value: 'not-handled', why: "OPTIONS reaches nginx's static file handler, which answers 405 Not Allowed", span: span('nginx.conf', 3, 5, 30) };
      expect(lintPolicies([fonts])).toEqual([]);
      fonts.allowHeaders = { value: ['Authorization'], span: span('nginx.conf', 4, 9, 60) };
      expect(lintPolicies([fonts])).toHaveLength(1);
    });

    it('@fastify/cors with preflight: false', () => {
      const p = policy('fastify', '@fastify/cors', 'server.ts', { kind: 'app', name: 'app' });
      p.preflight = { value: 'not-handled', why: 'preflight: false: OPTIONS requests are not answered by @fastify/cors', span: span('server.ts', 7, 3, 19) };
      const [finding] = lintPolicies([p]);
      expect(finding!.location).toMatchObject({ file: 'server.ts', line: 7, column: 3, endColumn: 19 });
      expect(finding!.message).toContain('Preflight requests for app cannot succeed: preflight: false');
      expect(finding!.message).toContain('the CORS settings of @fastify/cors never take effect');
    });

    it('passthrough only with reportPassthrough: true', () => {
      const p = policy('nginx', 'nginx', 'nginx.conf', { kind: 'location', name: 'location /api/' });
      p.preflight = { value: 'passthrough', why: 'proxy_pass http://backend', span: span('nginx.conf', 9, 9, 35) };
      expect(lintPolicies([p])).toEqual([]);
      const [finding] = lintPolicies([p], { reportPassthrough: true });
      expect(finding!.location).toMatchObject({ line: 9, column: 9 });
      expect(finding!.message).toContain('OPTIONS requests for location /api/ are passed on (proxy_pass http://backend)');
    });
  });

  describe('catchesNot', () => {
    it('handled or unknown preflights on every stack', () => {
      const fastapi = policy('fastapi', 'starlette', 'main.py', { kind: 'app', name: 'app' });
      const express = policy('express', 'cors', 'server.js', { kind: 'app', name: 'app' });
      const nginx = policy('nginx', 'nginx', 'nginx.conf', { kind: 'location', name: 'location /' });
      nginx.preflight = { value: 'unknown', why: 'OPTIONS handled in an included file outside the scan' };
      const passthrough = policy('express', 'cors', 'server.js', { kind: 'app', name: 'app' });
      passthrough.preflight = { value: 'passthrough', why: 'preflightContinue: true' };
      expect(lintPolicies([fastapi, express, nginx, passthrough])).toEqual([]);
    });
  });

  // The behaviour the Express scanner describes as 'not-handled', shown with the real Express 5 and cors.
  describe('Express 5 + cors (real packages, 127.0.0.1)', () => {
    const require = createRequire(import.meta.url);
    const express = require('express') as typeof import('express');
    const cors = require('cors') as typeof import('cors');

    it('answers the OPTIONS preflight of a route-level cors() PUT route without any CORS header', async () => {
      const app = express();
      app.put('/items/:id', cors({ origin: 'https://app.example.com' }), (_req, res) => {
        res.json({ ok: true });
      });
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const response = await fetch(`http://127.0.0.1:${port}/items/1`, {
          method: 'OPTIONS',
          headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'PUT' },
        });
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
        expect(response.headers.get('allow')).toBe('PUT');
      } finally {
        server.close();
      }
    });

    it("throws at start-up on app.options('*', cors())", () => {
      expect(() => express().options('*', cors())).toThrow(/Missing parameter name/);
    });
  });
});
