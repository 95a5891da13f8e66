// Traefik's headers middleware, as read in Traefik v3.7 (commit fd5a576, after v3.7.9):
// pkg/middlewares/headers/header.go (Header.ServeHTTP, processCorsHeaders, matchOrigin,
// PostRequestModifyResponseHeaders) and pkg/middlewares/response_modifier.go.
// - A preflight is OPTIONS with non-empty Origin and Access-Control-Request-Method headers; when any
//   CORS option is set the middleware answers it itself with 200 and Content-Length: 0, whatever the
//   origin, and never calls the next handler. It sends Allow-Credentials, Allow-Headers (the requested
//   headers when the list holds '*' and credentials are on), Allow-Methods (the requested method in that
//   case), Allow-Origin when the origin matches, Max-Age when set, Expose-Headers (left out for '*' with
//   credentials). No Vary, even with addVaryHeader.
// - Every other request goes to the application; on its response, whatever the status, the middleware
//   applies customResponseHeaders ("" deletes), then sets Allow-Origin when the origin matches (this
//   overrides the application's own value), Allow-Credentials: true when configured (for any origin),
//   Expose-Headers, and with addVaryHeader appends ",Origin" to Vary unless Vary is exactly "Origin".
// Releases before v3.6.22 / v3.7.6 (all of v2) differ (src/proxy/traefik/versions.ts): `*` is sent as
// `*` with credentials, Max-Age is sent on every preflight (0 when unset), `*` headers and methods are
// sent as written, and a preflight carries no Expose-Headers; policy.libraryVersion selects them.
// - matchOrigin walks accessControlAllowOriginList in order: an entry equal to the Origin (exact,
//   case-sensitive) is sent back; '*' sends '*', or the Origin itself when credentials are on. Then each
//   accessControlAllowOriginListRegex entry, with Go's regexp MatchString (unanchored search): a match
//   sends the Origin back. Nothing matching: no Allow-Origin from Traefik.
import type { CorsPolicy, OriginEntry } from '../../model/types.js';
import { getCombined, setHeader, type HeaderBag } from '../header-bag.js';
import { knownOrigins, libraryOption, notWritten, valueOf } from '../options.js';
import { translatePattern } from '../../regex/translate.js';
import { UnknownBehaviour, type HttpResponse } from '../types.js';
import type { Responder } from './responder.js';
import { traefikHasCorsWildcardFix } from '../../proxy/traefik/versions.js';

type Matcher = (origin: string) => string | undefined;

function matcherOf(policy: CorsPolicy, credentials: boolean, echoWildcard: boolean): Matcher {
  // Entries that stand for a customResponseHeaders value are not part of the origin list.
  const entries = knownOrigins(policy).filter((o) => !o.sentVerbatim);
  const list = entries.filter((o) => o.kind !== 'regex');
  const regexes = entries.filter((o): o is Extract<OriginEntry, { kind: 'regex' }> => o.kind === 'regex').map(compileGoRegex);
  for (const o of list) {
    if (o.kind !== 'exact' && o.kind !== 'any' && o.kind !== 'null') throw new UnknownBehaviour(`origin entry of kind ${o.kind} is not a Traefik option`, o.span);
  }
  return (origin) => {
    for (const o of list) {
      if (o.kind === 'exact' && o.origin === origin) return o.origin;
      if (o.kind === 'null' && origin === 'null') return 'null';
      if (o.kind === 'any') return credentials && echoWildcard ? origin : '*';
    }
    for (const re of regexes) if (re.test(origin)) return origin;
    return undefined;
  };
}

/**
 * Go regexp (RE2) as far as origin patterns go: the reader stores it as PCRE syntax in search mode, and
 * the shared translator turns the constructs both dialects share ((?i), (?P<name>), [[:alpha:]], \\z)
 * into JavaScript; what it cannot translate makes the answer unknown rather than a guess.
 */
function compileGoRegex(entry: Extract<OriginEntry, { kind: 'regex' }>): { test(origin: string): boolean } {
  const translated = translatePattern(entry.pattern, 'pcre', entry.ignoreCase);
  if (!translated.ok) throw new UnknownBehaviour(`the pattern ${JSON.stringify(entry.pattern)} cannot be evaluated: ${translated.reason}`, entry.span);
  const re = new RegExp(translated.source, translated.flags);
  return { test: (origin) => re.test(origin) };
}

