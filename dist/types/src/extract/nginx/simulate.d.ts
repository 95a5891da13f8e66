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
/** ngx_http_core_find_location: exact, longest prefix (nested first), `^~` stops, then regexes in order. */
export declare function findLocation(container: Block, uri: string): Block | undefined;
