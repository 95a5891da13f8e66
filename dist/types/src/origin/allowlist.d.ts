export type AllowEntry = {
    kind: 'exact';
    origin: string;
} | {
    kind: 'null';
} | {
    kind: 'wildcard';
    scheme: string;
    depth: 'one' | 'any';
    base: string;
    port?: number;
    text: string;
};
export interface Allowlist {
    entries: AllowEntry[];
    /** Entries that are neither an origin nor a supported pattern (config validation reports them). */
    invalid: string[];
}
export declare function parseAllowlist(list: readonly string[]): Allowlist;
/** True when the allowlist admits this origin (given as a browser would send it, or as written). */
export declare function allows(allowlist: Allowlist, origin: string): boolean;
/**
 * Origins near the allowlist's edges, for searching a regex for something it accepts that the
 * allowlist does not: siblings, parents, deeper subdomains, other schemes, look-alike suffixes.
 */
export declare function allowlistProbes(allowlist: Allowlist, label?: string): string[];
