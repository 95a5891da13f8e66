export interface ParsedOrigin {
    scheme: string;
    host: string;
    /** Explicit non-default port, or undefined. */
    port?: number;
}
/** Parses a serialized origin as a browser would send it; undefined when it is not one. */
export declare function parseSerializedOrigin(text: string): ParsedOrigin | undefined;
/** True for `null` and for http(s) origins in the exact form a browser serializes them. */
export declare function isBrowserOrigin(text: string): boolean;
/** Lowercase DNS name or IPv4 address, as browsers serialize hosts (IDNs are punycode). */
export declare function isValidHost(host: string): boolean;
/**
 * Normalizes an origin as written in configuration to the browser's serialization
 * (lowercase scheme and host, default port dropped). Undefined when it is not an origin at all.
 */
export declare function normalizeOrigin(text: string): string | undefined;
export declare function serializeOrigin(o: ParsedOrigin): string;
/**
 * True when an attacker could own this origin: `null`, or a host under a suffix on the Public
 * Suffix List (`example.comevil` is a valid name but nobody can register it).
 */
export declare function isAttackerReachable(origin: string): boolean;
