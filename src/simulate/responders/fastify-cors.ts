// @fastify/cors 11 (index.js): hooks onRequest; string origins (including '*') are sent verbatim,
// an array containing '*' becomes '*'; other origin options reflect a matching Origin and always
// add Vary: Origin. OPTIONS with strictPreflight (default) needs Origin and
// Access-Control-Request-Method, else 400 "Invalid Preflight Request". RegExps get lastIndex = 0.
import type { CorsPolicy, OriginEntry } from '../../model/types.js';
import { appendVary, setHeader, type HeaderBag } from '../header-bag.js';
import { compileOriginRegex } from '../origin-regex.js';
import { knownOrigins, libraryOption, notWritten, valueOf } from '../options.js';
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

/** A string option is sent as written (`raw`); an array is joined with ', '. */
const listText = (v: string[], raw?: string) => raw ?? v.join(', ');

/** The plugin's own `OPTIONS *` route calls callNotFound when CORS did not handle the request. */
function notHandled(request: { method: string }, app: { status: number }, headers: HeaderBag, why: string) {
  if (request.method === 'OPTIONS') return { status: 404, headers, producedBy: `@fastify/cors OPTIONS route: not found (${why})` };
  return { status: app.status, headers, producedBy: `route handler (${why})` };
}

export const fastifyCorsResponder: Responder = (policy, request, app) => {
  if (policy.libraryOptions?.disabled === true) return notHandled(request, app, {}, 'origin: false');
  const s = setting(policy);
  const credentials = valueOf(policy.credentials, false, 'credentials');
  // The default is the string 'GET,HEAD,POST', sent as written; arrays are joined with ', '.
  const methods = notWritten(policy.allowMethods) ? 'GET,HEAD,POST' : listText(valueOf(policy.allowMethods, [], 'methods'), policy.allowMethods.raw);
  const allowedHeaders = valueOf<string[] | null>(policy.allowHeaders, null, 'allowedHeaders');
  const exposed = valueOf<string[] | null>(policy.exposeHeaders, null, 'exposedHeaders');
  const maxAge = valueOf<number | null>(policy.maxAge, null, 'maxAge');
  const origin = request.headers['origin'];
  const headers: HeaderBag = {};

  if (s.mode === 'match') appendVary(headers, 'Origin');
  // An origin function that calls back with false: no CORS headers beyond Vary, no preflight answer.
  if (policy.libraryOptions?.originFunction === true && s.mode === 'match' && !s.test(origin)) {
    return notHandled(request, app, headers, 'the origin function refused');
  }
  const allow = s.mode === 'string' ? s.value : s.test(origin) ? origin : undefined;
  if (allow) setHeader(headers, 'Access-Control-Allow-Origin', allow);
  if (credentials) setHeader(headers, 'Access-Control-Allow-Credentials', 'true');
  if (exposed !== null) setHeader(headers, 'Access-Control-Expose-Headers', listText(exposed, policy.exposeHeaders.raw));

  if (request.method !== 'OPTIONS') return { status: app.status, headers, producedBy: 'route handler, headers added by @fastify/cors' };
  if (libraryOption(policy, 'preflight', true) !== true || policy.preflight.value === 'not-handled') {
    return notHandled(request, app, headers, 'preflight: false');
  }
  if (libraryOption(policy, 'strictPreflight', true) === true && (!origin || !request.headers['access-control-request-method'])) {
    return { status: 400, headers, producedBy: '@fastify/cors: "Invalid Preflight Request"' };
  }
  setHeader(headers, 'Access-Control-Allow-Methods', methods);
  if (allowedHeaders === null) {
    appendVary(headers, 'Access-Control-Request-Headers');
    const requested = request.headers['access-control-request-headers'];
    if (requested !== undefined) setHeader(headers, 'Access-Control-Allow-Headers', requested);
  } else setHeader(headers, 'Access-Control-Allow-Headers', listText(allowedHeaders, policy.allowHeaders.raw));
  if (maxAge !== null) setHeader(headers, 'Access-Control-Max-Age', String(maxAge));
  if (libraryOption(policy, 'preflightContinue', false)) {
    return { status: app.status, headers, producedBy: 'route handler (preflightContinue)' };
  }
  const status = Number(libraryOption(policy, 'optionsSuccessStatus', 204));
  return { status, headers, producedBy: `@fastify/cors preflight answer ${status}` };
};
