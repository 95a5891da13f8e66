import type { OriginEntry, Span } from '../../model/types.js';
import type { NginxWord } from '../../parse/nginx/index.js';
import type { Block } from './blocks.js';
import { type MapDef } from './maps.js';
/** What lets a value through: the regex/exact test on the Origin that must pass first. */
export type Gate = {
    kind: 'regex';
    pattern: string;
    ignoreCase: boolean;
    span: Span;
} | {
    kind: 'exact';
    origin: string;
    span: Span;
} | {
    kind: 'other';
    text: string;
    span: Span;
};
/** One value a header can take. */
export type Possible = {
    kind: 'origin';
    gate?: Gate;
    span: Span;
    via?: string;
} | {
    kind: 'literal';
    text: string;
    gate?: Gate;
    span: Span;
    via?: string;
} | {
    kind: 'unknown';
    why: string;
    span: Span;
};
/** Where a request's variables come from: maps (http level) and the rewrite directives that run. */
export interface VarScope {
    maps: Map<string, MapDef>;
    /** Blocks whose `set`/`if` run for the request: the server, then the location. */
    rewriteBlocks: Block[];
}
/** Every value a header value word can take, with the Origin test gating each. */
export declare function possibleValues(word: NginxWord, scope: VarScope, gate?: Gate, seen?: Set<string>): Possible[];
/** The Origin test an `if` block makes, as a gate for what it contains. */
export declare function gateOf(block: Block): Gate | undefined;
/**
 * The Origin tests that must pass for an `if` to match. Besides a direct test of $http_origin this
 * follows the common two-step form: `if ($http_origin ~ re) { set $cors true; }` and later
 * `if ($cors = true) { add_header ... $http_origin; }` — the second `if` is gated by the regex of every
 * `set` that makes its condition true. Undefined when the `if` checks nothing about the Origin.
 */
export declare function gatesOf(block: Block, scope: VarScope): Gate[] | undefined;
/** Access-Control-Allow-Origin values -> the model's origin matchers. */
export declare function originEntries(possibles: Possible[]): OriginEntry[];
