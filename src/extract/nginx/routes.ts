// The proxy side of an nginx configuration: every location (or server) that hands requests to an
// upstream, what it does to the upstream's CORS headers, and whether it answers preflights itself.
// The policies describe the headers nginx adds; the routes describe what it forwards (src/paths
// links them to the application behind).
import type { CorsPolicy, ProxyRoute, ProxyTarget, Span } from '../../model/types.js';
import type { NginxDirective } from '../../parse/nginx/index.js';
import { clearCovers, effectiveHidden, effectiveMoreClears, isCorsHeader, walk, type Block } from './blocks.js';
import type { MapDef } from './maps.js';
import { findLocation, forwarder, outputHeaders, routeRequest } from './simulate.js';

export interface RouteContext {
  server: Block;
  block: Block;
  maps: Map<string, MapDef>;
}

/** The parsed configuration behind a route, for src/paths (answering requests through the proxy). */
const contexts = new WeakMap<ProxyRoute, RouteContext>();

export function routeContextOf(route: ProxyRoute): RouteContext | undefined {
  return contexts.get(route);
}

/** A preflight the way browsers send one, from an origin no configuration names. */
const PROBE_ORIGIN = 'https://cross-origin.example';

export function buildRoutes(tree: Block, maps: Map<string, MapDef>, policies: readonly CorsPolicy[]): ProxyRoute[] {
  const upstreams = upstreamBlocks(tree);
  const routes: ProxyRoute[] = [];
  walk(tree, (block) => {
    if (block.kind !== 'location' && block.kind !== 'server') return;
    const pass = forwarder(block);
    if (!pass) return;
    const server = serverOf(block);
    const route: ProxyRoute = {
      stack: 'nginx',
      span: pass.span,
      label: block.kind === 'server' || server.label === 'server' ? block.label : `${block.label} (${server.label})`,
      blockSpan: block.headerSpan,
      targets: targetsOf(pass, upstreams),
      strips: stripsOf(block),
    };
    const path = locationPath(block);
    if (path) route.path = path;
    const listen = server.body.filter((d) => d.name === 'listen' && d.args[0]).map((d) => d.args[0]!.value);
    if (listen.length) route.listen = listen;
    const hosts = server.body.filter((d) => d.name === 'server_name').flatMap((d) => d.args.map((a) => a.value)).filter((h) => h && h !== '_');
    if (hosts.length) route.hosts = hosts;
    const answer = preflightAnswer(server, block, maps, path ?? '/');
    if (answer) route.answersPreflight = answer;
    const policy = policyOf(block, policies);
    if (policy) route.policy = policy;
    contexts.set(route, { server, block, maps });
    routes.push(route);
  });
  return routes;
}

function serverOf(block: Block): Block {
  for (let b: Block | undefined = block; b; b = b.parent) if (b.kind === 'server') return b;
  return block;
}

/** A prefix or exact location's path; regex and named locations have none a request can be built from. */
function locationPath(block: Block): string | undefined {
  if (block.kind !== 'location') return undefined;
  const args = block.directive?.args ?? [];
  const modifier = args.length > 1 ? args[0]!.value : '';
  const target = args[args.length - 1]?.value;
  if (!target || modifier === '~' || modifier === '~*' || target.startsWith('@')) return undefined;
  return target;
}

/** `upstream name { server host:port ...; }` anywhere in the configuration. */
function upstreamBlocks(tree: Block): Map<string, NginxDirective> {
  const out = new Map<string, NginxDirective>();
  walk(tree, (b) => {
    for (const d of b.body) if (d.name === 'upstream' && d.block && d.args[0]) out.set(d.args[0].value.toLowerCase(), d);
  });
  return out;
}

