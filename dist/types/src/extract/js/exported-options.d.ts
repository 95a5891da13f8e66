import type { CorsPolicy, Stack } from '../../model/types.js';
import { type Node } from './ast.js';
import type { JsModule } from './modules.js';
import type { Evaluator } from './values.js';
/** An options object that a module defines for npm cors but that nothing in the module hands to a CORS layer. */
export interface OptionsCandidate {
    policy: CorsPolicy;
    /** The object literal: a CORS layer built from it anywhere in the scan makes this candidate redundant. */
    object: Node;
}
/**
 * npm cors options written in one module and used in another (`config/corsOptions.js` exporting
 * `{ origin(origin, callback) {...}, credentials: true }`). When the scan also holds the `cors(...)`
 * call, that call's policy describes them; otherwise they are described here, as the cors middleware
 * would apply them, so the options file's own problems are reported.
 *
 * Evidence that an object is npm cors options: an `origin` key plus either an origin callback of the
 * `(origin, callback)` shape, or a name (variable or file) that says cors and another npm cors key.
 */
export declare function exportedOptionCandidates(mod: JsModule, ev: Evaluator, stack: Stack | undefined): OptionsCandidate[];
