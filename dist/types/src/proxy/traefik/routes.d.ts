import type { CorsPolicy, ProxyRoute } from '../../model/types.js';
import { type MiddlewareDef, type TraefikConfig } from './config.js';
export declare function buildRoutes(config: TraefikConfig, policies: Map<MiddlewareDef, CorsPolicy>): ProxyRoute[];
