// Flask-CORS (flask_cors/core.py, 3.0.10 and later): origins default '*', which becomes the
// regex '.*' and so reflects any Origin (unless send_wildcard); strings that look like regexes are
// applied with re.match, others compared case-insensitively; a disallowed Origin gets no CORS
// headers at all; without an Origin (always_send) the first of the sorted non-regex origins is sent.
// Preflight extras only when Access-Control-Request-Method is in `methods` (a substring test on the
// joined string); Flask answers OPTIONS itself (automatic_options) with 200.
import type { CorsPolicy, OriginEntry } from '../../model/types.js';
import { addHeader, setHeader, type HeaderBag } from '../header-bag.js';
import { compileOriginRegex } from '../origin-regex.js';
import { knownOrigins, libraryOption, valueOf } from '../options.js';
import { UnknownBehaviour } from '../types.js';
import type { Responder } from './responder.js';

const ALL_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS', 'PUT', 'PATCH', 'DELETE'];
const REGEX_CHARS = ['*', '\\', ']', '?', '$', '^', '[', '(', ')'];

const probablyRegex = (s: string) => REGEX_CHARS.some((c) => s.includes(c));

interface FlaskOrigin {
  /** The option string as Flask-CORS sees it ('.*' for '*'). */
  text: string;
  regex: boolean;
  test(origin: string): boolean;
}

function flaskOrigins(policy: CorsPolicy): FlaskOrigin[] {
  const origins = knownOrigins(policy);
  const list = origins.length ? origins : [{ kind: 'any' } as OriginEntry];
  return list.map((entry): FlaskOrigin => {
    switch (entry.kind) {
      case 'any':
      case 'reflect':
        if (entry.kind === 'reflect' && entry.condition) throw new UnknownBehaviour(`origins decided per request (${entry.condition})`, entry.span);
        return { text: '.*', regex: true, test: () => true };
      case 'null':
        return { text: 'null', regex: false, test: (o) => o.toLowerCase() === 'null' };
      case 'exact':
        if (probablyRegex(entry.origin)) {
          const c = compileOriginRegex({ kind: 'regex', pattern: entry.origin, flavor: 'python', mode: 'match', ignoreCase: true });
          return { text: entry.origin, regex: true, test: (o) => c.test(o) };
        }
        return { text: entry.origin, regex: false, test: (o) => o.toLowerCase() === entry.origin.toLowerCase() };
      case 'regex': {
        const c = compileOriginRegex({ ...entry, mode: 'match', ignoreCase: entry.ignoreCase });
        return { text: entry.pattern, regex: true, test: (o) => c.test(o) };
      }
      default:
        throw new UnknownBehaviour(`origin entry of kind ${entry.kind} is not a Flask-CORS option`, entry.span);
    }
  });
}

export const flaskCorsResponder: Responder = (policy, request, app) => {
  const origins = flaskOrigins(policy);
  const credentials = valueOf(policy.credentials, false, 'supports_credentials');
  const methods = [...valueOf(policy.allowMethods, ALL_METHODS, 'methods')].sort().join(', ').toUpperCase();
  const allowHeaders = valueOf(policy.allowHeaders, ['*'], 'allow_headers').map((h) => (h === '*' ? '.*' : h));
  const expose = valueOf<string[]>(policy.exposeHeaders, [], 'expose_headers');
  const maxAge = valueOf<number | null>(policy.maxAge, null, 'max_age');
  // The scanner writes '*' as 'any' when send_wildcard=True and as 'reflect' otherwise.
  const sendWildcard = libraryOption(policy, 'send_wildcard', false) || knownOrigins(policy).some((o) => o.kind === 'any');
  const alwaysSend = libraryOption(policy, 'always_send', true);
  const varyHeader = libraryOption(policy, 'vary_header', true);
  const wildcard = origins.some((o) => o.text === '.*');
  const requestOrigin = request.headers['origin'];
  const status = request.method === 'OPTIONS' ? 200 : app.status;

  let toSet: string[] | null;
  if (requestOrigin) {
    if (wildcard && sendWildcard) toSet = ['*'];
    else if (origins.some((o) => o.test(requestOrigin))) toSet = [requestOrigin];
    else toSet = null;
  } else if (alwaysSend) {
    if (wildcard) toSet = credentials ? null : ['*'];
    else toSet = origins.filter((o) => !o.regex).map((o) => o.text).sort();
  } else toSet = null;

  const headers: HeaderBag = {};
  if (!toSet || toSet.length === 0) return { status, headers, producedBy: 'Flask view (no CORS headers)' };
  // get_cors_headers returns MultiDict(headers.items()): only the first origin survives.
  addHeader(headers, 'Access-Control-Allow-Origin', toSet[0]!);
  if (expose.length) setHeader(headers, 'Access-Control-Expose-Headers', [...expose].sort().join(', '));
  if (credentials) setHeader(headers, 'Access-Control-Allow-Credentials', 'true');
  if (request.method === 'OPTIONS') {
    const acrm = (request.headers['access-control-request-method'] ?? '').toUpperCase();
    if (acrm && methods.includes(acrm)) {
      const requested = request.headers['access-control-request-headers'];
      if (requested) {
        const matching = requested
          .split(',')
          .map((h) => h.trim())
          .filter((h) =>
            allowHeaders.some((p) =>
              probablyRegex(p)
                ? compileOriginRegex({ kind: 'regex', pattern: p, flavor: 'python', mode: 'match', ignoreCase: true }).test(h)
                : p.toLowerCase() === h.toLowerCase(),
            ),
          )
          .sort();
        if (matching.length) setHeader(headers, 'Access-Control-Allow-Headers', matching.join(', '));
      }
      if (maxAge !== null && maxAge !== 0) setHeader(headers, 'Access-Control-Max-Age', String(maxAge));
      setHeader(headers, 'Access-Control-Allow-Methods', methods);
    }
  }
  const first = toSet[0];
  if (varyHeader && first !== '*' && (origins.length > 1 || toSet.length > 1 || origins.some((o) => o.regex))) {
    addHeader(headers, 'Vary', 'Origin');
  }
  return { status, headers, producedBy: request.method === 'OPTIONS' ? 'Flask automatic OPTIONS (200)' : 'Flask view, headers added by Flask-CORS' };
};