/** `proxy_pass http://api:8000/v1` -> api:8000; `proxy_pass http://backend` -> the upstream's servers. */
function targetsOf(pass: NginxDirective, upstreams: Map<string, NginxDirective>): ProxyTarget[] {
  const raw = pass.args[0]?.value ?? '';
  if (raw.includes('$')) return [{ raw, host: raw, templated: true }];
  const m = /^(?:(https?|grpcs?):\/\/)?(\[[^\]]+\]|[^/:$]+)(?::(\d+))?/i.exec(raw);
  if (!m || raw.includes('$') && !m[2]) return [];
  const scheme = m[1]?.toLowerCase().startsWith('https') || m[1]?.toLowerCase() === 'grpcs' ? 'https' : 'http';
  const host = m[2]!.toLowerCase();
  if (host.startsWith('unix')) return [];
  const upstream = upstreams.get(host);
  if (upstream && !m[3]) {
    return (upstream.block ?? [])
      .filter((d) => d.name === 'server' && d.args[0])
      .map((d) => {
        const s = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(d.args[0]!.value);
        return { raw: `${raw} (upstream server ${d.args[0]!.value})`, host: (s?.[1] ?? d.args[0]!.value).toLowerCase(), port: s?.[2] ? Number(s[2]) : 80, scheme } satisfies ProxyTarget;
      })
      .filter((t) => !t.host.startsWith('unix'));
  }
  if (raw.includes('$')) return [];
  return [{ raw, host, port: m[3] ? Number(m[3]) : pass.name === 'proxy_pass' ? (scheme === 'https' ? 443 : 80) : undefined, scheme }];
}

/** proxy_hide_header and more_clear_headers in effect here that remove a CORS header of the upstream. */
function stripsOf(block: Block): ProxyRoute['strips'] {
  const out: ProxyRoute['strips'] = [];
  for (const h of effectiveHidden(block)) if (isCorsHeader(h.name)) out.push({ header: h.name.toLowerCase(), span: h.span, how: `proxy_hide_header ${h.name}` });
  for (const c of effectiveMoreClears(block)) {
    if (c.statuses || c.types) continue;
    for (const p of c.patterns) {
      if (isCorsHeader(p) || clearCovers(p, 'access-control-allow-origin')) out.push({ header: p, span: c.span, how: `more_clear_headers ${p}` });
    }
  }
  return out;
}

/** The proxy answers a preflight itself when the OPTIONS request ends before the content handler forwards it. */
function preflightAnswer(server: Block, block: Block, maps: Map<string, MapDef>, path: string): ProxyRoute['answersPreflight'] {
  if (block.kind === 'location' && findLocation(server, path) !== block) return undefined;
  const request = { method: 'OPTIONS', path, headers: { origin: PROBE_ORIGIN, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' } };
  const routed = routeRequest(server, maps, request, { upstreamStatus: 200 });
  if (routed.forwards || (routed.location && routed.location !== block && block.kind === 'location')) return undefined;
  const headers = routed.closed ? [] : outputHeaders(routed.conf, routed.status, routed.get);
  return {
    span: answeringSpan(routed.conf, block),
    status: routed.closed ? 'unknown' : routed.status,
    how: routed.closed
      ? `${routed.conf.label} closes the connection (444)`
      : routed.status === 401 && !routed.conf.body.some((d) => d.name === 'return')
        ? 'auth_basic answers 401: preflights carry no credentials'
        : routed.conf.kind === 'limit_except'
          ? `${routed.conf.label} refuses it with ${routed.status}`
          : `${routed.conf === block ? 'it' : routed.conf.label} returns ${routed.status}`,
    corsHeaders: headers.some((h) => /^access-control-allow-origin$/i.test(h.name)),
  };
}

/** The `return` (or the block that refuses) that answers instead of forwarding. */
function answeringSpan(conf: Block, block: Block): Span {
  const ret = conf.body.find((d) => d.name === 'return' || (d.name === 'deny' && conf.kind === 'limit_except'));
  if (ret) return ret.span;
  for (let b: Block | undefined = conf; b; b = b.parent) {
    const auth = b.body.find((d) => d.name === 'auth_basic');
    if (auth) return auth.span;
  }
  return conf === block ? block.headerSpan : conf.headerSpan;
}

/** The CORS policy nginx applies on this block: its own, or the nearest level above it that has one. */
function policyOf(block: Block, policies: readonly CorsPolicy[]): CorsPolicy | undefined {
  for (let b: Block | undefined = block; b; b = b.parent) {
    const p = policies.find((x) => sameStart(x.span, b!.headerSpan));
    if (p) return p;
  }
  return undefined;
}

function sameStart(a: Span, b: Span): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column;
}
