import type { CorsPolicy, Library, PolicyScope, Span, Stack, Valued } from './types.js';
/** A value the configuration does not write: the library's default applies. */
export declare function byDefault<T>(value: T): Valued<T>;
export declare function unknownValue<T>(why: string, span?: Span): Valued<T>;
/**
 * A policy with every field present. Scanners start from this and fill in what the configuration
 * says; the defaults here are "nothing allowed", never a guess at a library's default.
 */
export declare function newPolicy(init: {
    stack: Stack;
    library: Library;
    span: Span;
    scope: PolicyScope;
}): CorsPolicy;
/** True, false, or 'unknown' for the credentials flag. */
export declare function credentialsOf(policy: CorsPolicy): boolean | 'unknown';
export declare function describeScope(policy: CorsPolicy): string;
