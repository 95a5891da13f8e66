import type { CorsPolicy, OriginEntry, Valued } from '../model/types.js';
/** True when the option is not written, so the library default applies. */
export declare function notWritten<T>(v: Valued<T>): boolean;
export declare function valueOf<T>(v: Valued<T>, libraryDefault: T, what: string): T;
/** Origin entries; any unresolved entry makes the answer unknown. */
export declare function knownOrigins(policy: CorsPolicy): OriginEntry[];
export declare function libraryOption<T extends string | number | boolean | null>(policy: CorsPolicy, name: string, fallback: T): T;
/** `major.minor.patch` -> comparable tuple; missing parts are 0; non-numeric suffixes (rc1) ignored. */
export declare function parseVersion(version: string): [number, number, number];
/** version >= min; an absent version means the newest release, so it is always >= min. */
export declare function atLeast(version: string | undefined, min: string): boolean;
