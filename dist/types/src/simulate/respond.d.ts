import type { CorsPolicy } from '../model/types.js';
import type { AppBehind } from './responders/responder.js';
import type { HttpRequest, HttpResponse } from './types.js';
/**
 * The response the policy's CORS layer gives to one HTTP request (header names lowercase).
 * `app.status` is what the handler behind the CORS layer answers. Throws UnknownBehaviour when the
 * answer depends on a value the scanner could not resolve.
 */
export declare function respond(policy: CorsPolicy, request: HttpRequest, app?: AppBehind): HttpResponse;
