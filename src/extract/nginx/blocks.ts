import type { Span } from '../../model/types.js';
import type { NginxDirective, NginxWord } from '../../parse/nginx/index.js';
import { parseCondition, type Condition } from './conditions.js';

/** The configuration levels that carry their own add_header set (a location configuration each). */
export type BlockKind = 'main' | 'http' | 'server' | 'location' | 'if' | 'limit_except';

export interface HeaderDef {
  /** Header name as written. */
  name: string;
  /** The value word (for more_set_headers, the part after `Name:`). */
  value: NginxWord;
  /** Sent on every status: add_header ... always, or more_set_headers without -s. */
  always: boolean;
  /** more_set_headers -s: the statuses it is limited to. */
  statuses?: number[];
  /** more_set_headers -t: the response content types it is limited to. */
  types?: string[];
  span: Span;
  owner: Block;
  directive: 'add_header' | 'more_set_headers';
  /** Position among the block's headers-more commands (set and clear run in the order written). */
  order?: number;
}

/** `more_clear_headers [-s '404 500'] Name 'Prefix-*' ...` (headers-more): names, lowercase; a trailing `*` is a prefix. */
export interface ClearDef {
  patterns: string[];
  statuses?: number[];
  types?: string[];
  span: Span;
  owner: Block;
  order: number;
}

export interface Block {
  kind: BlockKind;
  /** `server`, `location /api`, `if ($request_method = OPTIONS)`, `limit_except GET`. */
  label: string;
  directive?: NginxDirective;
  /** The block's header (`location /api {`) or, for a file's top level, its first line. */
  headerSpan: Span;
  parent?: Block;
  /** Direct directives, includes already inlined, in order. */
  body: NginxDirective[];
  children: Block[];
  ownAddHeaders: HeaderDef[];
  ownMoreHeaders: HeaderDef[];
  ownMoreClears: ClearDef[];
  /** add_header_inherit on|off|merge (nginx 1.29.3+) written at this level. */
  inherit?: { mode: 'on' | 'off' | 'merge'; span: Span };
  /** proxy_hide_header written at this level. */
  ownHidden: Array<{ name: string; span: Span }>;
  /** For `if` blocks. */
  condition?: Condition;
  /** For `limit_except` blocks: the methods it lets through. */
  methods?: string[];
}

const LEVELS = new Set(['http', 'server', 'location', 'if', 'limit_except']);

/** Builds the level tree from expanded directives. `file` is the display path of the top file. */
export function buildTree(directives: NginxDirective[], file: string): Block {
  const root = newBlock('main', `top level of ${file}`, undefined, { file, line: 1, column: 1, endLine: 1, endColumn: 1 }, directives);
  fill(root);
  return root;
}

function newBlock(kind: BlockKind, label: string, directive: NginxDirective | undefined, headerSpan: Span, body: NginxDirective[], parent?: Block): Block {
  return { kind, label, directive, headerSpan, parent, body, children: [], ownAddHeaders: [], ownMoreHeaders: [], ownMoreClears: [], ownHidden: [] };
}

function fill(block: Block): void {
  for (const d of block.body) {
    switch (d.name) {
      case 'add_header':
        if (d.args.length >= 2) {
          block.ownAddHeaders.push({
            name: d.args[0]!.value,
            value: d.args[1]!,
            always: d.args[2]?.value === 'always',
            span: d.span,
            owner: block,
            directive: 'add_header',
          });
        }
        break;
      case 'more_set_headers':
        block.ownMoreHeaders.push(...moreSetHeaders(d, block).map((h) => ({ ...h, order: block.ownMoreHeaders.length + block.ownMoreClears.length })));
        break;
      case 'more_clear_headers': {
        const clear = moreClearHeaders(d, block, block.ownMoreHeaders.length + block.ownMoreClears.length);
        if (clear) block.ownMoreClears.push(clear);
        break;
      }
      case 'add_header_inherit': {
        const mode = d.args[0]?.value;
        if (mode === 'on' || mode === 'off' || mode === 'merge') block.inherit = { mode, span: d.span };
        break;
      }
      case 'proxy_hide_header':
        if (d.args[0]) block.ownHidden.push({ name: d.args[0].value, span: d.span });
        break;
    }
    if (d.block && LEVELS.has(d.name) && d.rawBody === undefined) {
      const kind = d.name as BlockKind;
      const child = newBlock(kind, labelOf(d), d, d.span, d.block, block);
      if (kind === 'if') {
        child.condition = parseCondition(d.args.map((a) => a.value), d.args);
        child.label = `if ${child.condition.text}`;
      }
      if (kind === 'limit_except') child.methods = d.args.map((a) => a.value.toUpperCase());
      block.children.push(child);
      fill(child);
    }
  }
}

export function labelOf(d: NginxDirective): string {
  if (d.name === 'server') {
    const names = d.block?.find((c) => c.name === 'server_name')?.args.map((a) => a.value);
    return names?.length ? `server ${names[0]}` : 'server';
  }
  return [d.name, ...d.args.map((a) => a.raw)].join(' ');
}

