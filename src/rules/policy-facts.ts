// Facts about a policy that several rules need: how to name the library in a message, which
// Access-Control-Allow-Origin writes a policy makes, and whether the value sent depends on the
// request Origin. Everything here reads the model only; library behaviour noted in comments was
// read from the libraries' own source (versions in the rules' READMEs).

import type { CorsPolicy, EmittedHeader, Library, OriginEntry, Span, Stack } from '../model/types.js';
import { traefikHasCorsWildcardFix } from '../proxy/traefik/versions.js';

/** How messages name the software that writes the CORS headers. */
export const LIBRARY_NAMES: Record<Library, string> = {
  starlette: 'Starlette CORSMiddleware',
  'flask-cors': 'Flask-CORS',
  'django-cors-headers': 'django-cors-headers',
  cors: 'npm cors',
  '@fastify/cors': '@fastify/cors',
  '@koa/cors': '@koa/cors',
  'koa2-cors': 'koa2-cors',
  manual: 'hand-written headers',
  nginx: 'nginx',
  'ingress-nginx': 'ingress-nginx',
  traefik: 'Traefik',
};

export const STACK_NAMES: Record<Stack, string> = {
  fastapi: 'FastAPI',
  starlette: 'Starlette',
  flask: 'Flask',
  django: 'Django',
  express: 'Express',
  nestjs: 'NestJS',
  fastify: 'Fastify',
  koa: 'Koa',
  node: 'Node.js',
  nginx: 'nginx',
  'ingress-nginx': 'ingress-nginx',
  traefik: 'Traefik',
};

/** "Starlette CORSMiddleware in FastAPI", "npm cors in Express", "hand-written headers in Koa", "Flask-CORS", "nginx". */
export function libraryLabel(policy: CorsPolicy): string {
  // A proxy layer is named by the configuration object that sets the headers ("Traefik middleware cors").
  if (policy.library === 'traefik' && policy.scope.name) return policy.scope.name;
  // One controller serves many Ingresses: name the one whose annotations these are.
  if (policy.library === 'ingress-nginx' && policy.scope.name) return `ingress-nginx (${policy.scope.name})`;
  const stack = policy.mountedBy ?? STACK_NAMES[policy.stack];
  const library = LIBRARY_NAMES[policy.library];
  if (library.toLowerCase().includes(stack.toLowerCase())) return library;
  return `${library} in ${stack}`;
}

/** "location /api", "app", "route /items": the part of the configuration a policy covers. */
export function scopeLabel(policy: CorsPolicy): string {
  const { scope } = policy;
  if (scope.name) return scope.name;
  if (scope.path) return `${scope.kind} ${scope.path}`;
  return `this ${scope.kind}`;
}

export function isHeader(name: string, wanted: string): boolean {
  return name.trim().toLowerCase() === wanted.toLowerCase();
}

/** The Access-Control-Allow-Origin writes among the policy's literal headers (names compare case-insensitively). */
export function acaoHeaders(policy: CorsPolicy): EmittedHeader[] {
  return (policy.emittedHeaders ?? []).filter((h) => isHeader(h.name, 'Access-Control-Allow-Origin'));
}

/**
 * The origins one header value lists: browsers want exactly one origin (or `*`) in
 * Access-Control-Allow-Origin, so two or more entries here mean the browser rejects the value.
 * Entries are separated by commas and/or whitespace (both are seen in real configurations).
 */
