import type { CorsPolicy, PolicyScope, Span, Stack } from '../../../model/types.js';
import { type Node } from '../ast.js';
import type { JsModule } from '../modules.js';
import { type Evaluator, type JsValue } from '../values.js';
export declare const NPM_CORS_METHODS: string[];
/**
 * The policy npm `cors(options)` produces (Express, NestJS on Express). Read from cors/lib/index.js:
 * - origin '*' or unset: `Access-Control-Allow-Origin: *`, no Vary; credentials are sent next to it.
 * - a string: sent verbatim on every response, plus `Vary: Origin`.
 * - true / RegExp / array / function: the request Origin is echoed when allowed, `Vary: Origin` always.
 * - a falsy origin: the middleware calls next() without any CORS header.
 * - every OPTIONS request is answered (optionsSuccessStatus, default 204) unless preflightContinue.
 * - allowedHeaders unset: the request's Access-Control-Request-Headers are echoed.
 */
export declare function npmCorsPolicy(input: {
    stack: Stack;
    span: Span;
    scope: PolicyScope;
    optionsNode: Node | undefined;
    mod: JsModule;
    ev: Evaluator;
    /** Options already evaluated (NestFactory.create `cors: {...}`). */
    optionsValue?: JsValue;
}): CorsPolicy;
export declare function markAllUnknown(policy: CorsPolicy, why: string): void;
