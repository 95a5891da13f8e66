import type { CorsPolicy } from '../model/types.js';
import type { EnvSource } from '../environment/types.js';
export interface LinkReader {
    readText(absPath: string): string | undefined;
    absPath(displayPath: string): string;
    root: string;
}
export interface Address {
    host?: string;
    port: number;
    how: string;
    /** Only the server's default port: used when nothing states a port. */
    weak?: boolean;
}
export declare const LOOPBACK: Set<string>;
/** Ports the server of a policy's code listens on, as the repository states them. */
export declare function backendAddresses(policy: CorsPolicy, sources: readonly EnvSource[], io: LinkReader): Address[];
export declare function reaches(url: string, addresses: Address[]): Address | undefined;
/** The port of an nginx `listen` address as written (`80`, `127.0.0.1:8080`, `[::]:443 ssl`). */
export declare function listenPort(listen: string): number | undefined;
/** The address a host:port reaches: a compose service by name (any of its ports), or a loopback port. */
export declare function reachesHost(host: string, port: number | undefined, addresses: Address[]): Address | undefined;
/**
 * Of the backends a URL reaches, the nearest to the caller in the tree (many projects scanned as
 * one tree: each frontend or proxy links to its own backend), and of those the ones a stated port or service
 * reaches (a server's default port only when nothing states one).
 */
export declare function nearestTo<H extends {
    policy: CorsPolicy;
    hit: Address;
}>(fromDir: string, hits: H[], io: LinkReader): H[];
