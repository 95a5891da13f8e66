import type { NginxParseResult } from './ast.js';
export interface ParseOptions {
    /** The file is a template (`.j2`, `.tmpl`, `.template`...): `${VAR}` is an envsubst marker. */
    template?: boolean;
    /** Deeper nesting skips the file with a diagnostic (real configurations nest a handful of levels). */
    maxNesting?: number;
}
/** nginx configurations nest http > server > location > if: a few levels; hundreds is an attack. */
export declare const MAX_NGINX_NESTING = 100;
/**
 * Parses one nginx configuration file into directives with exact spans. Never throws: syntax errors
 * become 'parse-error' diagnostics and everything that could be read is kept (missing `}` closes the
 * open blocks at the end of file, a stray `}` is skipped).
 */
export declare function parseNginx(text: string, file: string, options?: ParseOptions): NginxParseResult;
