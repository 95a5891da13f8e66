// @fastify/cors 11 (index.js): hooks onRequest; string origins (including '*') are sent verbatim,
// an array containing '*' becomes '*'; other origin options reflect a matching Origin and always
// add Vary: Origin. OPTIONS with strictPreflight (default) needs Origin and
// Access-Control-Request-Method, else 400 "Invalid Preflight Request". RegExps get lastIndex = 0.
import type { CorsPolicy, OriginEntry } from '../../model/types.js';
import { appendVary, setHeader, type HeaderBag } from '../header-bag.js';
import { compileOriginRegex } from '../origin-regex.js';
import { knownOrigins, libraryOption, valueOf } from '../options.js';
import { UnknownBehaviour } from '../types.js';
import type { Responder } from './responder.js';

type Setting = { mode: 'string'; value: string } | { mode: 'match'; test: (o: string | undefined) => boolean };

function setting(policy: CorsPolicy): Setting {
  const origins = knownOrigins(policy);
  if (origins.some((o) => o.kind === 'any')) return { mode: 'string', value: '*' };
  const only = origins.length === 1 ? origins[0]! : undefined;
  if (only?.sentVerbatim && (only.kind === 'exact' || only.kind === 'null')) return { mode: 'string', value: only.kind === 'exact' ? only.origin : 'null' };
  const testers = origins.map((o) => tester(o, policy));
  return { mode: 'match', test: (o) => testers.some((t) => t(o)) };
}

function tester(entry: OriginEntry, policy: CorsPolicy): (o: string | undefined) => boolean {
  switch (entry.kind) {
    case 'exact':
      return (o) => o === entry.origin;
    case 'null':
      return (o) => o === 'null';
    case 'reflect':
      if (entry.condition) throw new UnknownBehaviour(`the origin function decides per request (${entry.condition})`, entry.span ?? policy.originsSpan);
      return () => true;
    case 'regex': {
      // lastIndex is reset before every test, so /g does not alternate here.
      const compiled = compileOriginRegex(entry);
      return (o) => compiled.test(String(o));
    }
    default:
      throw new UnknownBehaviour(`origin entry of kind ${entry.kind} is not a @fastify/cors option`, entry.span);
  }
}

const join = (v: string[]) => v.join(', ');

export const fastifyCorsResponder: Responder = (policy, request, app) => {
  if (policy.libraryOptions?.disabled === true) return { status: app.status, headers: {}, producedBy: 'route handler (origin: false)' };
  const s = setting(policy);
  const credentials = valueOf(policy.credentials, false, 'credentials');
  const methods = valueOf(policy.allowMethods, ['GET', 'HEAD', 'POST'], 'methods');
  const allowedHeaders = valueOf<string[] | null>(policy.allowHeaders, null, 'allowedHeaders');
  const exposed = valueOf<string[] | null>(policy.exposeHeaders, null, 'exposedHeaders');
  const maxAge = valueOf<number | null>(policy.maxAge, null, 'maxAge');
  const origin = request.headers['origin'];
  const headers: HeaderBag = {};

  if (s.mode === 'match') appendVary(headers, 'Origin');
  const allow = s.mode === 'string' ? s.value : s.test(origin) ? origin : undefined;
  if (allow) setHeader(headers, 'Access-Control-Allow-Origin', allow);
  if (credentials) setHeader(headers, 'Access-Control-Allow-Credentials', 'true');
  if (exposed !== null) setHeader(headers, 'Access-Control-Expose-Headers', join(exposed));

  if (request.method !== 'OPTIONS' || libraryOption(policy, 'preflight', true) !== true) {
    return { status: app.status, headers, producedBy: 'route handler, headers added by @fastify/cors' };
  }
  if (libraryOption(policy, 'strictPreflight', true) === true && (!origin || !request.headers['access-control-request-method'])) {
    return { status: 400, headers, producedBy: '@fastify/cors: "Invalid Preflight Request"' };
  }
  setHeader(headers, 'Access-Control-Allow-Methods', join(methods));
  if (allowedHeaders === null) {
    appendVary(headers, 'Access-Control-Request-Headers');
    const requested = request.headers['access-control-request-headers'];
    if (requested !== undefined) setHeader(headers, 'Access-Control-Allow-Headers', requested);
  } else setHeader(headers, 'Access-Control-Allow-Headers', join(allowedHeaders));
  if (maxAge !== null) setHeader(headers, 'Access-Control-Max-Age', String(maxAge));
  if (libraryOption(policy, 'preflightContinue', false)) {
    return { status: app.status, headers, producedBy: 'route handler (preflightContinue)' };
  }
  const status = Number(libraryOption(policy, 'optionsSuccessStatus', 204));
  return { status, headers, producedBy: `@fastify/cors preflight answer ${status}` };
};
