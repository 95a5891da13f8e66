// starlette.middleware.cors.CORSMiddleware (FastAPI re-exports it).
// Modelled from the source of 0.13–0.52 and 1.0–1.3 (starlette/middleware/cors.py):
// - <1.0: with allow_origins=['*'] the actual response echoes the Origin only when the request
//   carries a Cookie header; from 1.0 whenever allow_credentials=True.
// - <0.15: no Vary on that echo, preflight answers '*' even with credentials, HEAD not in '*'.
// - <0.13.3: no safelisted headers added to allow_headers; <0.13.1: allow_origin_regex uses re.match.
import type { CorsPolicy, OriginEntry } from '../../model/types.js';
import { appendVaryRaw, setHeader, type HeaderBag } from '../header-bag.js';
import { compileOriginRegex } from '../origin-regex.js';
import { atLeast, knownOrigins, valueOf } from '../options.js';
import type { HttpRequest, HttpResponse } from '../types.js';
import type { Responder } from './responder.js';

const SAFELISTED_HEADERS = ['Accept', 'Accept-Language', 'Content-Language', 'Content-Type'];

interface StarletteConfig {
  allowAll: boolean;
  isAllowed(origin: string): boolean;
  allowMethods: string[];
  allowHeadersLower: string[];
  allowAllHeaders: boolean;
  credentials: boolean;
  simpleHeaders: Array<[string, string]>;
  preflightHeaders: Array<[string, string]>;
  preflightExplicit: boolean;
  version?: string;
}

function configure(policy: CorsPolicy): StarletteConfig {
  const version = policy.libraryVersion;
  const origins = knownOrigins(policy);
  const allMethods = atLeast(version, '0.15.0')
    ? ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']
    : ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
  let allowMethods = valueOf(policy.allowMethods, ['GET'], 'allow_methods');
  if (allowMethods.includes('*')) allowMethods = allMethods;
  const rawHeaders = valueOf(policy.allowHeaders, [], 'allow_headers');
  const credentials = valueOf(policy.credentials, false, 'allow_credentials');
  const expose = valueOf(policy.exposeHeaders, [], 'expose_headers');
  const maxAge = valueOf(policy.maxAge, 600, 'max_age');

  // `"*" in allow_origins`: for a plain string this is a substring test too.
  const allowAll = origins.some((o) => o.kind === 'any' || (o.kind === 'substring' && o.haystack.includes('*')));
  const allowAllHeaders = rawHeaders.includes('*');
  const preflightExplicit = atLeast(version, '0.15.0') ? !allowAll || credentials : !allowAll;

  const simpleHeaders: Array<[string, string]> = [];
  if (allowAll) simpleHeaders.push(['Access-Control-Allow-Origin', '*']);
  if (credentials) simpleHeaders.push(['Access-Control-Allow-Credentials', 'true']);
  if (expose.length) simpleHeaders.push(['Access-Control-Expose-Headers', expose.join(', ')]);

  const preflightHeaders: Array<[string, string]> = [];
  if (preflightExplicit) preflightHeaders.push(['Vary', 'Origin']);
  else preflightHeaders.push(['Access-Control-Allow-Origin', '*']);
  preflightHeaders.push(['Access-Control-Allow-Methods', allowMethods.join(', ')]);
  preflightHeaders.push(['Access-Control-Max-Age', String(maxAge)]);
  const withSafelisted = atLeast(version, '0.13.3') ? [...new Set([...SAFELISTED_HEADERS, ...rawHeaders])].sort() : rawHeaders;
  if (withSafelisted.length && !allowAllHeaders) preflightHeaders.push(['Access-Control-Allow-Headers', withSafelisted.join(', ')]);
  if (credentials) preflightHeaders.push(['Access-Control-Allow-Credentials', 'true']);

  const regexMode = atLeast(version, '0.13.1') ? undefined : ('match' as const);
  const testers = origins.map((o) => originTester(o, regexMode));
  return {
    allowAll,
    isAllowed: (origin) => allowAll || testers.some((t) => t(origin)),
    allowMethods,
    allowHeadersLower: withSafelisted.map((h) => h.toLowerCase()),
    allowAllHeaders,
    credentials,
    simpleHeaders,
    preflightHeaders,
    preflightExplicit,
    version,
  };
}

