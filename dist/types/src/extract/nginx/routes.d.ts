import type { CorsPolicy, ProxyRoute } from '../../model/types.js';
import { type Block } from './blocks.js';
import type { MapDef } from './maps.js';
export interface RouteContext {
    server: Block;
    block: Block;
    maps: Map<string, MapDef>;
}
export declare function routeContextOf(route: ProxyRoute): RouteContext | undefined;
export declare function buildRoutes(tree: Block, maps: Map<string, MapDef>, policies: readonly CorsPolicy[]): ProxyRoute[];
