import type { NginxDirective, NginxWord } from '../../parse/nginx/index.js';
import { clearCovers, effectiveAddHeaders, effectiveHidden, effectiveMoreClears, effectiveMoreHeaders, type Block } from './blocks.js';
import { evaluateCondition, toJsRegex, varName } from './conditions.js';
import { mapLookup, type MapDef } from './maps.js';
import { SAFE_STATUSES } from './header-sets.js';

export interface SimRequest {
  method: string;
  path: string;
  /** Request headers, lowercase names. */
  headers?: Record<string, string>;
}

export interface SimOptions {
  /** Status of the static file handler for GET/HEAD/POST (the scanner cannot see the disk). Default 404. */
  staticStatus?: number;
  /** Status an upstream answers with (proxy_pass etc.). */
  upstreamStatus?: number;
}

export interface SimResponse {
  status: number | 'unknown';
  /** Response headers the headers filters add, in order, with empty values dropped. */
  headers: Array<{ name: string; value: string }>;
  /** Label of the configuration level whose headers apply. */
  block: string;
  /** Connection closed without a response (`return 444`). */
  closed?: boolean;
}

/**
 * What nginx answers, as far as the configuration decides it: picks the location like
 * ngx_http_core_find_location, runs the rewrite directives (set / if / return) in order — a matching
 * `if` switches the request to that if's configuration, the last match wins — applies limit_except,
 * then adds the effective add_header list (only on the safe statuses unless `always`, empty values
 * dropped) and more_set_headers. This is the model's prediction; the conformance test compares it
 * with a real nginx.
 */
export function simulate(tree: Block, maps: Map<string, MapDef>, req: SimRequest, options: SimOptions = {}): SimResponse {
  const routed = routeRequest(findServer(tree), maps, req, options);
  if (routed.closed) return { status: routed.status, headers: [], block: routed.conf.label, closed: true };
  return { status: routed.status, headers: outputHeaders(routed.conf, routed.status, routed.get), block: routed.conf.label };
}

/** Where nginx sends one request: the configuration that answers, its status, and whether it forwards. */
export interface Routed {
  /** The level whose headers configuration applies (a location, an `if` in it, a limit_except). */
  conf: Block;
  /** The location the request ended in, when one matched. */
  location?: Block;
  status: number | 'unknown';
  /** `return 444`: the connection is closed without a response. */
  closed: boolean;
  /** The request reached a content handler that forwards (proxy_pass, fastcgi_pass, ...): the status is the upstream's. */
  forwards: boolean;
  /** Variable lookup for this request ($http_origin, maps, `set`). */
  get: (name: string) => string;
}

/** The rewrite and access phases and the content handler's status, for one server block. */
export function routeRequest(server: Block, maps: Map<string, MapDef>, req: SimRequest, options: SimOptions = {}): Routed {
  const vars = new Map<string, string>();
  const headers = Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const get = (name: string, depth = 0): string => {
    if (vars.has(name)) return vars.get(name)!;
    if (name.startsWith('http_')) return headers[name.slice(5).replace(/_/g, '-')] ?? '';
    if (name === 'request_method') return req.method;
    if (name === 'uri' || name === 'document_uri') return req.path.split('?')[0]!;
    if (name === 'request_uri') return req.path;
    if (name === 'scheme') return 'http';
    const map = maps.get(name);
    if (map && depth < 10) {
      const picked = mapLookup(map, evalValue(map.source, (n) => get(n, depth + 1)));
      return picked ? evalWord(picked, (n) => get(n, depth + 1)) : '';
    }
    return '';
  };

  let conf: Block = server;
  let status: number | 'unknown' | undefined;
  let closed = false;
  let forwards = false;
  let location: Block | undefined;
  // The rewrite module's directives of one level, in order: `return` ends the request, `break` ends
  // this level's rewrite processing (the request goes on to the access and content phases).
  const runLevel = (block: Block): 'return' | 'break' | undefined => {
    for (const d of block.body) {
      if (d.name === 'set' && d.args.length >= 2) vars.set(varName(d.args[0]!.value), evalWord(d.args[1]!, get));
      else if (d.name === 'break') return 'break';
      else if (d.name === 'if') {
        const child = block.children.find((c) => c.directive === d);
        if (!child?.condition) continue;
        if (evaluateCondition(child.condition, (n) => get(n)) !== true) continue;
        conf = child;
        const ended = runLevel(child);
        if (ended) return ended;
      } else if (d.name === 'return' && d.args[0]) {
        const code = Number(d.args[0].value);
        status = Number.isInteger(code) ? code : 302;
        if (status === 444) closed = true;
        return 'return';
      }
    }
    return undefined;
  };
  const run = (block: Block): boolean => runLevel(block) === 'return';
  const handle = (block: Block): number | 'unknown' => {
    if (forwarder(block) || (conf.kind === 'if' && forwarder(conf))) {
      forwards = true;
      return options.upstreamStatus ?? 'unknown';
    }
    return content(block, req.method, options);
  };

  if (!run(server)) {
    location = findLocation(server, req.path.split('?')[0]!);
    if (location) {
      conf = location;
      const limit = location.children.find((c) => c.kind === 'limit_except');
      if (limit && !allows(limit.methods ?? [], req.method)) conf = limit;
      // The limit_except configuration replaces the location's for other methods before the rewrite
      // phase, and it has no rewrite directives of its own: the location's `if`/`return` do not run.
      const returned = run(conf === limit ? limit : location);
      if (!returned) {
        if (conf.kind === 'limit_except' && conf.body.some((d) => d.name === 'deny' && d.args[0]?.value === 'all')) status = 403;
        else if (needsBasicAuth(conf) && !/^basic\s/i.test(headers['authorization'] ?? '')) status = 401;
        else status = handle(location);
      }
    } else status = handle(server);
  }
  return { conf, location, status: status ?? 'unknown', closed, forwards, get };
}

