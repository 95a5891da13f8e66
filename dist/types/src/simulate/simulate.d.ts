import type { CorsPolicy } from '../model/types.js';
import { type HttpRequest, type HttpResponse, type SimRequest, type SimResult } from './types.js';
/** The cookie a credentialed browser request carries (its value does not matter to any CORS layer). */
export declare const SIMULATED_COOKIE = "session=1";
export interface BrowserRequests {
    preflight: HttpRequest | null;
    actual: HttpRequest;
    method: string;
    unsafeHeaders: string[];
    /** Headers the page asked for that the browser will not send. */
    dropped: string[];
}
/** The HTTP requests a browser sends for a fetch() (Fetch standard: main fetch, CORS-preflight fetch). */
export declare function browserRequests(req: SimRequest): BrowserRequests;
/** Who answers the HTTP requests: the policy's own CORS layer, or a whole path (src/paths). */
export type Answerer = (request: HttpRequest, status: number) => HttpResponse;
/**
 * The request path when none is given: a location's own path (so the request reaches the block the
 * policy describes), else `/`.
 */
export declare function defaultPath(policy: CorsPolicy): string;
/**
 * Simulates one browser request against one policy. Never guesses: unresolved values give allowed
 * 'unknown'. `answer` replaces the policy's own CORS layer (a proxy in front of it); the policy still
 * names the configuration a verdict points at when the response does not.
 */
export declare function simulate(policy: CorsPolicy, req: SimRequest, answer?: Answerer): SimResult;
