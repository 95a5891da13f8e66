// npm `cors` 2.8 (lib/index.js), used by Express and NestJS on Express.
// - every OPTIONS request is answered as a preflight (status optionsSuccessStatus, default 204),
//   whatever the Origin, unless preflightContinue passes it on;
// - a string origin is sent verbatim; `*` (the default) sends `*`; true / arrays / RegExps reflect
//   the request Origin when it matches, adding Vary: Origin; a RegExp is tested unanchored;
// - without allowedHeaders the requested headers are mirrored with Vary: Access-Control-Request-Headers.
import type { CorsPolicy, OriginEntry } from '../../model/types.js';
import { appendVary, setHeader, type HeaderBag } from '../header-bag.js';
import { compileOriginRegex } from '../origin-regex.js';
import { knownOrigins, libraryOption, valueOf } from '../options.js';
import { UnknownBehaviour, type HttpResponse } from '../types.js';
import type { Responder } from './responder.js';

type OriginSetting =
  | { mode: 'any' }
  | { mode: 'fixed'; value: string }
  | { mode: 'match'; test: (origin: string | undefined) => boolean };

function originSetting(policy: CorsPolicy): OriginSetting | 'disabled' {
  if (policy.libraryOptions?.disabled === true) return 'disabled';
  const origins = knownOrigins(policy);
  if (origins.length === 1 && origins[0]!.kind === 'any') return { mode: 'any' };
  const only = origins.length === 1 ? origins[0]! : undefined;
  if (only?.sentVerbatim && (only.kind === 'exact' || only.kind === 'null')) {
    return { mode: 'fixed', value: only.kind === 'exact' ? only.origin : 'null' };
  }
  const testers = origins.map((o) => entryTester(o, policy));
  return { mode: 'match', test: (origin) => testers.some((t) => t(origin)) };
}

function entryTester(entry: OriginEntry, policy: CorsPolicy): (origin: string | undefined) => boolean {
  switch (entry.kind) {
    case 'exact':
      return (o) => o === entry.origin;
    case 'null':
      return (o) => o === 'null';
    case 'any':
      // '*' inside an array is compared as the string '*'.
      return (o) => o === '*';
    case 'reflect':
      if (entry.condition) {
        throw new UnknownBehaviour(`the origin function decides per request (${entry.condition})`, entry.span ?? policy.originsSpan);
      }
      return () => true;
    case 'regex': {
      const compiled = compileOriginRegex(entry);
      if (compiled.stateful) {
        throw new UnknownBehaviour(
          `the RegExp /${entry.pattern}/${entry.flags ?? ''} keeps lastIndex between requests, so RegExp.test alternates between allow and deny`,
          entry.span ?? policy.originsSpan,
        );
      }
      // RegExp.test(undefined) tests the string "undefined".
      return (o) => compiled.test(String(o));
    }
    default:
      throw new UnknownBehaviour(`origin entry of kind ${entry.kind} is not an npm cors option`, entry.span);
  }
}

/** A string option is sent as written (`raw`); an array is joined with ','. */
function joinList(v: string[], raw?: string): string {
  return raw ?? v.join(',');
}

export const npmCorsResponder: Responder = (policy, request, app) => {
  const setting = originSetting(policy);
  if (setting === 'disabled') return { status: app.status, headers: {}, producedBy: 'route handler (origin: false disables cors)' };
  const credentials = valueOf(policy.credentials, false, 'credentials');
  const methods = valueOf(policy.allowMethods, ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'], 'methods');
  const allowedHeaders = valueOf<string[] | null>(policy.allowHeaders, null, 'allowedHeaders');
  const exposed = valueOf(policy.exposeHeaders, [], 'exposedHeaders');
  const maxAge = valueOf<number | null>(policy.maxAge, null, 'maxAge');
  const requestOrigin = request.headers['origin'];
  const headers: HeaderBag = {};
  // An origin function that calls back with a falsy value makes cors() call next() with no headers.
  if (policy.libraryOptions?.originFunction === true && setting.mode === 'match' && !setting.test(requestOrigin)) {
    return { status: app.status, headers, producedBy: 'route handler (the origin function refused, cors() adds nothing)' };
  }

  // configureOrigin
  if (setting.mode === 'any') setHeader(headers, 'Access-Control-Allow-Origin', '*');
  else if (setting.mode === 'fixed') {
    setHeader(headers, 'Access-Control-Allow-Origin', setting.value);
    appendVary(headers, 'Origin');
  } else {
    if (setting.test(requestOrigin) && requestOrigin) setHeader(headers, 'Access-Control-Allow-Origin', requestOrigin);
    appendVary(headers, 'Origin');
  }
  if (credentials) setHeader(headers, 'Access-Control-Allow-Credentials', 'true');

  if (request.method !== 'OPTIONS') {
    if (exposed.length) setHeader(headers, 'Access-Control-Expose-Headers', joinList(exposed, policy.exposeHeaders.raw));
    return { status: app.status, headers, producedBy: 'route handler, headers added by cors()' };
  }

  if (methods.length) setHeader(headers, 'Access-Control-Allow-Methods', joinList(methods, policy.allowMethods.raw));
  if (allowedHeaders === null) {
    appendVary(headers, 'Access-Control-Request-Headers');
    const requested = request.headers['access-control-request-headers'];
    if (requested) setHeader(headers, 'Access-Control-Allow-Headers', requested);
  } else if (allowedHeaders.length) setHeader(headers, 'Access-Control-Allow-Headers', joinList(allowedHeaders, policy.allowHeaders.raw));
  if (maxAge !== null) setHeader(headers, 'Access-Control-Max-Age', String(maxAge));
  if (exposed.length) setHeader(headers, 'Access-Control-Expose-Headers', joinList(exposed, policy.exposeHeaders.raw));

  if (libraryOption(policy, 'preflightContinue', false)) {
    return { status: app.status, headers, producedBy: 'route handler (preflightContinue passes OPTIONS on)' };
  }
  const status = Number(libraryOption(policy, 'optionsSuccessStatus', 204));
  return { status, headers, producedBy: `cors() answers every OPTIONS request with ${status}` } satisfies HttpResponse;
};
