import type { PreflightHandling, Valued } from '../../model/types.js';
import { effectiveAddHeaders, effectiveMoreHeaders, type Block } from './blocks.js';
import type { NginxDirective } from '../../parse/nginx/index.js';
import { evaluateCondition, varName, type Condition } from './conditions.js';
import { CONTENT_HANDLERS, headerSets, returnOf, SAFE_STATUSES, scopeOf, type HeaderSet } from './header-sets.js';
import type { MapDef } from './maps.js';
import { possibleValues, type VarScope } from './origins.js';

/** What an OPTIONS request to this block gets (a server with `location /` answers through it). */
export function preflightFor(block: Block, sets: HeaderSet[], maps: Map<string, MapDef>): Valued<PreflightHandling> {
  return serverLevelReturn(block, maps) ?? serverPreflight(block, maps) ?? preflightOf(block, sets, scopeOf(block, maps));
}

/**
 * `if ($request_method = OPTIONS) { ... return 204; }` at server level runs in the server rewrite
 * phase, before any location is chosen: it answers OPTIONS for every location of the server.
 */
function serverLevelReturn(block: Block, maps: Map<string, MapDef>): Valued<PreflightHandling> | undefined {
  let server: Block | undefined;
  for (let b: Block | undefined = block.parent; b; b = b.parent) if (b.kind === 'server') server = b;
  if (!server) return undefined;
  for (const child of server.children) {
    if (child.kind !== 'if' || !child.condition) continue;
    if (evaluateCondition(child.condition, (n) => (n === 'request_method' ? 'OPTIONS' : undefined)) !== true) continue;
    const code = returnOf(child);
    if (code === undefined) continue;
    const set = { block: child, headers: [...effectiveAddHeaders(child), ...effectiveMoreHeaders(child)] };
    return answer(code, [set], child, scopeOf(child, maps));
  }
  return undefined;
}

/**
 * A server with `location /` sends every request to some location, so its own level never answers:
 * what OPTIONS gets is what that catch-all location does.
 */
function serverPreflight(block: Block, maps: Map<string, MapDef>): Valued<PreflightHandling> | undefined {
  if (block.kind !== 'server') return undefined;
  const catchAll = block.children.find((c) => {
    const args = c.directive?.args.map((a) => a.value) ?? [];
    return c.kind === 'location' && (args.join(' ') === '/' || args.join(' ') === '^~ /');
  });
  if (!catchAll) return undefined;
  const result = preflightOf(catchAll, headerSets(catchAll), scopeOf(catchAll, maps));
  return { ...result, why: [`every request reaches ${catchAll.label}`, result.why].filter(Boolean).join(': ') };
}

/**
 * What an OPTIONS preflight from an allowed origin gets from this block. The rewrite directives run in
 * order with $request_method = OPTIONS; a test of $http_origin is taken as passed (the preflight of
 * an origin the configuration means to allow), so `set $cors true` under an Origin test and a later
 * `if ($cors = "trueoptions")` are followed. Conditions the scanner cannot decide keep both outcomes.
 */
