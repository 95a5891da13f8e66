/**
 * Why a literal origin can never equal what a browser sends in the Origin header.
 * A serialized origin is `scheme://host[:port]`: lowercase scheme and host, no default port,
 * no path, query, fragment, user-info or whitespace (HTML origin serialization / RFC 6454).
 */
export interface OriginFormProblem {
    id: 'whitespace' | 'several' | 'no-scheme' | 'wildcard-literal' | 'user-info' | 'trailing-slash' | 'path' | 'query' | 'fragment' | 'default-port' | 'uppercase';
    /** Human description of what is wrong. */
    problem: string;
    /** The origin the author most likely meant, when it can be derived. */
    suggestion?: string;
}
export declare function looksLikeSeveralOrigins(text: string): boolean;
export declare function originFormProblems(raw: string): OriginFormProblem[];
/** The host of an origin string, lowercase, or undefined when it does not parse as scheme://host. */
export declare function originHost(origin: string): {
    scheme: string;
    host: string;
    port?: string;
} | undefined;
/** localhost, 127.0.0.0/8, [::1], *.localhost: plain http there cannot be intercepted on the network. */
export declare function isLoopbackHost(host: string): boolean;
