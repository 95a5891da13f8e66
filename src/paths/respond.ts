// One HTTP request through a proxy route: the proxy answers it itself, or forwards it to the
// application (whose CORS layer answers as src/simulate/respond.ts says) and then changes the
// application's headers on the way back. nginx routes run the nginx scanner's own prediction
// (src/extract/nginx/simulate.ts) with the application's response as the upstream's.
import { routeContextOf } from '../extract/nginx/routes.js';
import { forwardedRequestHeaders, outputHeaders, routeRequest } from '../extract/nginx/simulate.js';
import { clearCovers, effectiveAddHeaders, effectiveMoreClears, effectiveMoreHeaders, type Block } from '../extract/nginx/blocks.js';
import type { CorsPolicy, ProxyRoute, Span } from '../model/types.js';
import { addHeader, getCombined, type HeaderBag } from '../simulate/header-bag.js';
import { respond } from '../simulate/respond.js';
import { simulate } from '../simulate/simulate.js';
import { UnknownBehaviour, type HttpRequest, type HttpResponse, type SimRequest, type SimResult } from '../simulate/types.js';
import { newPolicy } from '../model/policy.js';

export interface PathResponse extends HttpResponse {
  /** Which layer's answer the browser gets: the proxy's own, or the application's as the proxy passed it on. */
  decidedBy: 'proxy' | 'app';
}

/** The application's response to a request it receives; no application known: the status only. */
function appAnswer(app: CorsPolicy | undefined, request: HttpRequest, appStatus: number): HttpResponse {
  if (!app) return { status: appStatus, headers: {}, producedBy: 'the upstream' };
  return respond(app, request, { status: appStatus });
}

function fields(bag: HeaderBag): Array<{ name: string; value: string }> {
  return Object.entries(bag).flatMap(([name, v]) => (Array.isArray(v) ? v : [v]).map((value) => ({ name, value })));
}

function bagOf(list: ReadonlyArray<{ name: string; value: string }>): HeaderBag {
  const bag: HeaderBag = {};
  for (const h of list) addHeader(bag, h.name, h.value);
  return bag;
}

/** Throws UnknownBehaviour (from the application's responder) when the answer depends on a value the scanner left unknown. */
export function respondThroughRoute(route: ProxyRoute, app: CorsPolicy | undefined, request: HttpRequest, appStatus: number): PathResponse {
  const req: HttpRequest = { ...request, headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v])) };
  const ctx = route.stack === 'nginx' ? routeContextOf(route) : undefined;
  if (ctx) return throughNginx(route, ctx, app, req, appStatus);
  return throughHeaderMiddleware(route, app, req, appStatus);
}

