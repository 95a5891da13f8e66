import type { ContextFile } from '../environment/context-files.js';
import type { ProxyReadContext, ProxyReader, ProxyReading } from './types.js';
/** The readers, one per proxy kind. */
export declare const PROXY_READERS: ReadonlyArray<{
    name: string;
    read: ProxyReader;
}>;
/** A reader that fails costs its own results only: one internal-error diagnostic. */
export declare function readProxyLayers(files: readonly ContextFile[], context: ProxyReadContext, readers?: readonly {
    name: string;
    read: ProxyReader;
}[]): ProxyReading;
