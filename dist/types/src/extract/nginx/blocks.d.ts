import type { Span } from '../../model/types.js';
import type { NginxDirective, NginxWord } from '../../parse/nginx/index.js';
import { type Condition } from './conditions.js';
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
    inherit?: {
        mode: 'on' | 'off' | 'merge';
        span: Span;
    };
    /** proxy_hide_header written at this level. */
    ownHidden: Array<{
        name: string;
        span: Span;
    }>;
    /** For `if` blocks. */
    condition?: Condition;
    /** For `limit_except` blocks: the methods it lets through. */
    methods?: string[];
}
/** Builds the level tree from expanded directives. `file` is the display path of the top file. */
export declare function buildTree(directives: NginxDirective[], file: string): Block;
export declare function labelOf(d: NginxDirective): string;
/** Whether a more_clear_headers pattern (`Access-Control-*`, `X-Powered-By`) covers a header name. */
export declare function clearCovers(pattern: string, header: string): boolean;
/** add_header_inherit in effect: written here or inherited from the levels above (default on). */
export declare function inheritMode(block: Block): 'on' | 'off' | 'merge';
/**
 * The add_header list nginx uses for a request handled with this block's configuration
 * (ngx_http_headers_merge_conf): a level with add_header of its own inherits nothing (mode on),
 * appends the parent's after its own (merge), or never inherits (off).
 */
export declare function effectiveAddHeaders(block: Block): HeaderDef[];
/** more_set_headers merge by concatenation, the parent's first (ngx_http_headers_more_merge_loc_conf). */
export declare function effectiveMoreHeaders(block: Block): HeaderDef[];
/** more_clear_headers merge like more_set_headers: the parent's commands first. */
export declare function effectiveMoreClears(block: Block): ClearDef[];
/** proxy_hide_header is an array inherited only by levels that write none (ngx_http_upstream_hide_headers_hash). */
export declare function effectiveHidden(block: Block): Array<{
    name: string;
    span: Span;
}>;
/** The level whose own add_header list is in effect here (undefined when none is). */
export declare function addHeaderSource(block: Block): Block | undefined;
export declare function directivesNamed(block: Block, name: string): NginxDirective[];
export declare function isCorsHeader(name: string): boolean;
export declare function walk(block: Block, visit: (b: Block) => void): void;