/**
 * The response headers after nginx's header filters, in order: the upstream's fields (for a
 * forwarded request) minus proxy_hide_header; then headers-more's commands (more_set_headers
 * replaces a field of the same name, more_clear_headers removes), which run before the headers
 * filter; then the add_header list (only on the safe statuses unless `always`, empty values dropped).
 */
export function outputHeaders(
  conf: Block,
  status: number | 'unknown',
  get: (name: string) => string,
  upstream: ReadonlyArray<{ name: string; value: string }> = [],
): Array<{ name: string; value: string }> {
  const hidden = new Set(effectiveHidden(conf).map((h) => h.name.toLowerCase()));
  const out = upstream.filter((h) => !hidden.has(h.name.toLowerCase())).map((h) => ({ ...h }));
  const depth = (b: Block) => {
    let n = 0;
    for (let p = b.parent; p; p = p.parent) n++;
    return n;
  };
  const commands = [
    ...effectiveMoreHeaders(conf).map((h) => ({ set: h, depth: depth(h.owner), order: h.order ?? 0 })),
    ...effectiveMoreClears(conf).map((c) => ({ clear: c, depth: depth(c.owner), order: c.order })),
  ].sort((a, b) => a.depth - b.depth || a.order - b.order);
  for (const command of commands) {
    if ('set' in command && command.set) {
      const h = command.set;
      if (h.statuses && (status === 'unknown' || !h.statuses.includes(status))) continue;
      // -t limits the command to content types; CORS answers (empty preflights, JSON, text) are taken
      // to be none of the listed ones, as the model does not follow response bodies.
      if (h.types) continue;
      const value = evalWord(h.value, get);
      const at = out.findIndex((o) => o.name.toLowerCase() === h.name.toLowerCase());
      if (at >= 0) {
        // The first field of that name takes the value, later ones go.
        for (let i = out.length - 1; i > at; i--) if (out[i]!.name.toLowerCase() === h.name.toLowerCase()) out.splice(i, 1);
        if (value === '') out.splice(at, 1);
        else out[at] = { name: out[at]!.name, value };
      } else if (value !== '') out.push({ name: h.name, value });
    } else if ('clear' in command && command.clear) {
      const c = command.clear;
      if (c.statuses && (status === 'unknown' || !c.statuses.includes(status))) continue;
      if (c.types) continue;
      for (let i = out.length - 1; i >= 0; i--) if (c.patterns.some((p) => clearCovers(p, out[i]!.name))) out.splice(i, 1);
    }
  }
  for (const h of effectiveAddHeaders(conf)) {
    if (!h.always && (status === 'unknown' || !SAFE_STATUSES.includes(status))) continue;
    const value = evalWord(h.value, get);
    if (value !== '') out.push({ name: h.name, value });
  }
  return out;
}

/**
 * The request headers the upstream receives (ngx_http_proxy_module): the client's, unless
 * proxy_pass_request_headers is off, then the proxy_set_header list in effect — inherited only by
 * levels that write none of their own — where an empty value removes the header.
 */