/** `more_set_headers [-s '404 500'] [-t 'text/html'] 'Name: value' ...` (headers-more module). */
function moreSetHeaders(d: NginxDirective, block: Block): HeaderDef[] {
  const out: HeaderDef[] = [];
  let statuses: number[] | undefined;
  let types: string[] | undefined;
  for (let i = 0; i < d.args.length; i++) {
    const arg = d.args[i]!;
    if (arg.value === '-s' || arg.value === '-t') {
      const list = (d.args[i + 1]?.value ?? '').split(/\s+/).filter(Boolean);
      if (arg.value === '-s') statuses = [...(statuses ?? []), ...list.map(Number)];
      else types = [...(types ?? []), ...list];
      i++;
      continue;
    }
    const colon = arg.value.indexOf(':');
    const name = (colon < 0 ? arg.value : arg.value.slice(0, colon)).trim();
    if (!name) continue;
    const value = colon < 0 ? '' : arg.value.slice(colon + 1).trim();
    out.push({
      name,
      value: { ...arg, value },
      always: !statuses || statuses.length === 0,
      statuses: statuses && statuses.length ? statuses : undefined,
      ...(types?.length ? { types } : {}),
      span: d.span,
      owner: block,
      directive: 'more_set_headers',
    });
  }
  return out;
}

function moreClearHeaders(d: NginxDirective, block: Block, order: number): ClearDef | undefined {
  const patterns: string[] = [];
  let statuses: number[] | undefined;
  let types: string[] | undefined;
  for (let i = 0; i < d.args.length; i++) {
    const arg = d.args[i]!.value;
    if (arg === '-s' || arg === '-t') {
      const list = (d.args[i + 1]?.value ?? '').split(/\s+/).filter(Boolean);
      if (arg === '-s') statuses = [...(statuses ?? []), ...list.map(Number)];
      else types = [...(types ?? []), ...list];
      i++;
      continue;
    }
    for (const name of arg.split(/\s+/)) if (name) patterns.push(name.toLowerCase());
  }
  if (!patterns.length) return undefined;
  return { patterns, statuses: statuses?.length ? statuses : undefined, ...(types?.length ? { types } : {}), span: d.span, owner: block, order };
}

/** Whether a more_clear_headers pattern (`Access-Control-*`, `X-Powered-By`) covers a header name. */
export function clearCovers(pattern: string, header: string): boolean {
  const name = header.toLowerCase();
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/** add_header_inherit in effect: written here or inherited from the levels above (default on). */
export function inheritMode(block: Block): 'on' | 'off' | 'merge' {
  for (let b: Block | undefined = block; b; b = b.parent) if (b.inherit) return b.inherit.mode;
  return 'on';
}

/**
 * The add_header list nginx uses for a request handled with this block's configuration
 * (ngx_http_headers_merge_conf): a level with add_header of its own inherits nothing (mode on),
 * appends the parent's after its own (merge), or never inherits (off).
 */
export function effectiveAddHeaders(block: Block): HeaderDef[] {
  if (!block.parent) return block.ownAddHeaders;
  const mode = inheritMode(block);
  const prev = effectiveAddHeaders(block.parent);
  if (mode === 'off') return block.ownAddHeaders;
  if (block.ownAddHeaders.length === 0) return prev;
  return mode === 'merge' ? [...block.ownAddHeaders, ...prev] : block.ownAddHeaders;
}

/** more_set_headers merge by concatenation, the parent's first (ngx_http_headers_more_merge_loc_conf). */
export function effectiveMoreHeaders(block: Block): HeaderDef[] {
  if (!block.parent) return block.ownMoreHeaders;
  const prev = effectiveMoreHeaders(block.parent);
  return block.ownMoreHeaders.length ? [...prev, ...block.ownMoreHeaders] : prev;
}

/** more_clear_headers merge like more_set_headers: the parent's commands first. */
export function effectiveMoreClears(block: Block): ClearDef[] {
  if (!block.parent) return block.ownMoreClears;
  const prev = effectiveMoreClears(block.parent);
  return block.ownMoreClears.length ? [...prev, ...block.ownMoreClears] : prev;
}

/** proxy_hide_header is an array inherited only by levels that write none (ngx_http_upstream_hide_headers_hash). */
export function effectiveHidden(block: Block): Array<{ name: string; span: Span }> {
  for (let b: Block | undefined = block; b; b = b.parent) if (b.ownHidden.length) return b.ownHidden;
  return [];
}

/** The level whose own add_header list is in effect here (undefined when none is). */
export function addHeaderSource(block: Block): Block | undefined {
  for (let b: Block | undefined = block; b; b = b.parent) {
    if (b.ownAddHeaders.length || b.inherit?.mode === 'off') return b;
  }
  return undefined;
}

export function directivesNamed(block: Block, name: string): NginxDirective[] {
  return block.body.filter((d) => d.name === name);
}

export function isCorsHeader(name: string): boolean {
  return /^access-control-/i.test(name);
}

export function walk(block: Block, visit: (b: Block) => void): void {
  visit(block);
  for (const c of block.children) walk(c, visit);
}
