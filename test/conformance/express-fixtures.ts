// npm cors option objects for the Express conformance test, as source text (so the same text is
// what the scanner reads and what the real server runs).
import { newPolicy } from '../../src/model/policy.js';
import type { CorsPolicy, OriginEntry, Span } from '../../src/model/types.js';
import { APP, EVIL, LOCAL, SUB, SUFFIX, UPPER } from './matrix.js';

export interface ExpressFixture {
  /** The argument of cors(...), as JavaScript source ('' = cors()). */
  options: string;
  /** For origin functions: the origins the function accepts (what the scanner recognises). */
  functionAccepts?: OriginEntry[];
}

const q = JSON.stringify;

export const EXPRESS_FIXTURES: ExpressFixture[] = [
  { options: '' },
  { options: '{}' },
  { options: `{ origin: '*' }` },
  { options: `{ origin: '*', credentials: true }` },
  { options: `{ origin: true }` },
  { options: `{ origin: true, credentials: true }` },
  { options: `{ origin: ${q(APP)} }` },
  { options: `{ origin: ${q(APP)}, credentials: true, methods: ['GET', 'PUT'] }` },
  { options: `{ origin: [${q(APP)}] }` },
  { options: `{ origin: [${q(APP)}, ${q(LOCAL)}], credentials: true }` },
  { options: `{ origin: /example\\.com$/ }` },
  { options: `{ origin: /^https:\\/\\/app\\.example\\.com/ }` },
  { options: `{ origin: /app.example.com/i }` },
  { options: `{ origin: [${q(APP)}, /\\.example\\.com$/], credentials: true }` },
  { options: `{ origin: 'null' }` },
  { options: `{ origin: ['null'] }` },
  { options: `{ origin: false }` },
  { options: `{ origin: [] }` },
  { options: `{ origin: [${q(APP)}], allowedHeaders: ['X-Custom'] }` },
  { options: `{ allowedHeaders: 'X-Custom,Authorization' }` },
  { options: `{ allowedHeaders: [] }` },
  { options: `{ exposedHeaders: ['X-Total', 'X-Page'] }` },
  { options: `{ exposedHeaders: 'X-Total' }` },
  { options: `{ maxAge: 600 }` },
  { options: `{ maxAge: 0 }` },
  { options: `{ methods: 'GET,POST' }` },
  { options: `{ origin: ${q(APP)}, methods: ['GET'] }` },
  { options: `{ methods: [] }` },
  { options: `{ optionsSuccessStatus: 200 }` },
  { options: `{ origin: [${q(APP)}], preflightContinue: true }` },
  { options: `{ origin: true, credentials: false }` },
  { options: `{ origin: [${q(UPPER)}] }` },
  {
    options: `{ origin: /^https:\\/\\/(app|api)\\.example\\.com$/, credentials: true, allowedHeaders: ['X-Custom', 'Authorization', 'Content-Type', 'X-Requested-With'], methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] }`,
  },
  { options: `{ origin: [${q(APP)}, ${q(SUB)}], methods: ['PATCH'], allowedHeaders: ['x-custom'], credentials: true }` },
  { options: `{ origin: '*', allowedHeaders: '*', methods: '*' }` },
  { options: `{ origin: true, maxAge: 86400, exposedHeaders: ['X-Total'] }` },
  { options: `{ origin: (origin, callback) => callback(null, true) }`, functionAccepts: [{ kind: 'reflect' }] },
  { options: `{ origin: (origin, callback) => callback(null, [${q(APP)}].includes(origin)) }`, functionAccepts: [{ kind: 'exact', origin: APP }] },
  {
    options: `{ origin: (origin, callback) => callback(null, /\\.example\\.com$/.test(origin)), credentials: true }`,
    functionAccepts: [{ kind: 'regex', pattern: '\\.example\\.com$', flavor: 'js', mode: 'search', ignoreCase: false, flags: '' }],
  },
  { options: `{ origin: ${q(LOCAL)}, credentials: true, allowedHeaders: ['Content-Type', 'X-Requested-With'] }` },
  { options: `{ origin: ['*'] }` },
  { options: `{ origin: [${q(EVIL)}, ${q(SUFFIX)}] }` },
  { options: `{ origin: /localhost:\\d+$/, credentials: true }` },
  { options: `{ origin: ${q(APP + '/')} }` },
  { options: `{ origin: [${q(LOCAL)}, ${q(APP)}], credentials: true, methods: ['GET', 'POST', 'DELETE'], allowedHeaders: ['Authorization', 'Content-Type', 'X-Requested-With'], exposedHeaders: ['X-Total'], maxAge: 3600 }` },
];

/** The options object itself, for the real server (fixture text written in this file, not scanned input). */
export function evaluateOptions(text: string): unknown {
  return text === '' ? undefined : new Function(`return (${text});`)();
}

export function expressSource(f: ExpressFixture): string {
  return `const express = require('express');\nconst cors = require('cors');\n\nconst app = express();\napp.use(cors(${f.options}));\napp.get('/', (req, res) => res.send('ok'));\napp.listen(3000);\n`;
}

const SPAN: Span = { file: 'fixture.js', line: 1, column: 1, endLine: 1, endColumn: 1 };

function splitList(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : String(v).split(',');
}

/** The policy an npm cors scanner should produce (used until one is registered). */
export function expressPolicyDirect(f: ExpressFixture): CorsPolicy {
  const p = newPolicy({ stack: 'express', library: 'cors', span: SPAN, scope: { kind: 'app', name: 'app' } });
  const o = (evaluateOptions(f.options) ?? {}) as Record<string, unknown>;
  const origins: OriginEntry[] = [];
  const origin = o.origin;
  const toEntry = (v: unknown): OriginEntry =>
    v instanceof RegExp
      ? { kind: 'regex', pattern: v.source, flavor: 'js', mode: 'search', ignoreCase: v.flags.includes('i'), flags: v.flags }
      : v === 'null'
        ? { kind: 'null' }
        : { kind: 'exact', origin: String(v) };
  p.libraryOptions = {};
  if (origin === undefined || origin === '*') origins.push({ kind: 'any' });
  else if (origin === true) origins.push({ kind: 'reflect' });
  else if (origin === false) p.libraryOptions.disabled = true;
  else if (typeof origin === 'string') origins.push(origin === 'null' ? { kind: 'null', sentVerbatim: true } : { kind: 'exact', origin, sentVerbatim: true });
  else if (origin instanceof RegExp) origins.push(toEntry(origin));
  else if (Array.isArray(origin)) origins.push(...origin.map(toEntry));
  else if (typeof origin === 'function') {
    origins.push(...(f.functionAccepts ?? [{ kind: 'unknown', why: 'function' }]));
    p.libraryOptions.originFunction = true;
  }
  p.origins = origins;
  if (o.credentials !== undefined) p.credentials = { value: o.credentials === true };
  if (o.methods !== undefined) p.allowMethods = { value: splitList(o.methods) };
  if (o.allowedHeaders !== undefined) p.allowHeaders = { value: splitList(o.allowedHeaders) };
  if (o.exposedHeaders !== undefined) p.exposeHeaders = { value: splitList(o.exposedHeaders) };
  if (o.maxAge !== undefined) p.maxAge = { value: o.maxAge as number };
  if (o.preflightContinue !== undefined) p.libraryOptions.preflightContinue = o.preflightContinue as boolean;
  if (o.optionsSuccessStatus !== undefined) p.libraryOptions.optionsSuccessStatus = o.optionsSuccessStatus as number;
  return p;
}
