import type { CorsPolicy, DroppedHeaders } from '../../model/types.js';
import { type Block } from './blocks.js';
/** Nested levels that write add_header of their own and so lose CORS headers set above them. */
export declare function attachDrops(tree: Block, policies: Map<Block, CorsPolicy>, create: (from: Block) => CorsPolicy): void;
/** `if ($request_method = OPTIONS)` answers only preflights; `if ($request_method != OPTIONS)` only actual requests. */
export declare function answersOf(block: Block): DroppedHeaders['answers'];
