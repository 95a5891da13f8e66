import type { Block, HeaderDef } from './blocks.js';
import { effectiveAddHeaders, effectiveMoreHeaders } from './blocks.js';
import type { MapDef } from './maps.js';
import type { VarScope } from './origins.js';
import { answersOf } from './drops.js';

/** Statuses add_header uses without `always` (ngx_http_headers_filter in ngx_http_headers_filter_module.c). */
export const SAFE_STATUSES = [200, 201, 204, 206, 301, 302, 303, 304, 307, 308];

/** Directives that hand the request to something nginx does not answer itself. */
export const CONTENT_HANDLERS = /^(?:proxy_pass|fastcgi_pass|uwsgi_pass|scgi_pass|grpc_pass|memcached_pass|content_by_lua_block|content_by_lua_file|content_by_lua)$/;

/** One header set that a request can end up with: the unit's own, or an `if`/`limit_except` inside it. */
export interface HeaderSet {
  block: Block;
  headers: HeaderDef[];
  conditional?: string;
  fixedStatus?: number;
  /** The set is used only for OPTIONS requests (an `if ($request_method = OPTIONS)`). */
  preflightOnly?: boolean;
}

/** The headers of the block itself (no `if` taken). */
export function unitSet(block: Block): HeaderSet {
  return { block, headers: [...effectiveAddHeaders(block), ...effectiveMoreHeaders(block)], fixedStatus: returnOf(block) };
}

/** The block's own set, then one per `if`/`limit_except` inside it that has headers of its own. */
export function headerSets(block: Block): HeaderSet[] {
  const sets: HeaderSet[] = [unitSet(block)];
  for (const c of block.children) {
    if (c.kind !== 'if' && c.kind !== 'limit_except') continue;
    if (!c.ownAddHeaders.length && !c.ownMoreHeaders.length && !c.inherit) continue;
    sets.push({
      block: c,
      headers: [...effectiveAddHeaders(c), ...effectiveMoreHeaders(c)],
      conditional: c.kind === 'if' ? `if ${c.condition?.text ?? ''}`.trim() : `methods other than ${c.methods?.join(' ')} (limit_except)`,
      fixedStatus: returnOf(c),
      ...(answersOf(c) === 'preflight' ? { preflightOnly: true } : {}),
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

/** Rewrite directives that run for a request ending here: the server's, then this block's (never an outer location's). */
export function scopeOf(block: Block, maps: Map<string, MapDef>): VarScope {
  const rewriteBlocks: Block[] = [];
  let server: Block | undefined;
  for (let b: Block | undefined = block; b; b = b.parent) if (b.kind === 'server') server = b;
  if (server && server !== block) rewriteBlocks.push(server);
  rewriteBlocks.push(block);
  return { maps, rewriteBlocks };
}
