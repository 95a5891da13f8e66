import type { CorsPolicy } from '../../model/types.js';
import type { HttpRequest, HttpResponse } from '../types.js';
/** What stands behind the CORS layer: the route handler (or upstream) answers with this status. */
export interface AppBehind {
    status: number;
}
/**
 * One library's CORS layer: the response it produces for one HTTP request.
 * Throws UnknownBehaviour when the answer depends on a value the scanner could not resolve.
 */
export type Responder = (policy: CorsPolicy, request: HttpRequest, app: AppBehind) => HttpResponse;
