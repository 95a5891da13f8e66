import { newPolicy } from '../../model/policy.js';
import type { CorsPolicy, DroppedHeaders, EmittedHeader, PreflightHandling, Span, Valued } from '../../model/types.js';
import {
  addHeaderSource,
  effectiveAddHeaders,
  effectiveHidden,
  effectiveMoreHeaders,
  isCorsHeader,
  walk,
  type Block,
  type HeaderDef,
} from './blocks.js';
import { evaluateCondition } from './conditions.js';
import type { MapDef } from './maps.js';
import { gateOf, originEntries, possibleValues, type Possible, type VarScope } from './origins.js';

/** Statuses add_header uses without `always` (ngx_http_headers_filter in ngx_http_headers_filter_module.c). */
export const SAFE_STATUSES = [200, 201, 204, 206, 301, 302, 303, 304, 307, 308];

const CONTENT_HANDLERS = /^(?:proxy_pass|fastcgi_pass|uwsgi_pass|scgi_pass|grpc_pass|memcached_pass|content_by_lua_block|content_by_lua_file|content_by_lua)$/;

/** One header set that a request can end up with: the unit's own, or an `if`/`limit_except` inside it. */
interface HeaderSet {
  block: Block;
  headers: HeaderDef[];
  conditional?: string;
  fixedStatus?: number;
}

/** Builds the policies of one analysed configuration (a top-level file with its includes). */
export function buildPolicies(tree: Block, maps: Map<string, MapDef>): CorsPolicy[] {
  const policies = new Map<Block, CorsPolicy>();
  walk(tree, (block) => {
    if (block.kind !== 'server' && block.kind !== 'location' && !(block.kind === 'main' && isSnippetTop(block))) return;
    const sets = headerSets(block);
    if (!sets.some((s) => s.headers.some((h) => isCorsHeader(h.name)))) return;
    if (block.kind === 'location' && !hasOwnCorsConfig(block)) return;
    policies.set(block, policyFor(block, sets, maps));
  });
  attachDrops(tree, policies, maps);
  return [...policies.values()];
}

/** A file analysed on its own whose top level holds headers (a snippet nobody includes). */
function isSnippetTop(block: Block): boolean {
  return !block.children.some((c) => c.kind === 'http' || c.kind === 'server');
}

/** A location gets its own policy when it changes anything CORS-relevant; otherwise its parent's covers it. */
function hasOwnCorsConfig(block: Block): boolean {
  return (
    block.ownAddHeaders.length > 0 ||
    block.ownMoreHeaders.length > 0 ||
    block.inherit !== undefined ||
    block.children.some((c) => (c.kind === 'if' || c.kind === 'limit_except') && (c.ownAddHeaders.length || c.ownMoreHeaders.length || c.kind === 'limit_except' || returnOf(c))) ||
    block.body.some((d) => CONTENT_HANDLERS.test(d.name) || d.name === 'return')
  );
}

function unitSet(block: Block): HeaderSet {
  return { block, headers: [...effectiveAddHeaders(block), ...effectiveMoreHeaders(block)], fixedStatus: returnOf(block) };
}

function headerSets(block: Block): HeaderSet[] {
  const sets: HeaderSet[] = [unitSet(block)];
  for (const c of block.children) {
    if (c.kind !== 'if' && c.kind !== 'limit_except') continue;
    if (!c.ownAddHeaders.length && !c.ownMoreHeaders.length && !c.inherit) continue;
    sets.push({
      block: c,
      headers: [...effectiveAddHeaders(c), ...effectiveMoreHeaders(c)],
      conditional: c.kind === 'if' ? `if ${c.condition?.text ?? ''}`.trim() : `methods other than ${c.methods?.join(' ')} (limit_except)`,
      fixedStatus: returnOf(c),
    });
  }
  return sets;
}

