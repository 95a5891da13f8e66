import type { CorsPolicy, Diagnostic, Finding } from '../model/types.js';
import type { FrontendContext } from '../frontend/types.js';
import type { DeployedPath } from '../paths/types.js';
import { type ContextFile } from './context-files.js';
import type { EnvSource } from './types.js';
export interface ContextProject {
    root: string;
    readText(absPath: string): {
        text: string;
    } | {
        error: string;
    };
    displayPath(absPath: string): string;
    linesOf(displayPath: string): string[] | undefined;
}
export interface RepositoryContext {
    /** The policies plus their per-environment copies: what the rules run on. */
    policies: CorsPolicy[];
    diagnostics: Diagnostic[];
    /** Run settings for the rules (the frontend rule reads `frontends`). */
    settings: {
        frontends?: FrontendContext;
    };
    /** Findings on per-environment copies: named after the environment, pointed at the base policy, with the setting as related location; repeats of the default's findings dropped. */
    annotate(findings: Finding[]): Finding[];
}
type ContextOptions = {
    cwd: string;
    ignore?: string[];
    codeFiles?: readonly string[];
    /** The context files, when discovery already listed them while walking the whole root. */
    files?: readonly ContextFile[];
    /** Proxy routes linked to applications (src/paths): a frontend calling a proxy reaches the apps behind it. */
    paths?: readonly DeployedPath[];
    /** The compose services the paths were linked with (every service, whatever variables the policies read). */
    compose?: readonly EnvSource[];
};
/**
 * A failure here costs the environments and frontends, never the policies' own findings: it is one
 * internal-error diagnostic and the rules run on the policies as found.
 */
export declare function repositoryContext(policies: CorsPolicy[], project: ContextProject, options: ContextOptions): RepositoryContext;
export { environmentVariants } from './apply.js';
