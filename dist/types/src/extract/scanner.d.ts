import type { CorsPolicy, Diagnostic, Language, ProxyRoute, SourceFile } from '../model/types.js';
import type { PythonParserSetting } from '../parse/python-node.js';
/**
 * Read access to the rest of the scanned tree, for scanners that follow imports or includes.
 * It never leaves the scan root and never executes anything.
 */
export interface Project {
    /** Absolute root of the scan; nothing outside it is read. */
    root: string;
    /** Absolute path -> text, or a diagnostic reason when it cannot be read. Cached. */
    readText(absPath: string): {
        text: string;
    } | {
        error: string;
    };
    /** Display path (relative to cwd, `/`) for an absolute path. */
    displayPath(absPath: string): string;
    /** All files the discovery stage found, with their language (not only the ones that mention CORS). */
    allFiles: ReadonlyArray<{
        absPath: string;
        path: string;
        language: Language;
    }>;
}
/** Run settings a scanner may need (from the configuration and the environment). */
export interface ScanOptions {
    /** Python parser engine (config `parser`, env CORS_LINT_PARSER); default `wasm`. */
    pythonParser?: PythonParserSetting;
    /** Per-file time budget for parse + extract, in ms (config `fileTimeBudgetMs`). */
    fileTimeBudgetMs?: number;
}
export interface ScanResult {
    policies: CorsPolicy[];
    /** Proxy layers that forward to an application (nginx proxy_pass locations); linked in src/paths. */
    routes?: ProxyRoute[];
    diagnostics: Diagnostic[];
}
/** One per language: gets every prefiltered file of its language at once (nginx needs includes, Python imports). */
export interface Scanner {
    language: Language;
    /** Cheap text test: could this file configure CORS? Files that fail it are not parsed. */
    mentionsCors(text: string): boolean;
    /**
     * A test of the raw bytes (read as Latin-1) that passes for every file `mentionsCors` passes, so
     * that files which cannot matter are never decoded or kept. ASCII needles only: in UTF-8 every
     * byte below 0x80 is the character itself, so an ASCII needle is found in the bytes exactly when
     * it is in the text.
     */
    quickCheck: RegExp;
    scan(files: SourceFile[], project: Project, options?: ScanOptions): Promise<ScanResult>;
}
