/** Fetch "normalize a method": only these six are upper-cased (so `patch` stays `patch`). */
export declare function normalizeMethod(method: string): string;
export declare function isSafelistedMethod(method: string): boolean;
/** Headers a page cannot set: the browser drops them silently (Fetch "forbidden request-header"). */
export declare function isForbiddenRequestHeader(name: string): boolean;
/** A header the page sets; `value` undefined when only the name was given. */
export interface PageHeader {
    name: string;
    value?: string;
}
/** `Name` or `Name: value`. */
export declare function parsePageHeader(text: string): PageHeader;
/**
 * Fetch "CORS-safelisted request-header". A header given by name only counts as safelisted for
 * Accept, Accept-Language and Content-Language (their usual values are safe) and as not
 * safelisted for Content-Type and Range, whose safety depends on the value.
 */
export declare function isSafelistedHeader(header: PageHeader): boolean;
/** Fetch "CORS-unsafe request-header names": lowercase, sorted, unique. */
export declare function unsafeHeaderNames(headers: PageHeader[]): string[];
/** Whether the browser sends a preflight before this request (cross-origin, mode "cors"). */
export declare function needsPreflight(method: string, headers: PageHeader[]): boolean;
