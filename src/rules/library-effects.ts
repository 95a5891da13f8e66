import type { CorsPolicy, OriginEntry, Span } from '../model/types.js';
import { libraryLabel, STACK_NAMES, wildcardEchoes } from './policy-facts.js';

export { libraryLabel };

/** The library as the subject of a sentence ("npm cors in Express sends …", "the Express handler sends …"). */
export function actorLabel(policy: CorsPolicy): string {
  return policy.library === 'manual' ? `the ${STACK_NAMES[policy.stack]} handler` : libraryLabel(policy);
}

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
export function wildcardWithCredentialsEffect(policy: CorsPolicy): 'echo' | 'literal' | 'startup-error' {
  if (policy.library === 'flask-cors') return 'startup-error';
  return wildcardEchoes({ ...policy, credentials: { value: true } }) === true ? 'echo' : 'literal';
}

/** Starlette before 1.0 echoes the origin for `*` only when the request carries a Cookie header. */
export function starletteEchoCondition(policy: CorsPolicy): string {
  const major = policy.libraryVersion ? Number.parseInt(policy.libraryVersion, 10) : undefined;
  if (major === undefined || Number.isNaN(major)) {
    return 'whenever the request carries a Cookie (Starlette < 1.0) or always (Starlette >= 1.0)';
  }
  return major >= 1 ? 'for every request (Starlette >= 1.0)' : `whenever the request carries a Cookie (Starlette ${policy.libraryVersion})`;
}

/** The span a rule should point at for one origin entry. */
export function originSpan(policy: CorsPolicy, entry: OriginEntry): Span {
  return entry.span ?? policy.originsSpan ?? policy.span;
}

/** Credentials are on (true), off (false), or unknown. */
export function credentialsOn(policy: CorsPolicy): boolean | 'unknown' {
  return policy.credentials.value;
}

/** " (default taken from the environment variable X)" style suffix for env-driven values. */
export function provenanceNote(entry: { envDriven?: boolean; source?: string; definedAt?: Span }): string {
  if (entry.envDriven) {
    return entry.source
      ? ` (this is the default of ${entry.source}; it applies whenever the environment does not set it)`
      : ' (this is an environment default; it applies whenever the environment does not set it)';
  }
  if (entry.source) return ` (from ${entry.source})`;
  return '';
}

/** Traefik echoes the Origin for `*` with credentials from v3.6.22 / v3.7.6 on (src/proxy/traefik/versions.ts). */
export function traefikEchoCondition(policy: CorsPolicy): string {
  if (policy.libraryVersion) return `for every request (Traefik ${policy.libraryVersion}, ${policy.libraryVersionSource ?? 'the image the repository runs'})`;
  return "for every request (Traefik v3.6.22 / v3.7.6 and later; older releases send '*', which browsers refuse for credentialed requests)";
}
