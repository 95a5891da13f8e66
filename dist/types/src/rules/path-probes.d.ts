import type { CorsPolicy, Span } from '../model/types.js';
import type { DeployedPath } from '../paths/types.js';
import { type PathResponse } from '../paths/respond.js';
import type { HttpRequest, HttpResponse } from '../simulate/types.js';
export interface PathProbe {
    path: DeployedPath;
    app: CorsPolicy;
    origin: string;
    kind: 'preflight' | 'actual';
    request: HttpRequest;
    direct: HttpResponse;
    through: PathResponse;
}
/**
 * For each application behind the path: a credentialed (when the application allows credentials)
 * GET, and the preflight of a PUT with a JSON body, from an allowed origin. Requests whose answer
 * depends on values the scanner could not resolve are left out.
 */
export declare function pathProbes(path: DeployedPath): PathProbe[];
/** Access-Control-Allow-Origin fields of a response. */
export declare function acaoFields(response: HttpResponse): string[];
/** "app/main.py:6 (Starlette CORSMiddleware in FastAPI)". */
export declare function where(span: Span): string;
/** How the route was linked, for messages: "linked by upstream api:8000: compose service api (docker-compose.yml)". */
export declare function linkText(path: DeployedPath): string;
/**
 * One finding per path: the first probe that shows the problem, and how many other applications
 * behind the path show it too (a route linked to none stands in front of all of them).
 */
export declare function firstOfPath(failing: readonly PathProbe[]): {
    probe: PathProbe;
    more: string;
} | undefined;
