import type { Span } from '../model/types.js';
/** What the browser is asked to do: a `fetch()` from a page on `origin`. */
export interface SimRequest {
    /** The page's origin. Absent = no Origin header (same-origin navigation, curl, server-to-server). */
    origin?: string;
    /** The request method as the page wrote it (the browser normalizes the six standard ones). */
    method: string;
    /** credentials: 'include'. The browser then also sends a Cookie header (assumed to have cookies). */
    credentials: boolean;
    /** Whether a credentialed request carries a Cookie header; default true (false: no cookie set yet, e.g. the login call). */
    cookie?: boolean;
    /** Headers the page sets: `X-Token` or `Content-Type: application/json`. A name without a value is not safelisted. */
    requestHeaders: string[];
    /** Force (true) or suppress (false) the preflight; absent = decided by the Fetch standard. */
    preflight?: boolean;
    /** Request path, for policies scoped to a path (nginx locations, Flask-CORS resources). Default `/`. */
    path?: string;
    /** Status the application (or upstream) answers the actual request with. Default 200. */
    appStatus?: number;
}
/** One HTTP request as it goes over the wire; header names lowercase. */
export interface HttpRequest {
    method: string;
    path: string;
    headers: Record<string, string>;
}
/** A response as the CORS layer shapes it; header names lowercase, repeated fields as arrays. */
export interface HttpResponse {
    /**
     * The status code; null when the CORS layer does not decide it and the scanner could not see
     * who does (application code behind manual headers).
     */
    status: number | null;
    headers: Record<string, string | string[]>;
    /** Where the emitted headers are written (nginx add_header lines, manual header calls), by lowercase name. */
    headerSpans?: Record<string, Span>;
    /** Short explanation of who produced the response (`CORSMiddleware preflight`, `route handler`). */
    producedBy?: string;
    /** A fact about this answer worth telling the user (Starlette echoes only because of the Cookie). */
    note?: string;
    /** Why the status is not 2xx, when the CORS layer rejects (Starlette "Disallowed CORS method"). */
    statusCause?: 'origin' | 'methods' | 'headers';
}
export interface Exchange {
    request: HttpRequest;
    response: HttpResponse;
}
export interface Verdict {
    /** 'unknown' when the outcome depends on something the scanner could not resolve. */
    allowed: boolean | 'unknown';
    /** In the words of the browser console (Chromium) for a blocked request; an explanation otherwise. */
    reason: string;
    /** The configuration that decides the verdict. */
    span?: Span;
}
export interface SimResult {
    /** The preflight the browser sends first, or null when none is needed. */
    preflight: Exchange | null;
    /** The actual request and its response (computed even when the preflight already fails). */
    actual: Exchange | null;
    verdict: Verdict;
}
/** Thrown by a responder when the answer depends on a value the scanner left unknown. */
export declare class UnknownBehaviour extends Error {
    readonly why: string;
    readonly span?: Span | undefined;
    constructor(why: string, span?: Span | undefined);
}
