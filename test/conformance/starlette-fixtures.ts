// CORSMiddleware configurations for the Starlette conformance test, as keyword arguments.
import { newPolicy, byDefault } from '../../src/model/policy.js';
import type { CorsPolicy, OriginEntry, Span } from '../../src/model/types.js';
import { APP, EVIL, LOCAL, SUB, SUFFIX, UPPER } from './matrix.js';

export type Kwargs = Record<string, string | string[] | boolean | number>;

export const STARLETTE_FIXTURES: Kwargs[] = [
  {},
  { allow_origins: ['*'] },
  { allow_origins: ['*'], allow_credentials: true },
  { allow_origins: ['*'], allow_credentials: true, allow_methods: ['*'], allow_headers: ['*'] },
  { allow_origins: [APP] },
  { allow_origins: [APP], allow_credentials: true },
  { allow_origins: [APP, LOCAL], allow_credentials: true, allow_methods: ['*'] },
  { allow_origins: [APP], allow_methods: ['GET', 'POST', 'PUT'], allow_headers: ['X-Custom'] },
  { allow_origins: [APP], allow_headers: ['*'] },
  { allow_origins: [APP], allow_headers: ['*'], allow_credentials: true, allow_methods: ['*'] },
  { allow_origins: [`${APP}/`], allow_methods: ['*'] },
  { allow_origins: APP },
  { allow_origins: SUFFIX, allow_credentials: true, allow_methods: ['*'] },
  { allow_origin_regex: 'https://.*\\.example\\.com' },
  { allow_origin_regex: 'https://.*example\\.com', allow_credentials: true },
  { allow_origin_regex: 'https://app.example.com', allow_methods: ['PUT'] },
  { allow_origin_regex: 'https://(app|api)\\.example\\.com', allow_methods: ['*'], allow_credentials: true },
  { allow_origin_regex: '.*', allow_credentials: true, allow_headers: ['*'] },
  { allow_origins: [LOCAL], allow_origin_regex: 'https://api\\.example\\.com', allow_methods: ['*'], allow_headers: ['X-Custom'] },
  { allow_origins: ['null'] },
  { allow_origins: ['null', APP], allow_credentials: true },
  { allow_origins: [APP], expose_headers: ['X-Total', 'X-Page'] },
  { allow_origins: ['*'], allow_credentials: true, expose_headers: ['X-Total'] },
  { allow_origins: [APP], max_age: 0, allow_methods: ['PUT', 'DELETE'] },
  { allow_origins: [APP], max_age: 86400, allow_methods: ['GET', 'DELETE'] },
  { allow_origins: [APP], allow_methods: ['get', 'put'] },
  { allow_origins: [SUB], allow_methods: ['PATCH'], allow_credentials: true, allow_headers: ['X-Custom'] },
  { allow_origins: [APP], allow_methods: ['DELETE'], allow_headers: ['authorization'], allow_credentials: true },
  { allow_origins: [APP], allow_headers: ['Authorization', 'Content-Type'], allow_methods: ['*'] },
  { allow_origins: [APP], allow_headers: ['x-custom', 'X-Custom'] },
  { allow_origins: [UPPER], allow_methods: ['*'] },
  { allow_origin_regex: '(?i)https://app\\.example\\.com' },
  { allow_origin_regex: '^https://app\\.example\\.com$', allow_credentials: true },
  { allow_origins: [LOCAL], allow_credentials: true, allow_methods: ['POST'], allow_headers: ['Content-Type', 'X-Requested-With'] },
  { allow_origins: ['*'], allow_headers: ['X-Custom'], allow_methods: ['PUT'] },
  { allow_origins: ['*', APP], allow_credentials: true },
  { allow_origin_regex: 'https://app\\.example\\.com.*', expose_headers: ['X-Page'] },
  { allow_origins: ['*'], expose_headers: ['X-Total'], max_age: 10 },
  { allow_origins: [APP], allow_methods: ['*'], allow_headers: ['*'], expose_headers: ['*'], allow_credentials: true },
  { allow_origin_regex: 'https://[a-z]+\\.example\\.com', allow_credentials: true, allow_headers: ['X-Custom'] },
  { allow_origins: '*' },
  { allow_origins: [SUB, EVIL], allow_methods: ['*'], allow_headers: ['*'] },
  { allow_origin_regex: 'https?://localhost(:\\d+)?', allow_credentials: true, allow_methods: ['*'], allow_headers: ['*'] },
  { allow_origins: ['https://app.example.com:443'], allow_credentials: true },
  { allow_origins: [APP, SUB], allow_origin_regex: 'https://.*\\.evil\\.net', allow_methods: ['GET', 'POST', 'DELETE'], allow_headers: ['Authorization'], allow_credentials: true },
];

function pyLiteral(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(pyLiteral).join(', ')}]`;
  throw new Error(`no Python literal for ${String(v)}`);
}

/** The fixture as a FastAPI / Starlette application module. */
export function starletteSource(kwargs: Kwargs, index: number): string {
  const args = Object.entries(kwargs).map(([k, v]) => `    ${k}=${pyLiteral(v)},\n`).join('');
  if (index % 2 === 0) {
    return `from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\napp.add_middleware(\n    CORSMiddleware,\n${args})\n`;
  }
  return `from starlette.applications import Starlette\nfrom starlette.middleware.cors import CORSMiddleware\n\napp = Starlette()\napp.add_middleware(\n    CORSMiddleware,\n${args})\n`;
}

export function describeKwargs(kwargs: Kwargs): string {
  return `CORSMiddleware(${Object.entries(kwargs).map(([k, v]) => `${k}=${pyLiteral(v)}`).join(', ')})`;
}

const SPAN: Span = { file: 'fixture.py', line: 1, column: 1, endLine: 1, endColumn: 1 };

/** The policy a Starlette scanner should produce for these arguments (used until one is registered). */
export function starlettePolicyDirect(kwargs: Kwargs, version: string): CorsPolicy {
  const p = newPolicy({ stack: 'starlette', library: 'starlette', span: SPAN, scope: { kind: 'app', name: 'app' } });
  const origins: OriginEntry[] = [];
  const o = kwargs.allow_origins;
  if (typeof o === 'string') origins.push({ kind: 'substring', haystack: o });
  else for (const s of (o as string[] | undefined) ?? []) origins.push(s === '*' ? { kind: 'any' } : s === 'null' ? { kind: 'null' } : { kind: 'exact', origin: s });
  if (typeof kwargs.allow_origin_regex === 'string') {
    origins.push({ kind: 'regex', pattern: kwargs.allow_origin_regex, flavor: 'python', mode: 'fullmatch', ignoreCase: false });
  }
  p.origins = origins;
  if (kwargs.allow_credentials !== undefined) p.credentials = { value: kwargs.allow_credentials as boolean };
  if (kwargs.allow_methods !== undefined) p.allowMethods = { value: kwargs.allow_methods as string[] };
  else p.allowMethods = byDefault(['GET']);
  if (kwargs.allow_headers !== undefined) p.allowHeaders = { value: kwargs.allow_headers as string[] };
  if (kwargs.expose_headers !== undefined) p.exposeHeaders = { value: kwargs.expose_headers as string[] };
  if (kwargs.max_age !== undefined) p.maxAge = { value: kwargs.max_age as number };
  p.libraryVersion = version;
  return p;
}
