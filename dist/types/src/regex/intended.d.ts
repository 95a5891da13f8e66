import { type Template } from './skeleton.js';
export interface IntendedOrigin {
    /** The template rendered with wildcards as `*`, for messages: `https://*.example.com`. */
    display: string;
    /** Literal scheme, or undefined when the pattern does not fix one. */
    scheme?: string;
    /** Host with wildcard markers. */
    host: string;
    isNull: boolean;
    /** For a wildcard host: the domain the wildcard hangs under (`example.com`), '' for match-all. */
    base?: string;
    /** How `base` relates to the Public Suffix List. */
    baseKind?: 'site' | 'icann-suffix' | 'private-suffix';
}
export declare function intendedOrigins(templates: readonly Template[]): IntendedOrigin[];
export declare function suffixKind(domain: string): 'site' | 'icann-suffix' | 'private-suffix';
/** Registrable domain with private suffixes honoured (`a.vercel.app` is its own site); IPs and `localhost` are their own. */
export declare function siteOf(host: string): string;
/** True when `origin` is one the pattern's author meant to trust. */
export declare function isMeant(origin: string, intended: readonly IntendedOrigin[]): boolean;
