import type { Diagnostic, Language } from '../model/types.js';
/** Folders no one wants linted: dependencies, virtualenvs, VCS data, build output, caches. */
export declare const DEFAULT_IGNORES: string[];
export interface DiscoveredFile {
    absPath: string;
    /** Relative to the current directory, with `/`. */
    path: string;
    language: Language;
}
export interface DiscoverOptions {
    cwd: string;
    /** The scan root: nothing outside it is read (symlinks, includes). */
    root: string;
    /** Extra ignore globs from the configuration (relative to the root). */
    ignore?: string[];
    /** Honour .gitignore files (default true). */
    gitignore?: boolean;
    /** Told about each regular file as the walk finds it, before discovery ends (to start reading it). */
    onFile?(absPath: string, displayPath: string, language: Language): void;
}
export interface Discovery {
    files: DiscoveredFile[];
    diagnostics: Diagnostic[];
}
export declare function toDisplayPath(cwd: string, absPath: string): string;
/**
 * Paths (folders or files, as pre-commit passes them) -> files cors-lint reads, with their language.
 * Folders are walked (src/discover/walk.ts); explicit files are taken as given but still honour ignores.
 */
export declare function discover(inputs: string[], options: DiscoverOptions): Discovery;
export declare function safeRealpath(p: string): string | undefined;
/** `candidate` is `root` or below it (both absolute). */
export declare function isInside(root: string, candidate: string): boolean;
