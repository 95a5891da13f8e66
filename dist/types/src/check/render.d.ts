import type { SimRequest } from '../simulate/types.js';
import type { CheckResult } from './run-check.js';
export interface RenderContext {
    /** The simulated request, for the header line of the text output. */
    request?: SimRequest;
    /** To read source lines for the text output; default process.cwd(). */
    cwd?: string;
    /** The origins came from the repository's frontends (no --origin given). */
    fromFrontends?: Array<{
        origin: string;
        frontend: string;
        how: string;
        backend: string;
        proxied?: string;
    }>;
}
export declare function renderCheck(results: CheckResult[], format: 'text' | 'json', ctx?: RenderContext): string;
