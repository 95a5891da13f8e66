import type { CorsPolicy } from '../../model/types.js';
import { type OptionsCandidate } from './exported-options.js';
import type { PackageVersions } from './package-versions.js';
import type { JsModule } from './modules.js';
import type { Evaluator } from './values.js';
/**
 * Every CORS policy one module configures. npm cors options the module defines without handing them
 * to a CORS layer go to `candidates`: the scanner keeps them when no module of the scan consumes them.
 */
export declare function extractModule(mod: JsModule, ev: Evaluator, versions: PackageVersions, candidates?: OptionsCandidate[]): CorsPolicy[];
