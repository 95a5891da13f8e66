import type { CorsPolicy, Diagnostic, Span } from '../model/types.js';
import { type HeaderBag } from '../simulate/header-bag.js';
import type { HttpRequest, SimRequest, SimResult } from '../simulate/types.js';
import type { DeployedPath } from '../paths/types.js';
import { type CheckArgs } from './args.js';
export declare const CHECK_EXIT_ALLOWED = 0;
export declare const CHECK_EXIT_BLOCKED = 1;
export declare const CHECK_EXIT_USAGE = 2;
/** One policy's answer. The first six fields are the JSON output; `detail` feeds the text output. */
export interface CheckResult {
    location: {
        file: string;
        line: number;
    };
    stack: string;
    allowed: boolean;
    reason: string;
    preflight: {
        status: number | null;
        headers: HeaderBag;
    } | null;
    response: {
        headers: HeaderBag;
    };
    /** Set when the origin comes from a frontend found in the repository (no --origin given). */
    caller?: {
        origin: string;
        frontend: string;
        environment?: string;
    };
    /** Set for a deployed path: the layers the request passes and which one answered. */
    path?: {
        layers: Array<{
            role: 'proxy' | 'app';
            label: string;
            file: string;
            line: number;
        }>;
        how: string;
        linked: boolean;
        preflightDecidedBy?: 'proxy' | 'app';
        actualDecidedBy?: 'proxy' | 'app';
    };
    detail: {
        column: number;
        library: string;
        libraryVersion?: string;
        libraryVersionSource?: string;
        scope: string;
        /** The allowed verdict was 'unknown' (reported as allowed: false). */
        unknown: boolean;
        responsible?: Span;
        preflightRequest?: HttpRequest;
        preflightProducedBy?: string;
        actualRequest?: HttpRequest;
        actualStatus?: number | null;
        actualProducedBy?: string;
    };
}
export interface CheckRun {
    results: CheckResult[];
    exitCode: number;
    /** Parse errors and skipped files from the scan. */
    diagnostics: Diagnostic[];
    /** The simulated request, as given. */
    request: SimRequest;
    /** Set when exitCode is 2. */
    error?: string;
    /**
     * No --origin was given and the repository holds frontends: their origins were used, one request
     * per frontend and backend policy its API URL reaches. `proxied`: same-origin through a dev proxy.
     */
    fromFrontends?: Array<{
        origin: string;
        frontend: string;
        how: string;
        backend: string;
        proxied?: string;
    }>;
}
export declare function checkPolicy(policy: CorsPolicy, request: SimRequest, sim?: SimResult): CheckResult;
/**
 * Runs the check: every CORS policy under args.paths against the request. Exit code 0 when every
 * policy allows it, 1 when any does not (or no policy is found), 2 for usage errors.
 */
export declare function runCheck(args: CheckArgs): Promise<CheckRun>;
/** One result per application behind the path (the proxy alone when it forwards to none the scan found). */
export declare function checkPath(path: DeployedPath, request: SimRequest): CheckResult[];
