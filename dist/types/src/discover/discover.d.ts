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
    /**
     * Also list the files this names a kind for (environment and frontend files), whatever the
     * .gitignore files say about them: an ignored `.env` is what a developer runs with. Folders the
     * defaults, the configuration or a .gitignore exclude are still never entered.
     */
    context?: {
        kindOf(name: string): string | undefined;
        inFolder(rel: string): boolean;
    };
    /** Told about each regular file as the walk finds it, before discovery ends (to start reading it). */
    onFile?(absPath: string, displayPath: string, language: Language): void;
}
export interface Discovery {
    files: DiscoveredFile[];
    /** With `context`: the files it names a kind for, in walk order. */
    context: Array<{
        absPath: string;
        kind: string;
    }>;
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
