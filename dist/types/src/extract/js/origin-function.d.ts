import type { OriginEntry } from '../../model/types.js';
import { type FunctionNode, type Node } from './ast.js';
import type { JsModule } from './modules.js';
import { type IsOrigin } from './origins.js';
import type { Evaluator } from './values.js';
export interface OriginDecision {
    entries: OriginEntry[];
    notes: string[];
}
/**
 * How the origin function's owner calls it:
 * - 'callback': `(origin, callback) => callback(null, allowed)` or a promise of the value (npm cors, @fastify/cors);
 * - 'koa': `(ctx) => originString` (@koa/cors; a falsy result disables CORS for the request).
 */
export type OriginFunctionStyle = 'callback' | 'koa';
export interface Site {
    node: Node;
    /** What the function hands back at this point. */
    value: Node | undefined;
    rejected: boolean;
    /** Conditions from a ternary inside the returned value (`ok ? origin : ''`). */
    extra?: Array<{
        test: Node;
        positive: boolean;
    }>;
}
/**
 * Classifies an origin function by its shape: always accepts (reflect), membership in a
 * resolvable list, regex test, suffix test; anything else is unknown with the reason.
 */
export declare function classifyOriginFunction(fn: FunctionNode, mod: JsModule, ev: Evaluator, style: OriginFunctionStyle): OriginDecision;
/** What a set of accept/reject sites of one function accepts, from their guards and values. */
export declare function decideSites(sites: Site[], fn: FunctionNode, mod: JsModule, ev: Evaluator, isOrigin: IsOrigin): {
    entries: OriginEntry[];
    withoutOrigin: boolean;
};
/** Conditions under which a node runs inside a function: enclosing if/ternary/&&, and earlier early-exit ifs. */
export declare function guardsOf(node: Node, fn: Node, mod: JsModule): Array<{
    test: Node;
    positive: boolean;
}>;
