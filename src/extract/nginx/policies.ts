import { newPolicy } from '../../model/policy.js';
import type { CorsPolicy, EmittedHeader, Span } from '../../model/types.js';
import { effectiveHidden, isCorsHeader, walk, type Block, type HeaderDef } from './blocks.js';
import { attachDrops } from './drops.js';
import { credentialsOf, listHeader, maxAgeOf, onErrorsOf, varyOf } from './header-facts.js';
import { CONTENT_HANDLERS, headerSets, returnOf, scopeOf, type HeaderSet } from './header-sets.js';
import type { MapDef } from './maps.js';
import { gatesOf, originEntries, possibleValues, type Possible } from './origins.js';
import { preflightFor } from './preflight.js';

export { SAFE_STATUSES } from './header-sets.js';

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
  attachDrops(tree, policies, (from) => policyFor(from, headerSets(from), maps));
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
      const gates = h.owner === set.block && set.block.kind === 'if' ? gatesOf(set.block, scope) : undefined;
      p = gates ? gates.flatMap((gate) => possibleValues(h.value, scope, gate)) : possibleValues(h.value, scope);
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
      // A template placeholder ({{ .Env.X }}, ${X} in a template) is one value filled in at deploy time.
      if (h.value.templated) e.expression = true;
      const acao = /^access-control-allow-origin$/i.test(h.name);
      if (isCorsHeader(h.name) && possibles(h, set).some((p) => p.kind === 'origin' || (acao && p.kind === 'literal' && p.gate))) e.dependsOnOrigin = true;
      if (set.fixedStatus !== undefined) e.fixedStatus = set.fixedStatus;
      if (set.preflightOnly) e.preflightOnly = true;
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
  policy.preflight = preflightFor(block, sets, maps);
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
