import type { ContextFile } from '../environment/context-files.js';
import type { CorsPolicy, Diagnostic, ProxyRoute } from '../model/types.js';
export interface ProxyReadContext {
    /** Text of a file, undefined when it cannot be read (the walk already reported it). */
    readText(absPath: string): string | undefined;
    /** Display path (relative to cwd, `/`). */
    display(absPath: string): string;
    diagnostics: Diagnostic[];
}
export interface ProxyReading {
    /** The CORS policies the layer applies (stack ingress-nginx or traefik); spans point into the YAML/TOML. */
    policies: CorsPolicy[];
    /** Every route that forwards to an application, with or without CORS of its own. */
    routes: ProxyRoute[];
}
/** One reader per proxy kind. Never throws for bad input: a broken file is one parse-error diagnostic. */
export type ProxyReader = (files: readonly ContextFile[], context: ProxyReadContext) => ProxyReading;