function throughNginx(route: ProxyRoute, ctx: NonNullable<ReturnType<typeof routeContextOf>>, app: CorsPolicy | undefined, req: HttpRequest, appStatus: number): PathResponse {
  const routed = routeRequest(ctx.server, ctx.maps, { method: req.method, path: req.path, headers: req.headers }, { upstreamStatus: appStatus });
  const limited = contentTypeLimited(routed.conf);
  if (limited) throw new UnknownBehaviour(`${limited.what} applies only to responses of the content types ${limited.types.join(', ')}, and which content type an answer has is not in the configuration`, limited.span);
  const spans: NonNullable<HttpResponse['headerSpans']> = {};
  for (const h of effectiveAddHeaders(routed.conf)) spans[h.name.toLowerCase()] ??= h.value.span;
  if (!routed.forwards) {
    if (routed.closed) return { status: null, headers: {}, headerSpans: spans, producedBy: `nginx (${routed.conf.label}), connection closed (444)`, decidedBy: 'proxy' };
    const headers = bagOf(outputHeaders(routed.conf, routed.status, routed.get));
    // The proxy answered without asking the application: its `return` is what the browser judges.
    const answered = routed.conf.body.find((d) => d.name === 'return' || d.name === 'deny')?.span ?? routed.conf.headerSpan;
    for (const name of ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-methods', 'access-control-allow-headers']) if (!headers[name]) spans[name] ??= answered;
    return { status: routed.status === 'unknown' ? null : routed.status, headers, headerSpans: spans, producedBy: `nginx (${routed.conf.label}) without forwarding`, decidedBy: 'proxy' };
  }
  const forwarded: HttpRequest = { ...req, headers: forwardedRequestHeaders(routed.conf, req.headers, routed.get) };
  const upstream = appAnswer(app, forwarded, appStatus);
  const status = upstream.status ?? 'unknown';
  const upstreamFields = fields(upstream.headers);
  // $upstream_http_<name>: the upstream's response field (several joined with ", ").
  const get = (name: string): string => {
    if (!name.startsWith('upstream_http_')) return routed.get(name);
    const wanted = name.slice('upstream_http_'.length).replace(/_/g, '-');
    return upstreamFields.filter((f) => f.name.toLowerCase() === wanted).map((f) => f.value).join(', ');
  };
  const out = outputHeaders(routed.conf, status, get, upstreamFields);
  for (const [name, span] of Object.entries(upstream.headerSpans ?? {})) spans[name] ??= span;
  // A header the application sends that the proxy drops: the proxy's directive is what decides.
  for (const s of route.strips) for (const name of Object.keys(upstream.headers)) if (clearCovers(s.header, name) && !out.some((o) => o.name.toLowerCase() === name)) spans[name] = s.span;
  return {
    status: upstream.status,
    headers: bagOf(out),
    headerSpans: spans,
    producedBy: `${upstream.producedBy ?? 'the application'}, passed on by nginx (${routed.conf.label})`,
    decidedBy: 'app',
    ...(upstream.note ? { note: upstream.note } : {}),
    ...(upstream.statusCause ? { statusCause: upstream.statusCause } : {}),
  };
}

/**
 * ingress-nginx and Traefik: the proxy's CORS layer answers preflights itself when it handles them;
 * on forwarded requests it sets its CORS headers over the application's (both replace a field of the
 * same name: headers-more's more_set_headers, Go's Header.Set) and drops the stripped ones.
 */
function throughHeaderMiddleware(route: ProxyRoute, app: CorsPolicy | undefined, req: HttpRequest, appStatus: number): PathResponse {
  const isPreflight = req.method === 'OPTIONS' && req.headers['origin'] !== undefined && req.headers['access-control-request-method'] !== undefined;
  if (route.policy && route.answersPreflight && isPreflight) {
    const own = respond(route.policy, req, { status: appStatus });
    return { ...own, decidedBy: 'proxy' };
  }
  const upstream = appAnswer(app, req, appStatus);
  const headers: HeaderBag = {};
  for (const [name, value] of Object.entries(upstream.headers)) if (!route.strips.some((s) => clearCovers(s.header, name))) headers[name] = value;
  let decidedBy: PathResponse['decidedBy'] = 'app';
  const spans = { ...(upstream.headerSpans ?? {}) };
  if (route.policy) {
    const own = respond(route.policy, req, { status: upstream.status ?? appStatus });
    for (const [name, value] of Object.entries(own.headers)) {
      // Traefik's addVaryHeader appends Origin to the application's Vary unless it is exactly `Origin`.
      const appVary = name === 'vary' && route.stack === 'traefik' ? getCombined(headers, 'vary') : null;
      headers[name] = appVary === null ? value : appVary === 'Origin' ? appVary : `${appVary},Origin`;
      if (own.headerSpans?.[name]) spans[name] = own.headerSpans[name]!;
      if (name === 'access-control-allow-origin') decidedBy = 'proxy';
    }
  }
  return { status: upstream.status, headers, headerSpans: spans, producedBy: `${upstream.producedBy ?? 'the application'}, passed on by ${route.label}`, decidedBy };
}

/** A headers-more command in effect that touches a CORS header only for some content types (`-t`). */
function contentTypeLimited(conf: Block): { what: string; types: string[]; span: Span } | undefined {
  const cors = (name: string) => /^(?:access-control-|vary$)/i.test(name) || name === '*';
  const set = effectiveMoreHeaders(conf).find((h) => h.types && cors(h.name));
  if (set) return { what: `more_set_headers -t for ${set.name}`, types: set.types!, span: set.span };
  const clear = effectiveMoreClears(conf).find((c) => c.types && c.patterns.some((p) => cors(p) || clearCovers(p, 'access-control-allow-origin')));
  if (clear) return { what: `more_clear_headers -t`, types: clear.types!, span: clear.span };
  return undefined;
}


/**
 * A browser request through the path to one of its applications: the same verdict as simulate(),
 * with every HTTP request answered through the proxy. Requests go to the route's own path unless
 * one is given.
 */
export function simulatePath(route: ProxyRoute, app: CorsPolicy | undefined, req: SimRequest): SimResult {
  const blamed = app ?? route.policy;
  const request = { ...req, path: req.path ?? (route.path && route.path.startsWith('/') ? route.path : '/') };
  const answer = (r: HttpRequest, status: number) => respondThroughRoute(route, app, r, status);
  if (blamed) return simulate(blamed, request, answer);
  return simulate(routePlaceholder(route), request, answer);
}

/** A policy-shaped stand-in naming the route, for a path whose proxy and application both lack a CORS policy. */
function routePlaceholder(route: ProxyRoute): CorsPolicy {
  return newPolicy({ stack: route.stack, library: route.stack === 'nginx' ? 'nginx' : route.stack, span: route.span, scope: { kind: 'location', name: route.label, ...(route.path ? { path: route.path } : {}) } });
}