function preflightOf(block: Block, sets: HeaderSet[], scope: VarScope): Valued<PreflightHandling> {
  // limit_except applies before the rewrite phase: for a method it does not list, the location's own
  // if/return never run (verified against nginx 1.22 in the conformance test).
  const limit = block.children.find((c) => c.kind === 'limit_except' && !c.methods?.includes('OPTIONS'));
  if (limit && limit.body.some((d) => d.name === 'deny' || d.name === 'auth_basic' || d.name === 'auth_request')) {
    return { value: 'not-handled', span: limit.headerSpan, why: `${limit.label} denies OPTIONS (403)` };
  }
  const vars = new Map<string, string | undefined>();
  // A variable this block sets is empty until its `set` runs; any other (builtin, map) stays unknown.
  const settable = new Set(
    [block, ...block.children].flatMap((b) => b.body.filter((d) => d.name === 'set' && d.args[0]).map((d) => varName(d.args[0]!.value))),
  );
  const get = (name: string): string | undefined =>
    name === 'request_method' ? 'OPTIONS' : vars.has(name) ? vars.get(name) : settable.has(name) ? '' : undefined;
  const runSet = (d: NginxDirective) => {
    const name = d.args[0] && varName(d.args[0].value);
    if (!name || !d.args[1]) return;
    const parts = [...d.args[1].value.matchAll(/\$(?:\{(\w+)\}|(\w+))/g)].map((m) => get((m[1] ?? m[2])!.toLowerCase()));
    vars.set(name, parts.some((p) => p === undefined) ? undefined : d.args[1].value.replace(/\$(?:\{(\w+)\}|(\w+))/g, (_, a, b) => get(String(a ?? b).toLowerCase()) ?? ''));
  };
  let candidates: HeaderSet[] = [sets[0]!];
  for (const d of limit ? [] : block.body) {
    if (d.name === 'set') runSet(d);
    else if (d.name === 'if') {
      const child = block.children.find((c) => c.directive === d);
      if (!child?.condition) continue;
      const verdict = allowedOriginVerdict(child.condition) ?? evaluateCondition(child.condition, get);
      if (verdict === false) continue;
      const set = sets.find((s) => s.block === child) ?? { block: child, headers: [...effectiveAddHeaders(child), ...effectiveMoreHeaders(child)] };
      candidates = verdict === true ? [set] : [...candidates, set];
      if (verdict === true) for (const inner of child.body) if (inner.name === 'set') runSet(inner);
      const code = returnOf(child);
      if (verdict === true && code !== undefined) return answer(code, candidates, child, scope);
    } else if (d.name === 'return') {
      const code = returnOf(block);
      if (code !== undefined) return answer(code, candidates, block, scope);
    }
  }
  const handler = block.body.find((d) => CONTENT_HANDLERS.test(d.name));
  if (handler) return { value: 'passthrough', span: handler.span, why: `OPTIONS goes to ${handler.name} ${handler.args[0]?.value ?? ''}`.trim() };
  if (block.kind === 'main') return { value: 'unknown', why: 'snippet analysed without the block that includes it' };
  const elsewhere = handedElsewhere(block);
  if (elsewhere) return { value: 'unknown', span: elsewhere.span, why: elsewhere.why };
  return { value: 'not-handled', span: block.headerSpan, why: "OPTIONS reaches nginx's static file handler, which answers 405 Not Allowed" };
}

/**
 * Content handlers of third-party modules (HTTP-FLV, njs, embedded Perl, echo, Passenger, Nchan,
 * push-stream): what they answer to OPTIONS is not modelled, so it is not the static 405.
 */
const OTHER_HANDLERS = /^(?:flv_live|rtmp_stat|js_content|perl|echo|echo_exec|passenger_enabled|nchan_\w+|push_stream_\w+|vod)$/;

/**
 * Why OPTIONS may not reach the static file handler of this block: `try_files ... @name` or
 * `try_files ... /index.php?$args` sends every request for a missing file (an API path) to another
 * location, whose answer this block does not decide; or a third-party module answers.
 */
function handedElsewhere(block: Block): { span: NginxDirective['span']; why: string } | undefined {
  const tryFiles = block.body.find((d) => d.name === 'try_files' && d.args.length >= 2);
  const fallback = tryFiles?.args[tryFiles.args.length - 1]?.value;
  // `=404` answers itself; a fallback to a static page (`/index.html`) is the static handler again.
  const staticPage = /\.(?:html?|txt|json|xml)(?:\?|$)/i;
  if (tryFiles && fallback && !fallback.startsWith('=') && !staticPage.test(fallback)) {
    return { span: tryFiles.span, why: `try_files sends requests for missing files to ${fallback}` };
  }
  const other = block.body.find((d) => OTHER_HANDLERS.test(d.name));
  if (other) return { span: other.span, why: `OPTIONS is answered by ${other.name}, which the scanner does not model` };
  return undefined;
}

/** A test of $http_origin, for an origin the configuration allows: a positive test passes, a negative one fails. */
function allowedOriginVerdict(c: Condition): boolean | undefined {
  if (c.kind === 'other' || c.variable !== 'http_origin') return undefined;
  if (c.kind === 'truthy') return true;
  return c.kind === 'regex' ? !c.op.startsWith('!') : c.op === '=';
}

function answer(code: number, candidates: HeaderSet[], at: Block, scope: VarScope): Valued<PreflightHandling> {
  const sends = candidates.some((set) =>
    set.headers.some(
      (h) =>
        /^access-control-allow-origin$/i.test(h.name) &&
        (h.always || SAFE_STATUSES.includes(code)) &&
        possibleValues(h.value, scope).some((p) => p.kind !== 'literal' || p.text !== ''),
    ),
  );
  if (code >= 200 && code < 300 && sends) return { value: 'handled', span: at.headerSpan };
  return {
    value: 'not-handled',
    span: at.headerSpan,
    why: sends ? `OPTIONS is answered ${code}, not a 2xx status` : `${at.label} answers OPTIONS with ${code} and no Access-Control-Allow-Origin`,
  };
}
