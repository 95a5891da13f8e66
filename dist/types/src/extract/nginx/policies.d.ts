import type { CorsPolicy } from '../../model/types.js';
import { type Block } from './blocks.js';
import type { MapDef } from './maps.js';
export { SAFE_STATUSES } from './header-sets.js';
/** Builds the policies of one analysed configuration (a top-level file with its includes). */
export declare function buildPolicies(tree: Block, maps: Map<string, MapDef>): CorsPolicy[];
