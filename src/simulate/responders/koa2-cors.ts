// koa2-cors 2.0 (dist/index.js): Vary: Origin on every response; the origin option is a function(ctx)
// (its value is sent, a falsy one skips CORS) or `options.origin || request Origin || '*'`, sent as is.
// Actual requests get Allow-Credentials only when the origin is not '*' (it is removed then); a
// preflight (OPTIONS with Access-Control-Request-Method) is answered 204 with Allow-Credentials for
// `credentials: true` whatever the origin, and the requested headers mirrored when allowHeaders is unset.
import type { CorsPolicy } from '../../model/types.js';
import { appendVary, setHeader, type HeaderBag } from '../header-bag.js';
import { compileOriginRegex } from '../origin-regex.js';
import { knownOrigins, valueOf } from '../options.js';
import { UnknownBehaviour } from '../types.js';
import type { Responder } from './responder.js';

/** The value sent as Access-Control-Allow-Origin, or null when an origin function returns nothing. */
function originValue(policy: CorsPolicy, requestOrigin: string): string | null {
  const origins = knownOrigins(policy);
  const fromFunction = policy.libraryOptions?.originFunction === true;
  if (origins.length === 1 && origins[0]!.kind === 'any') return '*';
  const only = origins.length === 1 ? origins[0]! : undefined;
  if (only && (only.kind === 'exact' || only.kind === 'null') && only.sentVerbatim) return only.kind === 'exact' ? only.origin : 'null';
  if (origins.length === 1 && origins[0]!.kind === 'reflect' && !origins[0]!.condition && !fromFunction) return requestOrigin || '*';
  const accepts = origins.map((o): ((x: string) => boolean) => {
    switch (o.kind) {
      case 'reflect':
        if (o.condition) throw new UnknownBehaviour(`the koa2-cors origin function decides per request (${o.condition})`, o.span ?? policy.originsSpan);
        return () => true;
      case 'exact':
        return (x) => x === o.origin;
      case 'regex': {
        const c = compileOriginRegex(o);
        return (x) => c.test(x);
      }
      default:
        throw new UnknownBehaviour('the koa2-cors origin function decides per request', policy.originsSpan ?? policy.span);
    }
  });
  return requestOrigin && accepts.some((t) => t(requestOrigin)) ? requestOrigin : null;
}

export const koa2CorsResponder: Responder = (policy, request, app) => {
  const requestOrigin = request.headers['origin'] ?? '';
  const headers: HeaderBag = {};
  appendVary(headers, 'Origin');
  const origin = originValue(policy, requestOrigin);
  if (origin === null) return { status: app.status, headers, producedBy: 'app (the origin function returned nothing)' };
  const credentials = valueOf(policy.credentials, false, 'credentials');
  const methods = valueOf(policy.allowMethods, ['GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'], 'allowMethods');
  const allowHeaders = valueOf<string[] | null>(policy.allowHeaders, null, 'allowHeaders');
  const expose = valueOf<string[]>(policy.exposeHeaders, [], 'exposeHeaders');
  const maxAge = valueOf<number | null>(policy.maxAge, null, 'maxAge');
  setHeader(headers, 'Access-Control-Allow-Origin', origin);
  if (request.method !== 'OPTIONS') {
    if (credentials && origin !== '*') setHeader(headers, 'Access-Control-Allow-Credentials', 'true');
    if (expose.length) setHeader(headers, 'Access-Control-Expose-Headers', policy.exposeHeaders.raw ?? expose.join(','));
    return { status: app.status, headers, producedBy: 'app, headers added by koa2-cors' };
  }
  if (!request.headers['access-control-request-method']) return { status: app.status, headers, producedBy: 'app (OPTIONS without Access-Control-Request-Method)' };
  if (maxAge) setHeader(headers, 'Access-Control-Max-Age', String(maxAge));
  if (credentials) setHeader(headers, 'Access-Control-Allow-Credentials', 'true');
  // `if (options.allowMethods)`: an empty array is truthy, so it sends an empty field.
  setHeader(headers, 'Access-Control-Allow-Methods', policy.allowMethods.raw ?? methods.join(','));
  const allow = allowHeaders && allowHeaders.length ? (policy.allowHeaders.raw ?? allowHeaders.join(',')) : request.headers['access-control-request-headers'];
  // ctx.get() of a missing header is '', which ctx.set() sends as an empty field.
  setHeader(headers, 'Access-Control-Allow-Headers', allow ?? '');
  return { status: 204, headers, producedBy: 'koa2-cors preflight answer 204' };
};
