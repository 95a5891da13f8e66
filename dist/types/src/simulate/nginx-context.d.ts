import type { Block } from '../extract/nginx/blocks.js';
import type { MapDef } from '../extract/nginx/maps.js';
import type { CorsPolicy } from '../model/types.js';
export interface NginxContext {
    /** The server block (or a snippet's top level) the policy's block lives in. */
    server: Block;
    /** The block the policy describes (location, server). */
    block: Block;
    maps: Map<string, MapDef>;
}
export declare function nginxContextOf(policy: CorsPolicy): NginxContext | undefined;
/** For a scanner that already holds the parsed configuration. */
export declare function attachNginxContext(policy: CorsPolicy, context: NginxContext): void;
/**
 * Finds, for every nginx policy without a context, the configuration it was extracted from: each
 * nginx file under `root` is parsed as a top-level configuration (with its includes), and the one
 * that contains the policy's block and reaches the most files wins (the nginx.conf that includes a
 * conf.d piece, rather than the piece on its own). Read-only; nothing is executed.
 */
export declare function attachNginxContexts(policies: CorsPolicy[], options: {
    root: string;
    cwd: string;
}): number;
