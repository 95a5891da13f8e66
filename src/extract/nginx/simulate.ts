import type { NginxWord } from '../../parse/nginx/index.js';
import { effectiveAddHeaders, effectiveMoreHeaders, type Block } from './blocks.js';
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
  const server = findServer(tree);
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
  const run = (block: Block): boolean => {
    for (const d of block.body) {
      if (d.name === 'set' && d.args.length >= 2) vars.set(varName(d.args[0]!.value), evalWord(d.args[1]!, get));
      else if (d.name === 'if') {
        const child = block.children.find((c) => c.directive === d);
        if (!child?.condition) continue;
        if (evaluateCondition(child.condition, (n) => get(n)) !== true) continue;
        conf = child;
        if (run(child)) return true;
      } else if (d.name === 'return' && d.args[0]) {
        const code = Number(d.args[0].value);
        status = Number.isInteger(code) ? code : 302;
        if (status === 444) closed = true;
        return true;
      }
    }
    return false;
  };

  if (!run(server)) {
    const location = findLocation(server, req.path.split('?')[0]!);
    if (location) {
      conf = location;
      const limit = location.children.find((c) => c.kind === 'limit_except');
      if (limit && !allows(limit.methods ?? [], req.method)) conf = limit;
      // The limit_except configuration replaces the location's for other methods before the rewrite
      // phase, and it has no rewrite directives of its own: the location's `if`/`return` do not run.
      const returned = run(conf === limit ? limit : location);
      if (!returned) {
        if (conf.kind === 'limit_except' && conf.body.some((d) => d.name === 'deny' && d.args[0]?.value === 'all')) status = 403;
        else status = content(location, req.method, options);
      }
    } else status = content(server, req.method, options);
  }
  if (closed) return { status: status!, headers: [], block: conf.label, closed };
  const final = status ?? 'unknown';
  const out: Array<{ name: string; value: string }> = [];
  for (const h of effectiveAddHeaders(conf)) {
    if (!h.always && (final === 'unknown' || !SAFE_STATUSES.includes(final))) continue;
    const value = evalWord(h.value, get);
    if (value !== '') out.push({ name: h.name, value });
  }
  for (const h of effectiveMoreHeaders(conf)) {
    if (h.statuses && (final === 'unknown' || !h.statuses.includes(final))) continue;
    const value = evalWord(h.value, get);
    const existing = out.findIndex((o) => o.name.toLowerCase() === h.name.toLowerCase());
    if (existing >= 0) out.splice(existing, 1);
    if (value !== '') out.push({ name: h.name, value });
  }
  return { status: final, headers: out, block: conf.label };
}

/** limit_except GET also lets HEAD through (ngx_http_core_limit_except). */
function allows(methods: string[], method: string): boolean {
  const m = method.toUpperCase();
  return methods.includes(m) || (m === 'HEAD' && methods.includes('GET'));
}

function content(block: Block, method: string, options: SimOptions): number | 'unknown' {
  if (block.body.some((d) => /_pass$|^content_by_lua/.test(d.name))) return options.upstreamStatus ?? 'unknown';
  // ngx_http_static_handler: only GET, HEAD and POST reach the file system.
  if (!['GET', 'HEAD', 'POST'].includes(method.toUpperCase())) return 405;
  return options.staticStatus ?? 404;
}

function findServer(tree: Block): Block {
  const stack = [tree];
  while (stack.length) {
    const b = stack.shift()!;
    if (b.kind === 'server') return b;
    stack.push(...b.children);
  }
  return tree;
}

/** ngx_http_core_find_location: exact, longest prefix (nested first), `^~` stops, then regexes in order. */
export function findLocation(container: Block, uri: string): Block | undefined {
  const locations = container.children.filter((c) => c.kind === 'location');
  const modifier = (b: Block) => (b.directive!.args.length > 1 ? b.directive!.args[0]!.value : '');
  const target = (b: Block) => b.directive!.args[b.directive!.args.length - 1]?.value ?? '';
  const statics = locations.filter((b) => !['~', '~*'].includes(modifier(b)) && !target(b).startsWith('@'));
  const exact = statics.find((b) => modifier(b) === '=' && target(b) === uri);
  if (exact) return exact;
  let found: Block | undefined;
  for (const b of statics) {
    if (modifier(b) === '=' || !uri.startsWith(target(b))) continue;
    if (!found || target(b).length > target(found).length) found = b;
  }
  if (found) {
    const inner = findLocation(found, uri);
    if (inner) found = inner;
    if (modifier(found) === '^~') return found;
  }
  for (const b of locations) {
    const m = modifier(b);
    if (m !== '~' && m !== '~*') continue;
    if (toJsRegex(target(b), m === '~*')?.test(uri)) return b;
  }
  return found;
}

function evalWord(word: NginxWord, get: (name: string) => string): string {
  return evalValue(word.value, get);
}

function evalValue(value: string, get: (name: string) => string): string {
  return value.replace(/\$(?:\{(\w+)\}|(\w+))/g, (_, a: string | undefined, b: string | undefined) => get((a ?? b)!.toLowerCase()));
}
