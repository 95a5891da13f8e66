import type { CorsPolicy, OriginEntry, Span } from '../model/types.js';
import { libraryLabel } from './policy-facts.js';
export { libraryLabel };
/** The library as the subject of a sentence ("npm cors in Express sends …", "the Express handler sends …"). */
export declare function actorLabel(policy: CorsPolicy): string;
/**
 * What a wildcard origin with credentials turns into, per library (read from each library's source):
 * - 'echo': the library replaces `*` with the request Origin and adds `Allow-Credentials: true`
 *   (Starlette; django-cors-headers middleware.py sends the origin unless ALLOW_ALL without
 *   credentials; @koa/cors sets origin = request Origin when credentials && origin === '*').
 * - 'literal': `*` and `true` are both sent; browsers refuse credentialed requests
 *   (npm cors, @fastify/cors, manual headers, nginx).
 * - 'startup-error': Flask-CORS raises ValueError for send_wildcard with supports_credentials
 *   (flask_cors/core.py); its plain `*` (no send_wildcard) reflects instead, a reflected-origin case.
 */
export declare function wildcardWithCredentialsEffect(policy: CorsPolicy): 'echo' | 'literal' | 'startup-error';
/** Starlette before 1.0 echoes the origin for `*` only when the request carries a Cookie header. */
export declare function starletteEchoCondition(policy: CorsPolicy): string;
/** The span a rule should point at for one origin entry. */
export declare function originSpan(policy: CorsPolicy, entry: OriginEntry): Span;
/** Credentials are on (true), off (false), or unknown. */
export declare function credentialsOn(policy: CorsPolicy): boolean | 'unknown';
/** " (default taken from the environment variable X)" style suffix for env-driven values. */
export declare function provenanceNote(entry: {
    envDriven?: boolean;
    source?: string;
    definedAt?: Span;
}): string;
/** Traefik echoes the Origin for `*` with credentials from v3.6.22 / v3.7.6 on (src/proxy/traefik/versions.ts). */
export declare function traefikEchoCondition(policy: CorsPolicy): string;
