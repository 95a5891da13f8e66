import type { CorsPolicy } from '../../model/types.js';
import { textOf } from './ast.js';
import type { ExpressVersions } from './express-version.js';
import type { JsModule } from './modules.js';
import type { Evaluator } from './values.js';
/** Every CORS policy one module configures. */
export declare function extractModule(mod: JsModule, ev: Evaluator, versions: ExpressVersions): CorsPolicy[];
export { textOf };
