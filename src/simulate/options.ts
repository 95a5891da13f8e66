// Reads policy values for a responder: a value the configuration does not write takes the
// library's own default; a value the scanner could not resolve stops the simulation with 'unknown'.
import type { CorsPolicy, OriginEntry, Valued } from '../model/types.js';
import { UnknownBehaviour } from './types.js';

/** True when the option is not written, so the library default applies. */
export function notWritten<T>(v: Valued<T>): boolean {
  return Boolean(v.isDefault) || (v.value === 'unknown' && /^not set\b/.test(v.why ?? '') && !v.span);
}

export function valueOf<T>(v: Valued<T>, libraryDefault: T, what: string): T {
  if (notWritten(v)) return libraryDefault;
  if (v.value === 'unknown') throw new UnknownBehaviour(`${what} is not known statically${v.why ? `: ${v.why}` : ''}`, v.span);
  return v.value;
}

/** Origin entries; any unresolved entry makes the answer unknown. */
export function knownOrigins(policy: CorsPolicy): OriginEntry[] {
  for (const entry of policy.origins) {
    if (entry.kind === 'unknown') {
      throw new UnknownBehaviour(`the allowed origins are not known statically: ${entry.why}`, entry.span ?? policy.originsSpan);
    }
    if (entry.kind === 'reflect' && entry.from) {
      throw new UnknownBehaviour(`Access-Control-Allow-Origin is request data the caller chooses (${entry.from}), not derived from the Origin header`, entry.span ?? policy.originsSpan);
    }
  }
  return policy.origins;
}

export function libraryOption<T extends string | number | boolean | null>(policy: CorsPolicy, name: string, fallback: T): T {
  const value = policy.libraryOptions?.[name];
  return value === undefined ? fallback : (value as T);
}

/** `major.minor.patch` -> comparable tuple; missing parts are 0; non-numeric suffixes (rc1) ignored. */
export function parseVersion(version: string): [number, number, number] {
  const parts = version.replace(/^[^\d]*/, '').split(/[.+-]/).map((p) => parseInt(p, 10));
  return [parts[0] || 0, parts[1] || 0, parts[2] || 0];
}

/** version >= min; an absent version means the newest release, so it is always >= min. */
export function atLeast(version: string | undefined, min: string): boolean {
  if (!version) return true;
  const a = parseVersion(version);
  const b = parseVersion(min);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return true;
}
