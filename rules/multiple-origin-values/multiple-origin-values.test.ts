import { describe, expect, it } from 'vitest';
import { newPolicy } from '../../src/model/policy.js';
import type { CorsPolicy, Library, PolicyScope, Span, Stack } from '../../src/model/types.js';
import { runRules } from '../../src/rules/run-rules.js';
import rule from './index.js';

const span = (file: string, line: number, column: number, endColumn: number): Span => ({ file, line, column, endLine: line, endColumn });

function policy(stack: Stack, library: Library, file: string, scope: PolicyScope = { kind: 'app', name: 'app' }): CorsPolicy {
  return newPolicy({ stack, library, span: span(file, 5, 9, 60), scope });
}

function lintPolicies(...policies: CorsPolicy[]) {
  const { findings, errors } = runRules([rule], policies, () => ({ options: {} }), {});
  expect(errors).toEqual([]);
  return findings;
}

describe('multiple-origin-values', () => {
  describe('catches', () => {
    it('a space-separated list in the npm cors string option (sent verbatim)', () => {
      const p = policy('express', 'cors', 'server.js');
      p.origins = [{ kind: 'exact', origin: 'https://a.example.com https://b.example.com', sentVerbatim: true, span: span('server.js', 5, 26, 71) }];
      const [finding, ...rest] = lintPolicies(p);
      expect(rest).toEqual([]);
      expect(finding).toMatchObject({
        ruleId: 'multiple-origin-values',
        severity: 'error',
        location: { file: 'server.js', line: 5, column: 26, endColumn: 71 },
      });
      expect(finding!.message).toContain("'https://a.example.com https://b.example.com' lists 2 origins");
      expect(finding!.message).toContain('the cors middleware sends a string origin option verbatim');
      expect(finding!.message).toContain("origin: ['https://a.example.com', 'https://b.example.com']");
    });

    it('@koa/cors and @fastify/cors string options (sent verbatim)', () => {
      const koa = policy('koa', '@koa/cors', 'koa.js');
      koa.origins = [{ kind: 'exact', origin: 'https://a.example.com, https://b.example.com', sentVerbatim: true, span: span('koa.js', 4, 24, 70) }];
      const fastify = policy('fastify', '@fastify/cors', 'server.ts');
      fastify.origins = [{ kind: 'exact', origin: 'https://a.example.com https://b.example.com', sentVerbatim: true, span: span('server.ts', 5, 36, 81) }];
      const findings = lintPolicies(koa, fastify);
      expect(findings.map((f) => [f.location.file, f.location.line, f.location.column])).toEqual([
        ['koa.js', 4, 24],
        ['server.ts', 5, 36],
      ]);
      expect(findings[0]!.message).toContain('@koa/cors sends a string origin option verbatim');
      expect(findings[1]!.message).toContain('Pass an array of origins instead: @fastify/cors then echoes the one that matches.');
    });

    it('a comma-separated list in a literal manual header', () => {
      const p = policy('express', 'manual', 'app.ts');
      p.origins = [{ kind: 'exact', origin: 'https://a.example.com,https://b.example.com', sentVerbatim: true, span: span('app.ts', 9, 46, 89) }];
      const [finding] = lintPolicies(p);
      expect(finding!.location).toMatchObject({ line: 9, column: 46 });
      expect(finding!.message).toContain('written with this literal value on every response');
    });

    it('a list in an nginx add_header, reported once when the origin entry and the header share the span', () => {
      const p = policy('nginx', 'nginx', 'nginx.conf', { kind: 'location', name: 'location /api/' });
      const valueSpan = span('nginx.conf', 12, 45, 91);
      const value = 'https://a.example.com, https://b.example.com  https://c.example.com';
      p.origins = [{ kind: 'exact', origin: value, sentVerbatim: true, span: valueSpan }];
      p.emittedHeaders = [{ name: 'Access-Control-Allow-Origin', value, span: valueSpan, always: true }];
      const findings = lintPolicies(p);
      expect(findings).toHaveLength(1);
      expect(findings[0]!.location).toMatchObject({ line: 12, column: 45, endColumn: 91 });
      expect(findings[0]!.message).toContain('lists 3 origins and nginx add_header sends this literal value');
      expect(findings[0]!.message).toContain('(in location /api/)');
    });

    it('a list in an emitted header that has no origin entry', () => {
      const p = policy('nginx', 'nginx', 'site.conf');
      p.emittedHeaders = [{ name: 'access-control-allow-origin', value: 'https://a.example.com https://b.example.com', span: span('site.conf', 3, 40, 85) }];
      expect(lintPolicies(p).map((f) => f.location.line)).toEqual([3]);
    });

    it('two nginx add_header Access-Control-Allow-Origin in the same block (names compare case-insensitively)', () => {
      const p = policy('nginx', 'nginx', 'nginx.conf', { kind: 'location', name: 'location /api/' });
      p.emittedHeaders = [
        { name: 'Access-Control-Allow-Origin', value: 'https://app.example.com', span: span('nginx.conf', 7, 41, 65), always: true },
        { name: 'Access-Control-Allow-Methods', value: 'GET, POST', span: span('nginx.conf', 8, 42, 53), always: true },
        { name: 'ACCESS-CONTROL-ALLOW-ORIGIN', value: 'https://admin.example.com', span: span('nginx.conf', 9, 41, 67), always: true },
      ];
      const [finding, ...rest] = lintPolicies(p);
      expect(rest).toEqual([]);
      expect(finding!.location).toMatchObject({ file: 'nginx.conf', line: 9, column: 41, endColumn: 67 });
      expect(finding!.message).toContain("'https://app.example.com' at line 7, 'https://admin.example.com' here");
      expect(finding!.message).toContain("nginx sends both add_header fields, the browser sees 'https://app.example.com, https://admin.example.com'");
    });

    it('two writes inside the same nginx if block', () => {
      const p = policy('nginx', 'nginx', 'nginx.conf');
      const cond = '$http_origin ~* ^https://app\\.example\\.com$';
      p.emittedHeaders = [
        { name: 'Access-Control-Allow-Origin', value: '$http_origin', span: span('nginx.conf', 4, 45, 57), conditional: cond, dependsOnOrigin: true },
        { name: 'Access-Control-Allow-Origin', value: '*', span: span('nginx.conf', 5, 45, 48), conditional: cond },
      ];
      const findings = lintPolicies(p);
      expect(findings.map((f) => [f.location.line, f.location.column])).toEqual([[5, 45]]);
      expect(findings[0]!.message).toContain('nginx sends both add_header fields, the browser sees the two values joined by a comma and rejects');
    });

    it('manual headers appended twice (res.append)', () => {
      const p = policy('express', 'manual', 'app.js');
      p.emittedHeaders = [
        { name: 'Access-Control-Allow-Origin', value: 'https://app.example.com', span: span('app.js', 4, 41, 66), combine: 'add' },
        { name: 'Access-Control-Allow-Origin', value: 'https://admin.example.com', span: span('app.js', 5, 41, 68), combine: 'add' },
      ];
      const [finding] = lintPolicies(p);
      expect(finding!.location.line).toBe(5);
      expect(finding!.message).toContain('each write adds another header field');
    });
  });

  describe('a fixed origin replaced by another', () => {
    it('Koa ctx.set twice with two origins: only the second is ever sent', () => {
      const p = policy('koa', 'manual', 'headers.js');
      p.emittedHeaders = [
        { name: 'Access-Control-Allow-Origin', value: 'http://localhost:8080', span: span('headers.js', 2, 42, 65), combine: 'replace' },
        { name: 'Access-Control-Allow-Origin', value: 'http://localhost:8081', span: span('headers.js', 3, 42, 65), combine: 'replace' },
      ];
      const [finding, ...rest] = lintPolicies(p);
      expect(rest).toEqual([]);
      expect(finding).toMatchObject({ ruleId: 'multiple-origin-values', location: { line: 3 } });
      expect(finding!.message).toContain("the second write replaces the first, so only 'http://localhost:8081' is ever sent and 'http://localhost:8080' is never allowed");
    });

    it('not for a replaced value that is the same origin, a branch, or a value computed per request', () => {
      const p = policy('express', 'manual', 'app.js');
      p.emittedHeaders = [
        { name: 'Access-Control-Allow-Origin', value: 'https://a.example.com', span: span('app.js', 2, 30, 50), combine: 'replace' },
        { name: 'Access-Control-Allow-Origin', value: 'https://a.example.com', span: span('app.js', 3, 30, 50), combine: 'replace' },
        { name: 'Access-Control-Allow-Origin', value: 'req.headers.origin', span: span('app.js', 4, 30, 50), combine: 'replace', expression: true, dependsOnOrigin: true },
      ];
      expect(lintPolicies(p)).toEqual([]);
    });
  });

  describe('catchesNot', () => {
    it('the source text of an expression written as the header value', () => {
      const p = policy('express', 'manual', 'handler.ts');
      const at = span('handler.ts', 7, 3, 60);
      p.origins = [{ kind: 'reflect', span: span('handler.ts', 7, 48, 59) }];
      p.emittedHeaders = [
        { name: 'Access-Control-Allow-Origin', value: "origin || ''", span: at, combine: 'replace', dependsOnOrigin: true, expression: true },
        { name: 'Access-Control-Allow-Origin', value: "allowed.join(' ')", span: span('handler.ts', 9, 3, 60), combine: 'replace', expression: true },
      ];
      expect(lintPolicies(p)).toEqual([]);
    });

    it('a single origin or * sent verbatim', () => {
      const p = policy('express', 'cors', 'server.js');
      p.origins = [{ kind: 'exact', origin: ' https://app.example.com ', sentVerbatim: true, span: span('server.js', 5, 26, 51) }];
      const q = policy('nginx', 'nginx', 'nginx.conf');
      q.emittedHeaders = [{ name: 'Access-Control-Allow-Origin', value: '*', span: span('nginx.conf', 3, 40, 43) }];
      expect(lintPolicies(p, q)).toEqual([]);
    });

    it('a list the framework compares the request Origin against (Starlette, npm cors arrays)', () => {
      const starlette = policy('fastapi', 'starlette', 'main.py');
      // A comma inside a Starlette list entry is a malformed origin, not a multi-valued header.
      starlette.origins = [{ kind: 'exact', origin: 'https://a.example.com,https://b.example.com', span: span('main.py', 8, 20, 65) }];
      const express = policy('express', 'cors', 'server.js');
      express.origins = [
        { kind: 'exact', origin: 'https://a.example.com', span: span('server.js', 5, 27, 50) },
        { kind: 'exact', origin: 'https://b.example.com', span: span('server.js', 5, 52, 75) },
      ];
      const flask = policy('flask', 'flask-cors', 'app.py');
      flask.origins = [{ kind: 'substring', haystack: 'https://a.example.com https://b.example.com', span: span('app.py', 6, 20, 65) }];
      expect(lintPolicies(starlette, express, flask)).toEqual([]);
    });

    it('two writes in mutually exclusive nginx if blocks, or an if block and its location', () => {
      const p = policy('nginx', 'nginx', 'nginx.conf');
      p.emittedHeaders = [
        { name: 'Access-Control-Allow-Origin', value: 'https://app.example.com', span: span('nginx.conf', 4, 45, 68), conditional: '$http_origin = https://app.example.com' },
        { name: 'Access-Control-Allow-Origin', value: 'https://admin.example.com', span: span('nginx.conf', 7, 45, 70), conditional: '$http_origin = https://admin.example.com' },
        { name: 'Access-Control-Allow-Origin', value: '*', span: span('nginx.conf', 9, 41, 44) },
      ];
      expect(lintPolicies(p)).toEqual([]);
    });

    it('manual writes that replace each other (res.setHeader twice)', () => {
      const p = policy('express', 'manual', 'app.js');
      p.emittedHeaders = [
        { name: 'Access-Control-Allow-Origin', value: '*', span: span('app.js', 4, 41, 44) },
        { name: 'Access-Control-Allow-Origin', value: 'https://app.example.com', span: span('app.js', 6, 41, 66), combine: 'replace' },
      ];
      expect(lintPolicies(p)).toEqual([]);
    });

    it('a reflected origin variable', () => {
      const p = policy('nginx', 'nginx', 'nginx.conf');
      p.emittedHeaders = [{ name: 'Access-Control-Allow-Origin', value: '$cors_origin', span: span('nginx.conf', 3, 40, 52), dependsOnOrigin: true }];
      expect(lintPolicies(p)).toEqual([]);
    });
  });
});