function exposeValue(expose: string[], credentials: boolean, modern: boolean): string | undefined {
  if (!expose.length || (modern && expose.includes('*') && credentials)) return undefined;
  return expose.join(',');
}

export const traefikResponder: Responder = (policy, request, app) => {
  const name = policy.scope.name ?? 'Traefik headers middleware';
  const corsOptions = libraryOption<boolean>(policy, 'corsOptions', true) !== false;
  const credentials = libraryOption<boolean>(policy, 'credentialsFromHeader', false) ? false : valueOf(policy.credentials, false, 'accessControlAllowCredentials');
  const methods = valueOf(policy.allowMethods, [], 'accessControlAllowMethods');
  const allowHeaders = valueOf(policy.allowHeaders, [], 'accessControlAllowHeaders');
  const expose = valueOf(policy.exposeHeaders, [], 'accessControlExposeHeaders');
  const maxAge = notWritten(policy.maxAge) ? null : valueOf<number | null>(policy.maxAge, null, 'accessControlMaxAge');
  const version = policy.libraryVersion;
  const addVary = libraryOption<boolean>(policy, 'varyFromHeader', false) ? false : valueOf(policy.varyOrigin, false, 'addVaryHeader');
  const modern = traefikHasCorsWildcardFix(policy.libraryVersion);
  const match = matcherOf(policy, credentials, modern);
  // Go's Header.Get: an absent header reads as "".
  const origin = request.headers['origin'] ?? '';
  const requestMethod = request.headers['access-control-request-method'] ?? '';
  const spans = {
    'access-control-allow-origin': policy.originsSpan ?? policy.span,
    ...(policy.credentials.span ? { 'access-control-allow-credentials': policy.credentials.span } : {}),
    ...(policy.allowMethods.span ? { 'access-control-allow-methods': policy.allowMethods.span } : {}),
    ...(policy.allowHeaders.span ? { 'access-control-allow-headers': policy.allowHeaders.span } : {}),
  };

  if (corsOptions && request.method === 'OPTIONS' && origin !== '' && requestMethod !== '') {
    const headers: HeaderBag = {};
    if (credentials) setHeader(headers, 'Access-Control-Allow-Credentials', 'true');
    if (modern && allowHeaders.includes('*') && credentials) {
      const requested = request.headers['access-control-request-headers'] ?? '';
      if (requested !== '') setHeader(headers, 'Access-Control-Allow-Headers', requested);
    } else if (allowHeaders.join(',') !== '') setHeader(headers, 'Access-Control-Allow-Headers', allowHeaders.join(','));
    if (modern && methods.includes('*') && credentials) setHeader(headers, 'Access-Control-Allow-Methods', requestMethod);
    else if (methods.join(',') !== '') setHeader(headers, 'Access-Control-Allow-Methods', methods.join(','));
    const allowed = match(origin);
    if (allowed !== undefined) setHeader(headers, 'Access-Control-Allow-Origin', allowed);
    if (maxAge !== null || !modern) setHeader(headers, 'Access-Control-Max-Age', String(maxAge ?? 0));
    const exposed = modern ? exposeValue(expose, credentials, modern) : undefined;
    if (exposed !== undefined) setHeader(headers, 'Access-Control-Expose-Headers', exposed);
    return { status: 200, headers, headerSpans: spans, producedBy: `${name} answers the preflight itself (200, not forwarded to the application)${version ? `, Traefik ${version}` : ''}` } satisfies HttpResponse;
  }

  const headers: HeaderBag = {};
  for (const h of policy.emittedHeaders ?? []) {
    if (h.expression) throw new UnknownBehaviour(`customResponseHeaders ${h.name} is not known statically`, h.span);
    setHeader(headers, h.name, h.value);
  }
  const allowed = match(origin);
  if (allowed !== undefined) setHeader(headers, 'Access-Control-Allow-Origin', allowed);
  if (credentials) setHeader(headers, 'Access-Control-Allow-Credentials', 'true');
  const exposed = exposeValue(expose, credentials, modern);
  if (exposed !== undefined) setHeader(headers, 'Access-Control-Expose-Headers', exposed);
  if (addVary) {
    const vary = getCombined(headers, 'vary') ?? '';
    if (vary !== 'Origin') setHeader(headers, 'Vary', vary === '' ? 'Origin' : `${vary},Origin`);
  }
  return { status: app.status, headers, headerSpans: spans, producedBy: `the application behind Traefik, headers set by ${name}` };
};
