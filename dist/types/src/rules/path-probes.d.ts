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
 * For one application behind the path: a credentialed (when the application allows credentials)
 * GET, and the preflight of a PUT with a JSON body, from an allowed origin. Requests whose answer
 * depends on values the scanner could not resolve are left out.
 */
export declare function appProbes(path: DeployedPath, app: CorsPolicy): PathProbe[];
/** Every probe of every application behind the path. */
export declare function pathProbes(path: DeployedPath): PathProbe[];
/**
 * One finding per path: the first probe that shows the problem, and how many other applications
 * behind the path show it too. A route linked to none stands in front of every application of the
 * repository as a guess: there the first application that shows it is named, and the others are
 * not all probed.
 */
export declare function firstOfPath(path: DeployedPath, shows: (probe: PathProbe) => boolean): {
    probe: PathProbe;
    more: string;
} | undefined;
/** Access-Control-Allow-Origin fields of a response. */
export declare function acaoFields(response: HttpResponse): string[];
/** "app/main.py:6 (Starlette CORSMiddleware in FastAPI)". */
export declare function where(span: Span): string;
/** How the route was linked, for messages: "linked by upstream api:8000: compose service api (docker-compose.yml)". */
export declare function linkText(path: DeployedPath): string;
