// django-cors-headers (corsheaders/middleware.py, 3.x–4.9): every response on a CORS-enabled URL
// gets Vary: Origin ("origin" from 4.0); a preflight (OPTIONS + Access-Control-Request-Method) is
// answered 200 by the middleware; before 4.3 Access-Control-Allow-Credentials is added for any
// Origin, allowed or not, from 4.3 only for allowed ones; allowed origins compare scheme +
// host[:port] (so a trailing slash in the setting still matches), regexes use re.match;
// CORS_ALLOW_ALL_ORIGINS sends '*' without credentials and the Origin with them. 4.0 dropped
// accept-encoding, dnt and origin from the default allowed headers.
import type { CorsPolicy, OriginEntry } from '../../model/types.js';
import { appendVary, setHeader, type HeaderBag } from '../header-bag.js';
import { compileOriginRegex } from '../origin-regex.js';
import { atLeast, knownOrigins, valueOf } from '../options.js';
import { UnknownBehaviour } from '../types.js';
import type { Responder } from './responder.js';

const DEFAULT_HEADERS_3 = ['accept', 'accept-encoding', 'authorization', 'content-type', 'dnt', 'origin', 'user-agent', 'x-csrftoken', 'x-requested-with'];
const DEFAULT_HEADERS_4 = ['accept', 'authorization', 'content-type', 'user-agent', 'x-csrftoken', 'x-requested-with'];
const DEFAULT_METHODS = ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

/** Python urllib.parse.urlsplit -> (scheme lowercased, netloc as written). */
function splitOrigin(text: string): { scheme: string; netloc: string } {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/.exec(text);
  if (!m) return { scheme: '', netloc: '' };
  const rest = m[2]!;
  if (!rest.startsWith('//')) return { scheme: m[1]!.toLowerCase(), netloc: '' };
  const after = rest.slice(2);
  const end = after.search(/[/?#]/);
  return { scheme: m[1]!.toLowerCase(), netloc: end < 0 ? after : after.slice(0, end) };
}

function allowedTester(policy: CorsPolicy, entries: OriginEntry[]): (origin: string) => boolean {
  const testers = entries.map((entry): ((o: string) => boolean) => {
    switch (entry.kind) {
      case 'null':
        return (o) => o === 'null';
      case 'exact': {
        if (entry.origin === 'null') return (o) => o === 'null';
        const want = splitOrigin(entry.origin);
        return (o) => {
          const got = splitOrigin(o);
          return got.scheme === want.scheme && got.netloc === want.netloc;
        };
      }
      case 'regex': {
        const c = compileOriginRegex({ ...entry, mode: 'match' });
        return (o) => c.test(o);
      }
      case 'any':
        return () => true;
      default:
        throw new UnknownBehaviour(`origin entry of kind ${entry.kind} is not a django-cors-headers setting`, entry.span ?? policy.originsSpan);
    }
  });
  return (o) => testers.some((t) => t(o));
}

/** CORS_URLS_REGEX (the scanner puts it in scope.path): re.match against the request path. */
function urlEnabled(policy: CorsPolicy, path: string): boolean {
  const pattern = policy.scope.path;
  if (!pattern) return true;
  return compileOriginRegex({ kind: 'regex', pattern, flavor: 'python', mode: 'match', ignoreCase: false }).test(path.split('?')[0]!);
}

export const djangoCorsResponder: Responder = (policy, request, app) => {
  if (!urlEnabled(policy, request.path)) {
    return { status: app.status, headers: {}, producedBy: `Django view (the path does not match CORS_URLS_REGEX ${policy.scope.path})` };
  }
  const entries = knownOrigins(policy);
  const allowAll = entries.some((e) => e.kind === 'any');
  const credentials = valueOf(policy.credentials, false, 'CORS_ALLOW_CREDENTIALS');
  const isPreflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
  const status = isPreflight ? 200 : app.status;
  const producedBy = isPreflight ? 'CorsMiddleware answers the preflight with 200' : 'Django view, headers added by CorsMiddleware';
  const version = policy.libraryVersion;
  const headers: HeaderBag = {};
  appendVary(headers, atLeast(version, '4.0.0') ? 'origin' : 'Origin');
  const origin = request.headers['origin'];
  if (!origin) return { status, headers, producedBy };
  const credentialsFirst = !atLeast(version, '4.3.0');
  if (credentials && credentialsFirst) setHeader(headers, 'Access-Control-Allow-Credentials', 'true');
  if (!allowAll && !allowedTester(policy, entries)(origin)) return { status, headers, producedBy };
  setHeader(headers, 'Access-Control-Allow-Origin', allowAll && !credentials ? '*' : origin);
  if (credentials && !credentialsFirst) setHeader(headers, 'Access-Control-Allow-Credentials', 'true');
  const expose = valueOf<string[]>(policy.exposeHeaders, [], 'CORS_EXPOSE_HEADERS');
  if (expose.length) setHeader(headers, 'Access-Control-Expose-Headers', expose.join(', '));
  if (request.method === 'OPTIONS') {
    setHeader(headers, 'Access-Control-Allow-Headers', valueOf(policy.allowHeaders, atLeast(version, '4.0.0') ? DEFAULT_HEADERS_4 : DEFAULT_HEADERS_3, 'CORS_ALLOW_HEADERS').join(', '));
    setHeader(headers, 'Access-Control-Allow-Methods', valueOf(policy.allowMethods, DEFAULT_METHODS, 'CORS_ALLOW_METHODS').join(', '));
    const maxAge = valueOf<number>(policy.maxAge, 86400, 'CORS_PREFLIGHT_MAX_AGE');
    if (maxAge) setHeader(headers, 'Access-Control-Max-Age', String(maxAge));
  }
  return { status, headers, producedBy };
};
