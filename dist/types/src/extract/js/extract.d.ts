import type { CorsPolicy } from '../../model/types.js';
import type { PackageVersions } from './package-versions.js';
import type { JsModule } from './modules.js';
import type { Evaluator } from './values.js';
/** Every CORS policy one module configures. */
export declare function extractModule(mod: JsModule, ev: Evaluator, versions: PackageVersions): CorsPolicy[];
