import type { CorsPolicy, PolicyScope, Span } from '../../../model/types.js';
import type { Node } from '../ast.js';
import type { JsModule } from '../modules.js';
import { type Evaluator } from '../values.js';
export declare const KOA2_CORS_METHODS: string[];
/**
 * The policy `app.use(cors(options))` from koa2-cors produces (a different package from @koa/cors).
 * Read from koa2-cors 2.0.6 dist/index.js:
 * - `ctx.vary('Origin')` on every request;
 * - origin: a function(ctx) returns the value (falsy skips CORS); otherwise
 *   `options.origin || ctx.get('Origin') || '*'`, so an unset origin echoes every request Origin;
 * - the value is set as is: '*' stays '*' with credentials; on actual requests
 *   Access-Control-Allow-Credentials is then removed, on preflights it is still sent;
 * - a preflight (OPTIONS with Access-Control-Request-Method) is answered 204, requested headers are
 *   mirrored when allowHeaders is unset; other OPTIONS go on to the app;
 * - the headers are set before next(): Koa's error handler clears them when the app throws.
 */
export declare function koa2CorsPolicy(input: {
    span: Span;
    scope: PolicyScope;
    optionsNode: Node | undefined;
    mod: JsModule;
    ev: Evaluator;
}): CorsPolicy;
