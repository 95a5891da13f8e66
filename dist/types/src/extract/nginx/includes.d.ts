import type { Diagnostic } from '../../model/types.js';
import type { Project } from '../scanner.js';
import { type NginxDirective } from '../../parse/nginx/index.js';
/** Include chains deeper than this are cut (real ones are two or three files deep). */
export declare const MAX_INCLUDE_DEPTH = 16;
/** A repository whose includes multiply (each file including the next many times) is cut here. */
export declare const MAX_EXPANDED_DIRECTIVES = 200000;
export interface ParsedFile {
    absPath: string;
    path: string;
    directives: NginxDirective[];
}
/**
 * Reads and parses nginx files once each, and inlines `include` directives the way nginx does:
 * relative paths resolve against the directory of the top-level configuration (nginx's conf prefix,
 * ngx_conf_full_name(cycle, name, 1) in src/core/ngx_conf_file.c), globs expand to a sorted list and may
 * match nothing, a file outside the scan root is not read, cycles are cut.
 */
export declare class IncludeLoader {
    private readonly project;
    private readonly parsed;
    /** Directives inlined from includes so far: files included many times over are a bounded cost. */
    private expandedCount;
    /** Diagnostics, each reported once however often a file is included. */
    private readonly reported;
    constructor(project: Project);
    get diagnostics(): Diagnostic[];
    private report;
    load(absPath: string, knownText?: string): ParsedFile | {
        error: string;
    };
    /**
     * Absolute paths an include argument names, in nginx's order. An absolute path under a standard
     * configuration directory (`/etc/nginx/conf.d/*.conf`, as Docker images lay it out) is looked up
     * beside the top-level file when the repository holds it there.
     */
    resolveInclude(pattern: string, prefixDir: string): {
        files: string[];
        glob: boolean;
    };
    private resolvePath;
    /** The paths a file includes directly (resolved against prefixDir), without reading them. */
    directIncludes(file: ParsedFile, prefixDir: string): string[];
    /**
     * The file's directives with every include replaced by the included directives (recursively).
     * `reached` collects every file read on the way.
     */
    expand(absPath: string, prefixDir: string, reached: Set<string>, knownText?: string): NginxDirective[];
    private expandList;
    private expandInclude;
}
