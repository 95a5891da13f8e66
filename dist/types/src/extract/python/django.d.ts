import type { CorsPolicy } from '../../model/types.js';
import type { Evaluator } from './evaluate.js';
import type { PyModule } from './modules.js';
/** One policy per settings module that assigns at least one django-cors-headers setting at module level. */
export declare function extractDjango(mod: PyModule, ev: Evaluator): CorsPolicy[];
