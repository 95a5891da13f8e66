import { newPolicy } from '../../src/model/policy.js';
import type { CorsPolicy, Finding, Library, OriginEntry, Span, Stack } from '../../src/model/types.js';
import type { AnyRule } from '../../src/rules/define-rule.js';
import { runRules } from '../../src/rules/run-rules.js';

export function span(line: number, column: number, endColumn = column + 10, file = 'app.py'): Span {
  return { file, line, column, endLine: line, endColumn };
}

const STACK_OF: Record<Library, Stack> = {
  starlette: 'fastapi',
  'flask-cors': 'flask',
  'django-cors-headers': 'django',
  cors: 'express',
  '@fastify/cors': 'fastify',
  '@koa/cors': 'koa',
  'koa2-cors': 'koa',
  manual: 'node',
  nginx: 'nginx',
  'ingress-nginx': 'ingress-nginx',
  traefik: 'traefik',
};

/** A policy for rule tests: one library, origins with spans, credentials on or off. */
export function policy(library: Library, origins: OriginEntry[], extra: Omit<Partial<CorsPolicy>, 'credentials'> & { credentials?: boolean } = {}): CorsPolicy {
  const { credentials, ...rest } = extra;
  const p = newPolicy({ stack: STACK_OF[library], library, span: span(1, 1), scope: { kind: 'app', name: 'app' } });
  p.origins = origins;
  if (credentials !== undefined) p.credentials = { value: credentials, span: span(2, 5) };
  return { ...p, ...rest };
}

export function run(rule: AnyRule, policies: CorsPolicy[], settings = {}): Finding[] {
  const { findings, errors } = runRules([rule], policies, () => ({ options: {} }), settings);
  if (errors.length) throw errors[0]!.error;
  return findings;
}
