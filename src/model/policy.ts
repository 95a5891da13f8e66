import type { CorsPolicy, Library, PolicyScope, Span, Stack, Valued } from './types.js';

/** A value the configuration does not write: the library's default applies. */
export function byDefault<T>(value: T): Valued<T> {
  return { value, isDefault: true };
}

export function unknownValue<T>(why: string, span?: Span): Valued<T> {
  return { value: 'unknown', why, span };
}

/**
 * A policy with every field present. Scanners start from this and fill in what the configuration
 * says; the defaults here are "nothing allowed", never a guess at a library's default.
 */
export function newPolicy(init: {
  stack: Stack;
  library: Library;
  span: Span;
  scope: PolicyScope;
}): CorsPolicy {
  return {
    ...init,
    origins: [],
    credentials: byDefault(false),
    allowMethods: byDefault<string[]>([]),
    allowHeaders: byDefault<string[]>([]),
    exposeHeaders: byDefault<string[]>([]),
    maxAge: unknownValue<number>('not set'),
    varyOrigin: byDefault(false),
    preflight: byDefault('handled'),
    headersOnErrors: byDefault(true),
  };
}

/** True, false, or 'unknown' for the credentials flag. */
export function credentialsOf(policy: CorsPolicy): boolean | 'unknown' {
  return policy.credentials.value;
}

export function describeScope(policy: CorsPolicy): string {
  const { scope } = policy;
  return scope.name ?? scope.path ?? scope.kind;
}