function originTester(entry: OriginEntry, regexMode?: 'match'): (origin: string) => boolean {
  switch (entry.kind) {
    case 'exact':
      return (o) => o === entry.origin;
    case 'null':
      return (o) => o === 'null';
    case 'substring':
      // `origin in "https://a.com"`: a Python substring test.
      return (o) => entry.haystack.includes(o);
    case 'regex': {
      const compiled = compileOriginRegex(regexMode ? { ...entry, mode: regexMode } : entry);
      return (o) => compiled.test(o);
    }
    default:
      return () => false;
  }
}

function preflight(cfg: StarletteConfig, request: HttpRequest): HttpResponse {
  const origin = request.headers['origin']!;
  const method = request.headers['access-control-request-method']!;
  const requested = request.headers['access-control-request-headers'];
  const headers: HeaderBag = {};
  for (const [k, v] of cfg.preflightHeaders) setHeader(headers, k, v);
  const failures: string[] = [];
  if (cfg.isAllowed(origin)) {
    if (cfg.preflightExplicit) setHeader(headers, 'Access-Control-Allow-Origin', origin);
  } else failures.push('origin');
  if (!cfg.allowMethods.includes(method)) failures.push('method');
  if (cfg.allowAllHeaders && requested !== undefined) setHeader(headers, 'Access-Control-Allow-Headers', requested);
  else if (requested !== undefined) {
    for (const h of requested.toLowerCase().split(',')) {
      if (!cfg.allowHeadersLower.includes(h.trim())) {
        failures.push('headers');
        break;
      }
    }
  }
  if (failures.length) {
    const cause = failures[0] === 'origin' ? 'origin' : failures[0] === 'method' ? 'methods' : 'headers';
    return { status: 400, headers, statusCause: cause, producedBy: `CORSMiddleware preflight: "Disallowed CORS ${failures.join(', ')}"` };
  }
  return { status: 200, headers, producedBy: 'CORSMiddleware preflight: "OK"' };
}

function actual(cfg: StarletteConfig, request: HttpRequest, status: number): HttpResponse {
  const origin = request.headers['origin']!;
  const headers: HeaderBag = {};
  for (const [k, v] of cfg.simpleHeaders) setHeader(headers, k, v);
  const echoWildcard = atLeast(cfg.version, '1.0.0') ? cfg.credentials : request.headers['cookie'] !== undefined;
  const explicit = (cfg.allowAll && echoWildcard) || (!cfg.allowAll && cfg.isAllowed(origin));
  if (explicit) {
    setHeader(headers, 'Access-Control-Allow-Origin', origin);
    if (atLeast(cfg.version, '0.15.0') || !cfg.allowAll) appendVaryRaw(headers, 'Origin');
  }
  const note =
    cfg.allowAll && !atLeast(cfg.version, '1.0.0') && cfg.credentials && request.headers['cookie'] !== undefined
      ? `Starlette ${cfg.version ?? ''} echoes the Origin only because the request carries a Cookie; a credentialed request without cookies gets '*' and is blocked.`.replace('  ', ' ')
      : undefined;
  return { status, headers, producedBy: 'route handler, headers added by CORSMiddleware', note };
}

export const starletteResponder: Responder = (policy, request, app) => {
  if (request.headers['origin'] === undefined) {
    return { status: app.status, headers: {}, producedBy: 'route handler (no Origin: CORSMiddleware passes the request through)' };
  }
  const cfg = configure(policy);
  if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) return preflight(cfg, request);
  return actual(cfg, request, app.status);
};
