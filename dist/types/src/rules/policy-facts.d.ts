import type { CorsPolicy, EmittedHeader, Library, Span, Stack } from '../model/types.js';
/** How messages name the software that writes the CORS headers. */
export declare const LIBRARY_NAMES: Record<Library, string>;
export declare const STACK_NAMES: Record<Stack, string>;
/** "Starlette CORSMiddleware in FastAPI", "npm cors in Express", "hand-written headers in Koa", "Flask-CORS", "nginx". */
export declare function libraryLabel(policy: CorsPolicy): string;
/** "location /api", "app", "route /items": the part of the configuration a policy covers. */
export declare function scopeLabel(policy: CorsPolicy): string;
export declare function isHeader(name: string, wanted: string): boolean;
/** The Access-Control-Allow-Origin writes among the policy's literal headers (names compare case-insensitively). */
export declare function acaoHeaders(policy: CorsPolicy): EmittedHeader[];
/**
 * The origins one header value lists: browsers want exactly one origin (or `*`) in
 * Access-Control-Allow-Origin, so two or more entries here mean the browser rejects the value.
 * Entries are separated by commas and/or whitespace (both are seen in real configurations).
 */
export declare function listedOrigins(value: string): string[];
/** Does a write of this header add a second field (true) or overwrite the earlier one (false)? */
export declare function addsField(policy: CorsPolicy, header: EmittedHeader): boolean;
/**
 * Whether the library answers an allowed `*` by echoing the request Origin instead of sending `*`:
 * - Starlette CORSMiddleware: echoes when the request carries a Cookie (0.4.1–0.52) or whenever
 *   allow_credentials=True (1.0 and later).
 * - Flask-CORS: reflects the request Origin for `*` unless send_wildcard=True; its scanner already
 *   describes that echo as a 'reflect' origin, so an 'any' entry there is the literal `*`.
 * - django-cors-headers (CORS_ALLOW_ALL_ORIGINS) and @koa/cors (origin '*'): echo when credentials are on.
 * - Traefik headers middleware (v3.7 header.go matchOrigin): `*` in accessControlAllowOriginList is
 *   answered with the request Origin when accessControlAllowCredentials is true (v3.6.22 / v3.7.6 and
 *   later; before, `*` is sent with the credentials header, which browsers refuse); a `*` written as a
 *   customResponseHeaders value is sent verbatim.
 * - npm cors, @fastify/cors, nginx, hand-written headers: send the literal `*`.
 */
export declare function wildcardEchoes(policy: CorsPolicy): boolean | 'unknown';
export type OriginDependence = {
    depends: true;
    how: string;
    span?: Span;
} | {
    depends: false;
} | {
    depends: 'unknown';
    why: string;
};
/**
 * Does the Access-Control-Allow-Origin value this policy sends depend on the request Origin?
 * True for an echo (reflection, regex- or membership-gated echo, an nginx `$http_origin` / map /
 * `if` value) and for any choice between two or more different values. False for one fixed origin
 * or `*`. 'unknown' when an origin could not be resolved and nothing else shows a dependence.
 */
export declare function originDependsOnRequest(policy: CorsPolicy): OriginDependence;
