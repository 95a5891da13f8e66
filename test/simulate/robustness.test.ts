// simulate() never throws, whatever the policy holds: unresolvable input becomes 'unknown'.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newPolicy } from '../../src/model/policy.js';
import type { Library, OriginEntry, Valued } from '../../src/model/types.js';
import { simulate } from '../../src/simulate/simulate.js';

const LIBRARIES: Library[] = ['starlette', 'cors', '@fastify/cors', '@koa/cors', 'flask-cors', 'django-cors-headers', 'manual', 'nginx'];
const SPAN = { file: 'x', line: 1, column: 1, endLine: 1, endColumn: 2 };

const text = fc.string({ maxLength: 12 });
const origin: fc.Arbitrary<OriginEntry> = fc.oneof(
  fc.constant<OriginEntry>({ kind: 'any' }),
  text.map((o): OriginEntry => ({ kind: 'exact', origin: o })),
  fc.record({ pattern: fc.oneof(text, fc.constantFrom('(?P<x>a)', '(?x)a', '[', 'a{,2}', '\\Z', '(?i:a)')), flavor: fc.constantFrom('python' as const, 'js' as const, 'pcre' as const), mode: fc.constantFrom('fullmatch' as const, 'match' as const, 'search' as const), ignoreCase: fc.boolean(), flags: fc.constantFrom(undefined, 'g', 'iy', 'u') }).map((r): OriginEntry => ({ kind: 'regex', ...r })),
  fc.constant<OriginEntry>({ kind: 'reflect' }),
  text.map((c): OriginEntry => ({ kind: 'reflect', condition: c })),
  text.map((f): OriginEntry => ({ kind: 'reflect', from: f, sentVerbatim: true })),
  fc.constant<OriginEntry>({ kind: 'null' }),
  text.map((h): OriginEntry => ({ kind: 'substring', haystack: h })),
  text.map((w): OriginEntry => ({ kind: 'unknown', why: w })),
);
const valued = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<Valued<T>> =>
  fc.oneof(a.map((value) => ({ value })), fc.constant({ value: 'unknown' as const, why: 'x' }), a.map((value) => ({ value, isDefault: true })));

describe('simulate robustness', () => {
  it('answers every policy and request without throwing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LIBRARIES),
        fc.array(origin, { maxLength: 3 }),
        valued(fc.boolean()),
        valued(fc.array(text, { maxLength: 3 })),
        valued(fc.array(text, { maxLength: 3 })),
        valued(fc.integer({ min: -5, max: 100000 })),
        fc.array(fc.record({ name: fc.constantFrom('Access-Control-Allow-Origin', 'Vary', 'Access-Control-Allow-Credentials'), value: fc.oneof(text, fc.constant('$http_origin')), always: fc.boolean(), conditional: fc.option(text, { nil: undefined }), dependsOnOrigin: fc.boolean() }), { maxLength: 3 }),
        fc.record({ origin: fc.option(fc.oneof(text, fc.constant('https://a.example')), { nil: undefined }), method: fc.constantFrom('GET', 'put', 'PATCH', 'OPTIONS', 'X'), credentials: fc.boolean(), requestHeaders: fc.array(text, { maxLength: 3 }) }),
        (library, origins, credentials, methods, headers, maxAge, emitted, request) => {
          const policy = newPolicy({ stack: 'express', library, span: SPAN, scope: { kind: 'app' } });
          policy.origins = origins;
          policy.credentials = credentials;
          policy.allowMethods = methods;
          policy.allowHeaders = headers;
          policy.maxAge = maxAge;
          policy.emittedHeaders = emitted.map((e) => ({ ...e, span: SPAN }));
          const r = simulate(policy, request);
          expect([true, false, 'unknown']).toContain(r.verdict.allowed);
          expect(typeof r.verdict.reason).toBe('string');
        },
      ),
      { numRuns: 1500 },
    );
  });
});
