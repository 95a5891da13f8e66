import type { NginxParseResult } from './ast.js';
export interface ParseOptions {
    /** The file is a template (`.j2`, `.tmpl`, `.template`...): `${VAR}` is an envsubst marker. */
    template?: boolean;
}
/**
 * Parses one nginx configuration file into directives with exact spans. Never throws: syntax errors
 * become 'parse-error' diagnostics and everything that could be read is kept (missing `}` closes the
 * open blocks at the end of file, a stray `}` is skipped).
 */
export declare function parseNginx(text: string, file: string, options?: ParseOptions): NginxParseResult;
