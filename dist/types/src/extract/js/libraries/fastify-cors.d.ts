import type { CorsPolicy, PolicyScope, Span, Stack } from '../../../model/types.js';
import type { Node } from '../ast.js';
import type { JsModule } from '../modules.js';
import { type Evaluator, type JsValue } from '../values.js';
export declare const FASTIFY_CORS_METHODS: string[];
/**
 * The policy `fastify.register(fastifyCors, options)` produces. Read from @fastify/cors/index.js:
 * - a string origin (also '*') is sent as is and adds no Vary; anything else adds `Vary: Origin`;
 * - an array containing '*' sends '*'; RegExps get `lastIndex = 0` before `.test` (unanchored);
 * - origin false switches CORS off; other falsy values fail the request ('Invalid CORS origin option');
 * - credentials: any truthy value sends Access-Control-Allow-Credentials: true, next to '*' too;
 * - preflight: answered in the hook with optionsSuccessStatus (204); strictPreflight (default true)
 *   answers 400 'Invalid Preflight Request' when Origin or Access-Control-Request-Method is missing.
 */
export declare function fastifyCorsPolicy(input: {
    stack: Stack;
    span: Span;
    scope: PolicyScope;
    optionsNode: Node | undefined;
    optionsValue?: JsValue;
    mod: JsModule;
    ev: Evaluator;
}): CorsPolicy;
