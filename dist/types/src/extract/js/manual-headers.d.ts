import type { CorsPolicy, Stack } from '../../model/types.js';
import type { JsModule } from './modules.js';
import type { Registration } from './registrations.js';
import { type Evaluator } from './values.js';
/**
 * Access-Control-* headers written by hand (`res.header`, `res.set`, `res.setHeader`,
 * `res.writeHead`, `res.append`, `ctx.set`, `reply.header`), one policy per handler function.
 */
export declare function manualHeaderPolicies(mod: JsModule, ev: Evaluator, registrations: Registration[], fileStack: Stack | undefined): CorsPolicy[];
