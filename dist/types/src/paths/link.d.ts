import type { EnvSource } from '../environment/types.js';
import type { CorsPolicy, ProxyRoute } from '../model/types.js';
import { type LinkReader } from './addresses.js';
import { type KubeIndex } from './kubernetes-services.js';
import type { DeployedPath } from './types.js';
export declare const PROXY_STACKS: ReadonlySet<CorsPolicy['stack']>;
/** Application policies: CORS set by the code a proxy forwards to (not a proxy's own, not an environment copy). */
export declare function isAppPolicy(policy: CorsPolicy): boolean;
export declare function linkRoutes(routes: readonly ProxyRoute[], policies: readonly CorsPolicy[], sources: readonly EnvSource[], kube: KubeIndex, io: LinkReader): DeployedPath[];
