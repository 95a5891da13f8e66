export type HeaderBag = Record<string, string | string[]>;
/** Sets (replaces) a header. */
export declare function setHeader(bag: HeaderBag, name: string, value: string): void;
/** Adds another field with the same name (nginx add_header twice, Flask-CORS MultiDict.add). */
export declare function addHeader(bag: HeaderBag, name: string, value: string): void;
/** Appends a field name to Vary unless present (the `vary` npm module, Starlette add_vary_header, Django patch_vary_headers). */
export declare function appendVary(bag: HeaderBag, field: string): void;
/** Starlette MutableHeaders.add_vary_header: joins with ", " and never de-duplicates. */
export declare function appendVaryRaw(bag: HeaderBag, field: string): void;
/** Fetch "get": several fields combine into one value joined by ", "; null when absent. */
export declare function getCombined(bag: HeaderBag, name: string): string | null;
/** The CORS response headers the simulator reports and the conformance tests compare. */
export declare const CORS_RESPONSE_HEADERS: readonly ["access-control-allow-origin", "access-control-allow-credentials", "access-control-allow-methods", "access-control-allow-headers", "access-control-max-age", "access-control-expose-headers", "vary"];
/** Only the CORS headers (and Vary) of a header bag, in a stable order. */
export declare function corsHeadersOf(bag: HeaderBag): HeaderBag;
