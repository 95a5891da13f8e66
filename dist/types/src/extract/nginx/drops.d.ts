import type { CorsPolicy } from '../../model/types.js';
import { type Block } from './blocks.js';
/** Nested levels that write add_header of their own and so lose CORS headers set above them. */
export declare function attachDrops(tree: Block, policies: Map<Block, CorsPolicy>, create: (from: Block) => CorsPolicy): void;