export function forwardedRequestHeaders(conf: Block, headers: Record<string, string>, get: (name: string) => string): Record<string, string> {
  const passOff = inherited(conf, 'proxy_pass_request_headers')[0]?.args[0]?.value === 'off';
  const out: Record<string, string> = passOff ? {} : { ...headers };
  for (const d of inherited(conf, 'proxy_set_header')) {
    if (d.args.length < 2) continue;
    const name = d.args[0]!.value.toLowerCase();
    const value = evalWord(d.args[1]!, get);
    if (value === '') delete out[name];
    else out[name] = value;
  }
  return out;
}

/** A content handler that hands the request to another server. */
export function forwarder(block: Block) {
  return block.body.find((d) => /^(?:proxy|fastcgi|uwsgi|scgi|grpc|memcached)_pass$/.test(d.name));
}

/**
 * HTTP Basic authentication in the access phase (ngx_http_auth_basic_module): a request without
 * Basic credentials in its Authorization header gets 401 before any content handler runs — preflights never carry one. The
 * directive is inherited by levels that do not set it; `auth_basic off` turns it off, and
 * `satisfy any` lets other access rules decide, which the model does not follow.
 */
function needsBasicAuth(conf: Block): boolean {
  const auth = inherited(conf, 'auth_basic')[0]?.args[0]?.value;
  return auth !== undefined && auth !== 'off' && inherited(conf, 'satisfy')[0]?.args[0]?.value !== 'any';
}

/** The directives of that name in effect here: the nearest level's that writes any (how most nginx directives inherit). */
function inherited(conf: Block, name: string): NginxDirective[] {
  for (let b: Block | undefined = conf; b; b = b.parent) {
    const list = b.body.filter((d) => d.name === name);
    if (list.length) return list;
  }
  return [];
}

/** limit_except GET also lets HEAD through (ngx_http_core_limit_except). */
function allows(methods: string[], method: string): boolean {
  const m = method.toUpperCase();
  return methods.includes(m) || (m === 'HEAD' && methods.includes('GET'));
}

function content(block: Block, method: string, options: SimOptions): number | 'unknown' {
  if (block.body.some((d) => /^content_by_lua/.test(d.name))) return options.upstreamStatus ?? 'unknown';
  // ngx_http_static_handler: only GET, HEAD and POST reach the file system.
  if (!['GET', 'HEAD', 'POST'].includes(method.toUpperCase())) return 405;
  return options.staticStatus ?? 404;
}

export function findServer(tree: Block): Block {
  const stack = [tree];
  while (stack.length) {
    const b = stack.shift()!;
    if (b.kind === 'server') return b;
    stack.push(...b.children);
  }
  return tree;
}

/**
 * ngx_http_core_find_location: exact, longest prefix (its nested locations first: a nested regex or
 * `^~` match is final), `^~` stops, then this level's regexes in order.
 */
export function findLocation(container: Block, uri: string): Block | undefined {
  return locate(container, uri)?.block;
}

function locate(container: Block, uri: string): { block: Block; final: boolean } | undefined {
  const locations = container.children.filter((c) => c.kind === 'location');
  const modifier = (b: Block) => (b.directive!.args.length > 1 ? b.directive!.args[0]!.value : '');
  const target = (b: Block) => b.directive!.args[b.directive!.args.length - 1]?.value ?? '';
  const statics = locations.filter((b) => !['~', '~*'].includes(modifier(b)) && !target(b).startsWith('@'));
  const exact = statics.find((b) => modifier(b) === '=' && target(b) === uri);
  if (exact) return { block: exact, final: true };
  let found: Block | undefined;
  for (const b of statics) {
    if (modifier(b) === '=' || !uri.startsWith(target(b))) continue;
    if (!found || target(b).length > target(found).length) found = b;
  }
  if (found) {
    const inner = locate(found, uri);
    if (inner?.final) return inner;
    if (inner) found = inner.block;
    if (modifier(found) === '^~') return { block: found, final: true };
  }
  for (const b of locations) {
    const m = modifier(b);
    if (m !== '~' && m !== '~*') continue;
    if (toJsRegex(target(b), m === '~*')?.test(uri)) return { block: b, final: true };
  }
  return found ? { block: found, final: false } : undefined;
}

function evalWord(word: NginxWord, get: (name: string) => string): string {
  return evalValue(word.value, get);
}

function evalValue(value: string, get: (name: string) => string): string {
  return value.replace(/\$(?:\{(\w+)\}|(\w+))/g, (_, a: string | undefined, b: string | undefined) => get((a ?? b)!.toLowerCase()));
}
