// @koa/cors 5 (index.js; 4.x differs only in its default origin, the request Origin): Vary: Origin
// on every response; the origin option is a string (sent verbatim, default '*') or a function;
// with credentials, '*' becomes the request Origin (the empty string when there is none). OPTIONS without Access-Control-Request-Method goes on to the
// app; a preflight is answered 204 with the requested headers mirrored when allowHeaders is unset.
import type { CorsPolicy } from '../../model/types.js';
import { addHeader, appendVary, setHeader, type HeaderBag } from '../header-bag.js';
import { compileOriginRegex } from '../origin-regex.js';
import { knownOrigins, valueOf } from '../options.js';
import { UnknownBehaviour } from '../types.js';
import type { Responder } from './responder.js';

/**
 * The origin value for this request: a string, several strings (an array option: one field each),
 * or null when an origin function returns a falsy value (CORS skipped).
 */
function originValue(policy: CorsPolicy, requestOrigin: string): string | string[] | null {
  const origins = knownOrigins(policy);
  const fromFunction = policy.libraryOptions?.originFunction === true;
  if (origins.length === 0 || (origins.length === 1 && origins[0]!.kind === 'any')) return '*';
  if (origins.every((o) => (o.kind === 'exact' || o.kind === 'null') && o.sentVerbatim)) {
    const values = origins.map((o) => (o.kind === 'exact' ? o.origin : 'null'));
    return values.length === 1 ? values[0]! : values;
  }
  // '*' with credentials, or an unset origin before 5.0 (both written as a reflection): the Origin,
  // '' when there is none (ctx.set then sends an empty field).
  if (origins.length === 1 && origins[0]!.kind === 'reflect' && !origins[0]!.condition && !fromFunction) return requestOrigin;
  // An origin function: returns the Origin when it accepts it, a falsy value otherwise.
  const accepts = origins.map((o): ((x: string) => boolean) => {
    switch (o.kind) {
      case 'reflect':
        if (o.condition) throw new UnknownBehaviour(`the @koa/cors origin function decides per request (${o.condition})`, o.span ?? policy.originsSpan);
        return () => true;
      case 'exact':
        return (x) => x === o.origin;
      case 'null':
        return (x) => x === 'null';
      case 'regex': {
        const c = compileOriginRegex(o);
        return (x) => c.test(x);
      }
      default:
        throw new UnknownBehaviour('the @koa/cors origin function decides per request', policy.originsSpan ?? policy.span);
    }
  });
  return requestOrigin && accepts.some((t) => t(requestOrigin)) ? requestOrigin : null;
}

function setOrigin(headers: HeaderBag, origin: string | string[]): void {
  if (Array.isArray(origin)) for (const o of origin) addHeader(headers, 'Access-Control-Allow-Origin', o);
  else setHeader(headers, 'Access-Control-Allow-Origin', origin);
}

export const koaCorsResponder: Responder = (policy, request, app) => {
  const requestOrigin = request.headers['origin'] ?? '';
  const headers: HeaderBag = {};
  appendVary(headers, 'Origin');
  const credentials = valueOf(policy.credentials, false, 'credentials');
  let origin = originValue(policy, requestOrigin);
  if (origin === null) return { status: app.status, headers, producedBy: 'app (the origin function returned nothing)' };
  const methods = valueOf(policy.allowMethods, ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'PATCH'], 'allowMethods');
  const allowHeaders = valueOf<string[] | null>(policy.allowHeaders, null, 'allowHeaders');
  const expose = valueOf<string[]>(policy.exposeHeaders, [], 'exposeHeaders');
  const maxAge = valueOf<number | null>(policy.maxAge, null, 'maxAge');
  if (credentials && origin === '*') origin = requestOrigin;

  if (request.method !== 'OPTIONS') {
    setOrigin(headers, origin);
    if (credentials) setHeader(headers, 'Access-Control-Allow-Credentials', 'true');
    if (expose.length) setHeader(headers, 'Access-Control-Expose-Headers', policy.exposeHeaders.raw ?? expose.join(','));
    return { status: app.status, headers, producedBy: 'app, headers added by @koa/cors' };
  }
  if (!request.headers['access-control-request-method']) return { status: app.status, headers, producedBy: 'app (OPTIONS without Access-Control-Request-Method)' };
  setOrigin(headers, origin);
  if (credentials) setHeader(headers, 'Access-Control-Allow-Credentials', 'true');
  if (maxAge) setHeader(headers, 'Access-Control-Max-Age', String(maxAge));
  if (methods.length) setHeader(headers, 'Access-Control-Allow-Methods', policy.allowMethods.raw ?? methods.join(','));
  const allow = allowHeaders && allowHeaders.length ? (policy.allowHeaders.raw ?? allowHeaders.join(',')) : request.headers['access-control-request-headers'];
  if (allow) setHeader(headers, 'Access-Control-Allow-Headers', allow);
  return { status: 204, headers, producedBy: '@koa/cors preflight answer 204' };
};
