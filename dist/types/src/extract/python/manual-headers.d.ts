import type { CorsPolicy } from '../../model/types.js';
import type { Evaluator } from './evaluate.js';
import type { PyModule } from './modules.js';
export declare function extractManualHeaders(mod: PyModule, ev: Evaluator): CorsPolicy[];
