// ingress-nginx (controller-v1.15.1, rootfs/etc/nginx/template/nginx.tmpl "CORS" block and
// template.go buildCorsOriginRegex): what the location the controller renders for an Ingress with
// enable-cors answers to one request.
// - Origins `*`: `set $http_origin *; set $cors 'true';` — every request (with or without Origin) is a
//   CORS request and Access-Control-Allow-Origin is the literal `*`.
// - Otherwise `if ($http_origin ~* ((o1)|(o2))$) { set $cors 'true'; }`: a case-insensitive test
//   anchored only at the end; the value sent is the request's Origin as it came.
// - An OPTIONS request appends "options" to $cors: "trueoptions" is answered by nginx itself with 204
//   and the CORS headers; any other OPTIONS request goes to the service.
// - "true": the service's answer, whatever its status, with Access-Control-Allow-Origin,
//   -Allow-Credentials (when on), -Allow-Methods, -Allow-Headers, -Expose-Headers (when set) and
//   -Max-Age, all through more_set_headers (which replaces a header of the same name and applies to
//   every status). No Vary header. A refused origin gets the service's answer untouched.
// Checked on Debian nginx 1.22: for an allowed origin the service's own Access-Control-Allow-Origin is
// replaced (one field, not two) and its other Access-Control-* headers that the template does not set
// pass through; for a refused origin all of the service's headers pass through.
import { DEFAULT_HEADERS, DEFAULT_MAX_AGE, DEFAULT_METHODS, originPattern } from '../../proxy/ingress-nginx/annotations.js';
import type { CorsPolicy, Valued } from '../../model/types.js';
import { setHeader, type HeaderBag } from '../header-bag.js';
import { knownOrigins, valueOf } from '../options.js';
import { UnknownBehaviour, type HttpResponse } from '../types.js';
import type { Responder } from './responder.js';

type OriginMode = { wildcard: true } | { wildcard: false; patterns: RegExp[] };

function originMode(policy: CorsPolicy): OriginMode {
  const origins = knownOrigins(policy);
  if (origins.some((o) => o.kind === 'any')) return { wildcard: true };
  const patterns = origins.map((o) => {
    switch (o.kind) {
      case 'exact':
        return new RegExp(`${originPattern(o.origin)}$`, 'i');
      case 'null':
        return /null$/i;
      case 'regex':
        return new RegExp(o.pattern, 'i');
      default:
        throw new UnknownBehaviour(`origin entry of kind ${o.kind} is not an ingress-nginx origin`, o.span ?? policy.originsSpan);
    }
  });
  return { wildcard: false, patterns };
}

/** The header text the template writes: the annotation as written, or the controller's default. */
function text(v: Valued<string[]>, fallback: string, what: string): string {
  const list = valueOf(v, null as string[] | null, what);
  if (list === null) return fallback;
  return v.raw ?? list.join(',');
}

export const ingressNginxResponder: Responder = (policy, request, app) => {
  const mode = originMode(policy);
  const origin = request.headers['origin'];
  const allowed = mode.wildcard || (origin !== undefined && mode.patterns.some((p) => p.test(origin)));
  const preflight = request.method === 'OPTIONS';
  if (!allowed) {
    return { status: app.status, headers: {}, producedBy: `the service (ingress-nginx adds no CORS headers for ${origin === undefined ? 'a request without Origin' : `Origin ${origin}`})` };
  }
  const headers: HeaderBag = {};
  setHeader(headers, 'Access-Control-Allow-Origin', mode.wildcard ? '*' : origin!);
  if (valueOf(policy.credentials, true, 'cors-allow-credentials')) setHeader(headers, 'Access-Control-Allow-Credentials', 'true');
  setHeader(headers, 'Access-Control-Allow-Methods', text(policy.allowMethods, DEFAULT_METHODS, 'cors-allow-methods'));
  setHeader(headers, 'Access-Control-Allow-Headers', text(policy.allowHeaders, DEFAULT_HEADERS, 'cors-allow-headers'));
  const expose = text(policy.exposeHeaders, '', 'cors-expose-headers');
  if (expose) setHeader(headers, 'Access-Control-Expose-Headers', expose);
  setHeader(headers, 'Access-Control-Max-Age', String(valueOf(policy.maxAge, DEFAULT_MAX_AGE, 'cors-max-age')));
  const spans: NonNullable<HttpResponse['headerSpans']> = {};
  if (policy.originsSpan) spans['access-control-allow-origin'] = policy.originsSpan;
  if (policy.credentials.span) spans['access-control-allow-credentials'] = policy.credentials.span;
  if (policy.allowMethods.span) spans['access-control-allow-methods'] = policy.allowMethods.span;
  if (policy.allowHeaders.span) spans['access-control-allow-headers'] = policy.allowHeaders.span;
  if (preflight) return { status: 204, headers, headerSpans: spans, producedBy: 'ingress-nginx answers the OPTIONS request itself (204)' };
  return { status: app.status, headers, headerSpans: spans, producedBy: 'the service, with the CORS headers ingress-nginx sets' };
};
