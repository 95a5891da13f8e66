import type { PreflightHandling, Valued } from '../../model/types.js';
import { type Block } from './blocks.js';
import { type HeaderSet } from './header-sets.js';
import type { MapDef } from './maps.js';
/** What an OPTIONS request to this block gets (a server with `location /` answers through it). */
export declare function preflightFor(block: Block, sets: HeaderSet[], maps: Map<string, MapDef>): Valued<PreflightHandling>;
