/**
 * One line of a .gitignore, compiled to a regular expression with git's wildmatch semantics
 * (gitignore(5)): `*` and `?` never cross `/`, `[...]` classes (with `!`/`^` negation and POSIX
 * names), `**` as a whole path component, `\` escapes, a trailing `/` for folders only, and a pattern
 * with a `/` before its end anchored to the folder of the .gitignore.
 */
export interface GitignorePattern {
    negated: boolean;
    /** A trailing `/`: matches folders only. */
    dirOnly: boolean;
    /**
     * A `/` before the end: matched against the whole path relative to the .gitignore's folder.
     * Otherwise against the last component only, at any depth.
     */
    anchored: boolean;
    /** Regular expression body (no anchors) for the path or the name. */
    source: string;
    /** The pattern is this literal text (`node_modules`, `src/generated`): a set lookup. */
    literal?: string;
    /** The pattern is `*` followed by this literal text (`*.log`): a suffix test. */
    suffix?: string;
}
/** Undefined for blank lines and comments. */
export declare function parseGitignoreLine(line: string): GitignorePattern | undefined;
