import type { Config } from './config/types.js';
import type { Scanner } from './extract/scanner.js';
import type { AnyRule } from './rules/define-rule.js';
import type { CorsPolicy, Diagnostic, Finding } from './model/types.js';
import type { FrontendContext } from './frontend/types.js';
import { type DeployedPath } from './paths/index.js';
import type { ProxyRoute } from './model/types.js';
export interface LintOptions {
    cwd?: string;
    /** Use this configuration instead of looking for one. */
    config?: Config;
    /** --config FILE */
    configFile?: string;
    /** The language scanners to run (default: all of them); tests inject failing ones here. */
    scanners?: readonly Scanner[];
    /** The rules to run (default: the whole catalog). */
    rules?: readonly AnyRule[];
}
export interface LintResult {
    findings: Finding[];
    diagnostics: Diagnostic[];
    policies: CorsPolicy[];
    /** Number of files discovered / parsed (after the prefilter). */
    stats: {
        filesDiscovered: number;
        filesScanned: number;
    };
    config: Config;
    configFile?: string;
    /** Findings dropped by inline suppressions. */
    suppressed: number;
    /** Frontends found in the repository and the backend policies they call (src/frontend). */
    frontends?: FrontendContext;
    /** Proxy routes found (nginx locations that forward, Ingress paths, Traefik routers). */
    routes?: ProxyRoute[];
    /** The routes linked to the applications behind them (src/paths). */
    paths?: DeployedPath[];
}
/** The whole pipeline: discover -> prefilter -> parse+extract -> rules -> filter. */
export declare function lint(paths: string[], options?: LintOptions): Promise<LintResult>;
export declare function compareFindings(a: Finding, b: Finding): number;
/** The cwd, unless a path lies outside it: then the deepest folder holding all paths. */
export declare function scanRoot(cwd: string, inputs: string[]): string;
