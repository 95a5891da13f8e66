import type { CorsPolicy } from '../model/types.js';
import type { EnvSource } from '../environment/types.js';
import type { Frontend, FrontendLink } from './types.js';
export interface LinkReader {
    readText(absPath: string): string | undefined;
    absPath(displayPath: string): string;
    root: string;
}
export declare function linkFrontends(frontends: Frontend[], policies: readonly CorsPolicy[], sources: readonly EnvSource[], io: LinkReader): FrontendLink[];
/** A development origin calls the development API URLs; a production origin the production ones. */
export declare function originCallsApi(originEnvironment: string, apiEnvironment: string): boolean;
