import type { ContextFile } from '../environment/context-files.js';
import type { EnvSource } from '../environment/types.js';
import type { CorsPolicy, Diagnostic, ProxyRoute } from '../model/types.js';
import type { LinkReader } from './addresses.js';
import type { DeployedPath } from './types.js';
export interface PathReader extends LinkReader {
    display(absPath: string): string;
}
/** A failure here costs the paths only: one internal-error diagnostic. */
export declare function buildPaths(routes: readonly ProxyRoute[], policies: readonly CorsPolicy[], files: readonly ContextFile[], io: PathReader): {
    paths: DeployedPath[];
    diagnostics: Diagnostic[];
    compose: EnvSource[];
};
export type { DeployedPath } from './types.js';
