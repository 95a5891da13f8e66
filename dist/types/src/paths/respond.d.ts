import type { CorsPolicy, ProxyRoute } from '../model/types.js';
import type { HttpRequest, HttpResponse, SimRequest, SimResult } from '../simulate/types.js';
export interface PathResponse extends HttpResponse {
    /** Which layer's answer the browser gets: the proxy's own, or the application's as the proxy passed it on. */
    decidedBy: 'proxy' | 'app';
}
/** Throws UnknownBehaviour (from the application's responder) when the answer depends on a value the scanner left unknown. */
export declare function respondThroughRoute(route: ProxyRoute, app: CorsPolicy | undefined, request: HttpRequest, appStatus: number): PathResponse;
/**
 * A browser request through the path to one of its applications: the same verdict as simulate(),
 * with every HTTP request answered through the proxy. Requests go to the route's own path unless
 * one is given.
 */
export declare function simulatePath(route: ProxyRoute, app: CorsPolicy | undefined, req: SimRequest): SimResult;
