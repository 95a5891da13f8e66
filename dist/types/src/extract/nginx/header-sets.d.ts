import type { Block, HeaderDef } from './blocks.js';
import type { MapDef } from './maps.js';
import type { VarScope } from './origins.js';
/** Statuses add_header uses without `always` (ngx_http_headers_filter in ngx_http_headers_filter_module.c). */
export declare const SAFE_STATUSES: number[];
/** Directives that hand the request to something nginx does not answer itself. */
export declare const CONTENT_HANDLERS: RegExp;
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
export declare function unitSet(block: Block): HeaderSet;
/** The block's own set, then one per `if`/`limit_except` inside it that has headers of its own. */
export declare function headerSets(block: Block): HeaderSet[];
/** `return <code>` written directly in the block, as a number. */
export declare function returnOf(block: Block): number | undefined;
/** Rewrite directives that run for a request ending here: the server's, then this block's (never an outer location's). */
export declare function scopeOf(block: Block, maps: Map<string, MapDef>): VarScope;
