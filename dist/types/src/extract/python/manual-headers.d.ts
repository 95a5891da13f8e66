import type { CorsPolicy } from '../../model/types.js';
import type { Evaluator } from './evaluate.js';
import type { ModuleLoader, PyModule } from './modules.js';
export declare function extractManualHeaders(mod: PyModule, ev: Evaluator, loader: ModuleLoader): CorsPolicy[];
