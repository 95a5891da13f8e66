// @koa/cors 5 (index.js): Vary: Origin on every response; the origin option is a string (sent
// verbatim, default '*') or a function; with credentials, '*' becomes the request Origin (the
// empty string when there is none). OPTIONS without Access-Control-Request-Method goes on to the
// app; a preflight is answered 204 with the requested headers mirrored when allowHeaders is unset.
import type { CorsPolicy } from '../../model/types.js';
import { appendVary, setHeader, type HeaderBag } from '../header-bag.js';
import { knownOrigins, valueOf } from '../options.js';
import { UnknownBehaviour } from '../types.js';
import type { Responder } from './responder.js';

/** The configured origin value for this request, or null when the function returns a falsy value. */
function originValue(policy: CorsPolicy, requestOrigin: string): string | null {
  const origins = knownOrigins(policy);
  if (origins.length === 0 || (origins.length === 1 && origins[0]!.kind === 'any')) return '*';
  if (origins.length === 1 && origins[0]!.kind === 'exact') return origins[0]!.origin;
  if (origins.length === 1 && origins[0]!.kind === 'reflect' && !origins[0]!.condition) return requestOrigin || null;
  throw new UnknownBehaviour('the @koa/cors origin function decides per request', policy.originsSpan ?? policy.span);
}

export const koaCorsResponder: Responder = (policy, request, app) => {
  const requestOrigin = request.headers['origin'] ?? '';
  const headers: HeaderBag = {};
  appendVary(headers, 'Origin');
  let origin = originValue(policy, requestOrigin);
  if (origin === null) return { status: app.status, headers, producedBy: 'app (the origin function returned nothing)' };
  const credentials = valueOf(policy.credentials, false, 'credentials');
  const methods = valueOf(policy.allowMethods, ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'PATCH'], 'allowMethods');
  const allowHeaders = valueOf<string[] | null>(policy.allowHeaders, null, 'allowHeaders');
  const expose = valueOf<string[]>(policy.exposeHeaders, [], 'exposeHeaders');
  const maxAge = valueOf<number | null>(policy.maxAge, null, 'maxAge');
  if (credentials && origin === '*') origin = requestOrigin;

  if (request.method !== 'OPTIONS') {
    setHeader(headers, 'Access-Control-Allow-Origin', origin);
    if (credentials) setHeader(headers, 'Access-Control-Allow-Credentials', 'true');
    if (expose.length) setHeader(headers, 'Access-Control-Expose-Headers', expose.join(','));
    return { status: app.status, headers, producedBy: 'app, headers added by @koa/cors' };
  }
  if (!request.headers['access-control-request-method']) return { status: app.status, headers, producedBy: 'app (OPTIONS without Access-Control-Request-Method)' };
  setHeader(headers, 'Access-Control-Allow-Origin', origin);
  if (credentials) setHeader(headers, 'Access-Control-Allow-Credentials', 'true');
  if (maxAge) setHeader(headers, 'Access-Control-Max-Age', String(maxAge));
  if (methods.length) setHeader(headers, 'Access-Control-Allow-Methods', methods.join(','));
  const allow = allowHeaders && allowHeaders.length ? allowHeaders.join(',') : request.headers['access-control-request-headers'];
  if (allow) setHeader(headers, 'Access-Control-Allow-Headers', allow);
  return { status: 204, headers, producedBy: '@koa/cors preflight answer 204' };
};
