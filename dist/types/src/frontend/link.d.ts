import type { CorsPolicy } from '../model/types.js';
import type { DeployedPath } from '../paths/types.js';
import type { EnvSource } from '../environment/types.js';
import { type LinkReader } from '../paths/addresses.js';
import type { Frontend, FrontendLink } from './types.js';
export type { LinkReader } from '../paths/addresses.js';
export declare function linkFrontends(frontends: Frontend[], policies: readonly CorsPolicy[], sources: readonly EnvSource[], io: LinkReader, paths?: readonly DeployedPath[]): FrontendLink[];
/** A development origin calls the development API URLs; a production origin the production ones. */
export declare function originCallsApi(originEnvironment: string, apiEnvironment: string): boolean;