/** `return <code>` written directly in the block, as a number. */
export function returnOf(block: Block): number | undefined {
  const r = block.body.find((d) => d.name === 'return');
  if (!r || !r.args[0]) return undefined;
  const code = Number(r.args[0].value);
  if (Number.isInteger(code)) return code;
  return /^https?:\/\/|^\$scheme/.test(r.args[0].value) ? 302 : undefined;
}

function scopeOf(block: Block, maps: Map<string, MapDef>): VarScope {
  const rewriteBlocks: Block[] = [];
  let server: Block | undefined;
  for (let b: Block | undefined = block; b; b = b.parent) if (b.kind === 'server') server = b;
  if (server && server !== block) rewriteBlocks.push(server);
  rewriteBlocks.push(block);
  return { maps, rewriteBlocks };
}

function policyFor(block: Block, sets: HeaderSet[], maps: Map<string, MapDef>): CorsPolicy {
  const scope = scopeOf(block, maps);
  const policy = newPolicy({
    stack: 'nginx',
    library: 'nginx',
    span: block.headerSpan,
    scope: scopeFor(block),
  });
  if (block.kind === 'main') policy.span = sets[0]!.headers.find((h) => isCorsHeader(h.name))?.span ?? block.headerSpan;

  const emitted: EmittedHeader[] = [];
  const seen = new Set<string>();
  const possiblesByHeader = new Map<HeaderDef, Possible[]>();
  const possibles = (h: HeaderDef, set: HeaderSet) => {
    let p = possiblesByHeader.get(h);
    if (!p) {
      p = possibleValues(h.value, scope, h.owner === set.block && set.block.kind === 'if' ? gateOf(set.block) : undefined);
      possiblesByHeader.set(h, p);
    }
    return p;
  };
  for (const set of sets) {
    for (const h of set.headers) {
      if (!isCorsHeader(h.name) && !/^vary$/i.test(h.name)) continue;
      const key = `${h.span.file}:${h.span.line}:${h.span.column}:${h.name}:${set.conditional ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // The span is the value as written (where an origin entry read from it points too), so rules that
      // look at both report one place.
      const e: EmittedHeader = { name: h.name, value: h.value.value, span: h.value.span, always: h.always, combine: h.directive === 'add_header' ? 'add' : 'replace' };
      if (set.conditional) e.conditional = set.conditional;
      const acao = /^access-control-allow-origin$/i.test(h.name);
      if (isCorsHeader(h.name) && possibles(h, set).some((p) => p.kind === 'origin' || (acao && p.kind === 'literal' && p.gate))) e.dependsOnOrigin = true;
      if (set.fixedStatus !== undefined) e.fixedStatus = set.fixedStatus;
      emitted.push(e);
    }
  }
  policy.emittedHeaders = emitted;

  // Origins: every Access-Control-Allow-Origin any of the sets can send.
  const acao = sets.flatMap((s) => s.headers.filter((h) => /^access-control-allow-origin$/i.test(h.name)).map((h) => ({ h, s })));
  policy.origins = originEntries(acao.flatMap(({ h, s }) => possibles(h, s)));
  if (acao[0]) policy.originsSpan = acao[0].h.span;

  policy.credentials = credentialsOf(sets, (h, s) => possibles(h, s));
  policy.allowMethods = listHeader(sets, 'access-control-allow-methods');
  policy.allowHeaders = listHeader(sets, 'access-control-allow-headers');
  policy.exposeHeaders = listHeader(sets, 'access-control-expose-headers');
  policy.maxAge = maxAgeOf(sets);
  policy.varyOrigin = varyOf(sets);
  policy.headersOnErrors = onErrorsOf(sets);
  policy.preflight = serverPreflight(block, maps) ?? preflightOf(block, sets, scope);
  const proxy = block.body.find((d) => d.name === 'proxy_pass');
  if (proxy) {
    policy.proxy = {
      target: proxy.args[0]?.value ?? '',
      span: proxy.span,
      hiddenHeaders: effectiveHidden(block).map((h) => h.name),
    };
  }
  const inherited = sets[0]!.headers.find((h) => isCorsHeader(h.name) && h.owner !== block);
  if (inherited) policy.notes = [`CORS headers inherited from ${inherited.owner.label} (${where(inherited.owner.headerSpan)})`];
  return policy;
}

function scopeFor(block: Block): CorsPolicy['scope'] {
  let server: Block | undefined;
  for (let b: Block | undefined = block; b; b = b.parent) if (b.kind === 'server') server = b;
  const listen = server?.body.filter((d) => d.name === 'listen' && d.args[0]).map((d) => d.args[0]!.value);
  const withListen = listen?.length ? { listen } : {};
  if (block.kind === 'location') {
    const args = block.directive?.args ?? [];
    return { kind: 'location', name: block.label, path: args[args.length - 1]?.value, ...withListen };
  }
  if (block.kind === 'server') return { kind: 'server', name: block.label, ...withListen };
  if (block.kind === 'http') return { kind: 'http', name: 'http' };
  return { kind: 'location', name: `top level of ${block.headerSpan.file}` };
}

function where(span: Span): string {
  return `${span.file}:${span.line}`;
}

function corsSets(sets: HeaderSet[], name: string): Array<{ h: HeaderDef; s: HeaderSet }> {
  return sets.flatMap((s) => s.headers.filter((h) => h.name.toLowerCase() === name).map((h) => ({ h, s })));
}

function credentialsOf(sets: HeaderSet[], possibles: (h: HeaderDef, s: HeaderSet) => Possible[]): Valued<boolean> {
  const found = corsSets(sets, 'access-control-allow-credentials');
  if (!found.length) return { value: false, isDefault: true };
  for (const { h, s } of found) {
    if (possibles(h, s).some((p) => p.kind === 'literal' && p.text === 'true')) return { value: true, span: h.span };
  }
  const unknown = found.flatMap(({ h, s }) => possibles(h, s)).find((p) => p.kind === 'unknown');
  if (unknown && unknown.kind === 'unknown') return { value: 'unknown', why: unknown.why, span: found[0]!.h.span };
  return { value: false, span: found[0]!.h.span };
}

function listHeader(sets: HeaderSet[], name: string): Valued<string[]> {
  const found = corsSets(sets, name)[0];
  if (!found) return { value: [], isDefault: true };
  const { value } = found.h;
  if (value.templated) return { value: 'unknown', why: `template placeholder ${value.templated}`, span: found.h.span };
  if (/\$/.test(value.value)) return { value: 'unknown', why: `value "${value.value}" is computed per request`, span: found.h.span };
  return { value: value.value.split(/[\s,]+/).filter(Boolean), span: found.h.span };
}

function maxAgeOf(sets: HeaderSet[]): Valued<number> {
  const found = corsSets(sets, 'access-control-max-age')[0];
  if (!found) return { value: 'unknown', why: 'not set' };
  const n = Number(found.h.value.value);
  return Number.isFinite(n) && /^\d+$/.test(found.h.value.value.trim())
    ? { value: n, span: found.h.span }
    : { value: 'unknown', why: `value "${found.h.value.value}"`, span: found.h.span };
}

/** Vary: Origin must travel with every header set that sends Access-Control-Allow-Origin. */
function varyOf(sets: HeaderSet[]): Valued<boolean> {
  const withAcao = sets.filter((s) => s.headers.some((h) => /^access-control-allow-origin$/i.test(h.name)));
  if (!withAcao.length) return { value: false, isDefault: true };
  let span: Span | undefined;
  for (const s of withAcao) {
    const vary = s.headers.find((h) => /^vary$/i.test(h.name) && /(?:^|[\s,])origin(?:$|[\s,])/i.test(h.value.value));
    if (!vary) {
      const acao = s.headers.find((h) => /^access-control-allow-origin$/i.test(h.name))!;
      return { value: false, span: acao.span, why: `no Vary: Origin in the headers of ${s.block.label}` };
    }
    span ??= vary.span;
  }
  return { value: true, span };
}

function onErrorsOf(sets: HeaderSet[]): Valued<boolean> {
  for (const s of sets) {
    if (s.fixedStatus !== undefined && SAFE_STATUSES.includes(s.fixedStatus)) continue;
    const weak = s.headers.find((h) => isCorsHeader(h.name) && !h.always);
    if (weak) return { value: false, span: weak.span, why: `${weak.directive} ${weak.name} without always` };
  }
  const first = sets.flatMap((s) => s.headers).find((h) => isCorsHeader(h.name));
  return { value: true, span: first?.span };
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
  const answer = preflightOf(catchAll, headerSets(catchAll), scopeOf(catchAll, maps));
  return { ...answer, why: [`every request reaches ${catchAll.label}`, answer.why].filter(Boolean).join(': ') };
}

/** What an OPTIONS request to this block gets. */
function preflightOf(block: Block, sets: HeaderSet[], scope: VarScope): Valued<PreflightHandling> {
  const options = (name: string) => (name === 'request_method' ? 'OPTIONS' : undefined);
  // The header sets the request may end up with: an `if` that surely matches replaces them, one that
  // depends on something else (the Origin) may or may not apply.
  // limit_except applies before the rewrite phase: for a method it does not list, the location's own
  // if/return never run (verified against nginx 1.22 in the conformance test).
  const limit = block.children.find((c) => c.kind === 'limit_except' && !c.methods?.includes('OPTIONS'));
  if (limit && limit.body.some((d) => d.name === 'deny' || d.name === 'auth_basic' || d.name === 'auth_request')) {
    return { value: 'not-handled', span: limit.headerSpan, why: `${limit.label} denies OPTIONS (403)` };
  }
  let candidates: HeaderSet[] = [sets[0]!];
  for (const d of limit ? [] : block.body) {
    if (d.name === 'if') {
      const child = block.children.find((c) => c.directive === d);
      if (!child?.condition) continue;
      const verdict = evaluateCondition(child.condition, options);
      if (verdict === false) continue;
      const set = sets.find((s) => s.block === child) ?? { block: child, headers: [...effectiveAddHeaders(child), ...effectiveMoreHeaders(child)] };
      candidates = verdict === true ? [set] : [...candidates, set];
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
  return { value: 'not-handled', span: block.headerSpan, why: "OPTIONS reaches nginx's static file handler, which answers 405 Not Allowed" };
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

/** Nested levels that write add_header of their own and so lose CORS headers set above them. */
function attachDrops(tree: Block, policies: Map<Block, CorsPolicy>, maps: Map<string, MapDef>): void {
  walk(tree, (block) => {
    if (!block.parent || addHeaderSource(block) !== block) return;
    const above = effectiveAddHeaders(block.parent).filter((h) => isCorsHeader(h.name));
    if (!above.length) return;
    const here = new Set([...effectiveAddHeaders(block), ...effectiveMoreHeaders(block)].map((h) => h.name.toLowerCase()));
    const lost = above.filter((h) => !here.has(h.name.toLowerCase()));
    if (!lost.length) return;
    const from = lost[0]!.owner;
    const off = block.inherit?.mode === 'off' ? block.inherit : undefined;
    const cause = off?.span ?? block.ownAddHeaders[0]?.span ?? block.headerSpan;
    const drop: DroppedHeaders = {
      block: block.headerSpan,
      blockLabel: block.kind === 'if' || block.kind === 'limit_except' ? `${block.label} in ${block.parent.label}` : block.label,
      from: from.headerSpan,
      fromLabel: from.kind === 'main' ? `the top level of ${from.headerSpan.file}` : from.label,
      headers: [...new Set(lost.map((h) => h.name))],
      cause,
      causeDirective: off ? 'add_header_inherit' : 'add_header',
    };
    let policy = policies.get(from);
    if (!policy) {
      policy = policyFor(from, headerSets(from), maps);
      policies.set(from, policy);
    }
    (policy.droppedHeaders ??= []).push(drop);
  });
}
