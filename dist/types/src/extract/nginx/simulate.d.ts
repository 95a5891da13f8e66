import type { NginxDirective } from '../../parse/nginx/index.js';
import { type Block } from './blocks.js';
import { type MapDef } from './maps.js';
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
    headers: Array<{
        name: string;
        value: string;
    }>;
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
export declare function simulate(tree: Block, maps: Map<string, MapDef>, req: SimRequest, options?: SimOptions): SimResponse;
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
export declare function routeRequest(server: Block, maps: Map<string, MapDef>, req: SimRequest, options?: SimOptions): Routed;
/**
 * The response headers after nginx's header filters, in order: the upstream's fields (for a
 * forwarded request) minus proxy_hide_header; then headers-more's commands (more_set_headers
 * replaces a field of the same name, more_clear_headers removes), which run before the headers
 * filter; then the add_header list (only on the safe statuses unless `always`, empty values dropped).
 */
export declare function outputHeaders(conf: Block, status: number | 'unknown', get: (name: string) => string, upstream?: ReadonlyArray<{
    name: string;
    value: string;
}>): Array<{
    name: string;
    value: string;
}>;
/**
 * The request headers the upstream receives (ngx_http_proxy_module): the client's, unless
 * proxy_pass_request_headers is off, then the proxy_set_header list in effect — inherited only by
 * levels that write none of their own — where an empty value removes the header.
 */
export declare function forwardedRequestHeaders(conf: Block, headers: Record<string, string>, get: (name: string) => string): Record<string, string>;
/** A content handler that hands the request to another server. */
export declare function forwarder(block: Block): NginxDirective | undefined;
export declare function findServer(tree: Block): Block;
/**
 * ngx_http_core_find_location: exact, longest prefix (its nested locations first: a nested regex or
 * `^~` match is final), `^~` stops, then this level's regexes in order.
 */
export declare function findLocation(container: Block, uri: string): Block | undefined;
