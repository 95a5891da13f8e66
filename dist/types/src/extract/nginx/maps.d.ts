import type { Span } from '../../model/types.js';
import type { NginxDirective, NginxWord } from '../../parse/nginx/index.js';
export interface MapEntry {
    kind: 'exact' | 'regex' | 'hostname';
    /** Key as nginx sees it (regex without the `~`/`~*`). */
    key: string;
    ignoreCase: boolean;
    keySpan: Span;
    value: NginxWord;
}
/** `map $source $target { ... }` (ngx_http_map_module). */
export interface MapDef {
    source: string;
    target: string;
    span: Span;
    hostnames: boolean;
    entries: MapEntry[];
    default?: NginxWord;
}
export declare function collectMaps(directives: NginxDirective[]): Map<string, MapDef>;
/**
 * The PCRE-style pattern equivalent to a `hostnames` wildcard key: `.example.com` and `*.example.com`
 * match any value ending in `.example.com` (label-wise, so `https://a.example.com` matches: the
 * scheme is part of the first label), `.example.com` also matches `example.com` itself.
 */
export declare function hostnamePattern(key: string): string;
/**
 * Which entry a map picks for an input (ngx_http_map_find): exact keys first (case-insensitive: the
 * hash is built and searched with lowercased keys), then hostname wildcards, then regexes in the order
 * written, else the default (empty when there is none).
 */
export declare function mapLookup(def: MapDef, input: string): NginxWord | undefined;