export function listedOrigins(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** Does a write of this header add a second field (true) or overwrite the earlier one (false)? */
export function addsField(policy: CorsPolicy, header: EmittedHeader): boolean {
  return (header.combine ?? (policy.library === 'nginx' ? 'add' : 'replace')) === 'add';
}

/**
 * Whether the library answers an allowed `*` by echoing the request Origin instead of sending `*`:
 * - Starlette CORSMiddleware: echoes when the request carries a Cookie (0.4.1–0.52) or whenever
 *   allow_credentials=True (1.0 and later).
 * - Flask-CORS: reflects the request Origin for `*` unless send_wildcard=True; its scanner already
 *   describes that echo as a 'reflect' origin, so an 'any' entry there is the literal `*`.
 * - django-cors-headers (CORS_ALLOW_ALL_ORIGINS) and @koa/cors (origin '*'): echo when credentials are on.
 * - Traefik headers middleware (v3.7 header.go matchOrigin): `*` in accessControlAllowOriginList is
 *   answered with the request Origin when accessControlAllowCredentials is true (v3.6.22 / v3.7.6 and
 *   later; before, `*` is sent with the credentials header, which browsers refuse); a `*` written as a
 *   customResponseHeaders value is sent verbatim.
 * - npm cors, @fastify/cors, nginx, hand-written headers: send the literal `*`.
 */
export function wildcardEchoes(policy: CorsPolicy): boolean | 'unknown' {
  switch (policy.library) {
    case 'starlette':
      return true;
    case 'django-cors-headers':
    case '@koa/cors':
      return policy.credentials.value;
    case 'traefik':
      // Only from v3.6.22 / v3.7.6 (src/proxy/traefik/versions.ts); older releases send `*`.
      if (!traefikHasCorsWildcardFix(policy.libraryVersion)) return false;
      return policy.origins.some((o) => o.kind === 'any' && !o.sentVerbatim) ? policy.credentials.value : false;
    default:
      return false;
  }
}

export type OriginDependence =
  | { depends: true; how: string; span?: Span }
  | { depends: false }
  | { depends: 'unknown'; why: string };

/** What one allowed origin contributes to the Access-Control-Allow-Origin value. */
type Contribution = { echo: true; how: string; span?: Span } | { echo: false; value: string; span?: Span } | { unknown: string };

function contributionOf(policy: CorsPolicy, entry: OriginEntry): Contribution {
  switch (entry.kind) {
    case 'reflect':
      // Request data (a query parameter) is part of the URL or body, not of the Origin header.
      if (entry.from) return { echo: false, value: entry.from, span: entry.span };
      return { echo: true, how: entry.condition ? `echoes the request Origin when ${entry.condition}` : 'echoes the request Origin', span: entry.span };
    case 'regex':
      if (policy.library === 'ingress-nginx' && entry.writtenAs) return { echo: true, how: `echoes every request Origin that cors-allow-origin entry '${entry.writtenAs}' admits`, span: entry.span };
      return { echo: true, how: `echoes every request Origin that matches ${entry.pattern}`, span: entry.span };
    case 'substring':
      return { echo: true, how: `echoes every request Origin found inside "${entry.haystack}"`, span: entry.span };
    case 'exact':
      // Listed (not verbatim) origins are echoed only when equal, so the value is that origin.
      return { echo: false, value: entry.origin, span: entry.span };
    case 'null':
      return { echo: false, value: 'null', span: entry.span };
    case 'any': {
      const echoes = wildcardEchoes(policy);
      if (echoes === 'unknown') return { unknown: 'whether the library echoes the Origin for * depends on credentials, which are not known' };
      return echoes ? { echo: true, how: `answers '*' by echoing the request Origin`, span: entry.span } : { echo: false, value: '*', span: entry.span };
    }
    case 'unknown':
      return { unknown: entry.why };
  }
}

/**
 * Does the Access-Control-Allow-Origin value this policy sends depend on the request Origin?
 * True for an echo (reflection, regex- or membership-gated echo, an nginx `$http_origin` / map /
 * `if` value) and for any choice between two or more different values. False for one fixed origin
 * or `*`. 'unknown' when an origin could not be resolved and nothing else shows a dependence.
 */
export function originDependsOnRequest(policy: CorsPolicy): OriginDependence {
  const headers = acaoHeaders(policy);
  const echoing = headers.find((h) => h.dependsOnOrigin);
  if (echoing) return { depends: true, how: `is set to ${echoing.value}, which follows the request Origin`, span: echoing.span };
  // Different values under different conditions (nginx `if`, a guarded branch): a per-request choice.
  const headerValues = new Set(headers.map((h) => h.value.trim()));
  const conditions = new Set(headers.map((h) => h.conditional ?? ''));
  if (headerValues.size >= 2 && conditions.size >= 2) {
    const first = headers[0]!;
    return { depends: true, how: `is chosen per request among ${[...headerValues].join(', ')}`, span: first.span };
  }

  // Middlewares treat an allowed `*` as "allow all": it decides the value on its own.
  const literalLibrary = policy.library === 'nginx' || policy.library === 'manual';
  const any = policy.origins.find((o) => o.kind === 'any');
  const entries = !literalLibrary && any ? [any] : policy.origins;
  const contributions = entries.map((entry) => contributionOf(policy, entry));
  const echo = contributions.find((c): c is Extract<Contribution, { echo: true }> => 'echo' in c && c.echo);
  if (echo) return { depends: true, how: echo.how, span: echo.span };
  const unknown = contributions.find((c): c is Extract<Contribution, { unknown: string }> => 'unknown' in c);
  // Values sent verbatim are all sent at once, not chosen (a choice among literal writes shows up as
  // headers under different conditions, above); only listed origins that are echoed when equal count.
  const fixed = contributions.filter(
    (c, i): c is Extract<Contribution, { echo: false }> => 'echo' in c && !c.echo && !entries[i]!.sentVerbatim,
  );
  const values = new Set(fixed.map((c) => c.value));
  if (values.size >= 2) {
    return {
      depends: true,
      how: `is chosen per request among ${[...values].join(', ')}`,
      span: policy.originsSpan ?? fixed[0]!.span,
    };
  }
  if (unknown) return { depends: 'unknown', why: unknown.unknown };
  return { depends: false };
}
