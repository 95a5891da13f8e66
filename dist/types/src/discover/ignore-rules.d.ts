/**
 * Ignore rules with git's precedence: a folder's .gitignore applies below that folder and overrides
 * the ones above it; the base rules (defaults and configuration) come last. A path inside an ignored
 * folder is ignored whatever later lines say (git never re-includes below an excluded folder).
 * Paths are relative to the scan root, with `/`.
 */
export declare class IgnoreRules {
    private readonly scopes;
    private readonly base;
    private readonly dirCache;
    constructor(baseLines: string[]);
    /** The lines of the .gitignore in folder `scope` ('' for the root). */
    addGitignore(scope: string, lines: string[]): void;
    /** The path itself, with its folders taken as not ignored (the walk never enters an ignored one). */
    ignoresSelf(rel: string, isDir: boolean): boolean;
    /** The path by the base rules alone (its folders taken as not ignored). */
    ignoresBase(rel: string, isDir: boolean): boolean;
    /** The path or any folder above it. */
    ignores(rel: string, isDir: boolean): boolean;
    private ignoresDir;
}
