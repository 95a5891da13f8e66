import type { HeaderBag } from './header-bag.js';
/** Which part of the configuration a failure points at. */
export type Blame = 'origin' | 'credentials' | 'methods' | 'headers' | 'status';
export interface CheckFailure {
    message: string;
    blame: Blame;
}
export declare const PREFLIGHT_PREFIX = "Response to preflight request doesn't pass access control check: ";
export declare const MISSING_ALLOW_ORIGIN = "No 'Access-Control-Allow-Origin' header is present on the requested resource.";
export declare const WILDCARD_WITH_CREDENTIALS = "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.";
export declare const NOT_OK_STATUS = "It does not have HTTP ok status.";
/** Fetch "CORS check" (https://fetch.spec.whatwg.org/#cors-check). null = success. */
export declare function corsCheck(headers: HeaderBag, origin: string, credentials: boolean): CheckFailure | null;
/**
 * Fetch "CORS-preflight fetch" step 7: the CORS check, an ok status, then methods and headers.
 * `unsafeHeaders` are the lowercase CORS-unsafe request-header names of the actual request.
 */
export declare function preflightCheck(status: number, headers: HeaderBag, origin: string, credentials: boolean, method: string, unsafeHeaders: string[]): CheckFailure | null;
