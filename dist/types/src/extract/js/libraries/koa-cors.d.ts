import type { CorsPolicy, PolicyScope, Span } from '../../../model/types.js';
import type { Node } from '../ast.js';
import type { JsModule } from '../modules.js';
import { OptionsObject } from './options.js';
import { type Evaluator } from '../values.js';
export declare const KOA_CORS_METHODS: string[];
/**
 * allowMethods, allowHeaders (unset: the requested headers are mirrored), exposeHeaders and maxAge,
 * which @koa/cors and koa2-cors name and read alike.
 */
export declare function readKoaStyleLists(policy: CorsPolicy, options: OptionsObject, defaultMethods: string[]): void;
/**
 * The policy `app.use(cors(options))` from @koa/cors produces. Read from @koa/cors/index.js (v5):
 * - `ctx.vary('Origin')` on every request, whatever the options;
 * - origin unset or '*': '*'; with credentials the request Origin is echoed instead (no check);
 * - a string is sent as is; a function(ctx) returns the value, a falsy result skips CORS;
 * - preflight (OPTIONS with Access-Control-Request-Method) answered 204; other OPTIONS go on;
 * - keepHeadersOnError (default true) keeps the CORS headers on thrown errors.
 */
export declare function koaCorsPolicy(input: {
    span: Span;
    scope: PolicyScope;
    optionsNode: Node | undefined;
    mod: JsModule;
    ev: Evaluator;
    /** Major version declared in package.json: before 5.0 an unset origin echoed the request Origin. */
    major?: number;
}): CorsPolicy;
