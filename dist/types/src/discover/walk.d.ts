export interface WalkEntry<T> {
    /** Absolute path as a string (undecodable bytes escaped, see fs-names). */
    absPath: string;
    /** Relative to the walked folder, with `/`. */
    rel: string;
    /** The entry is a symbolic link (never followed into; the caller decides about linked files). */
    symlink: boolean;
    /** What `want` said about the file. */
    tag: T;
}
export interface WalkOptions<T> {
    /**
     * Called once a folder is listed, before its entries are looked at (to read its .gitignore, say);
     * `rel` is '' for the walked folder itself, `names` are its entries.
     */
    enterDir?(absPath: string, rel: string, has: (name: string) => boolean): void;
    /** A folder that is skipped with everything below it (checked before it is read). */
    skipDir(rel: string): boolean;
    /** Only files this tags are reported (no other file is ever stat'ed); `dir` is the folder's `rel`. */
    want(name: string, dir: string, absPath: string): T | undefined;
    /** A folder that cannot be read. */
    onError?(absPath: string, error: unknown): void;
}
/**
 * Lists the files below a folder without following symbolic links (so no loops), in a stable order.
 * Iterative, so depth is no limit; one `readdir` per folder with file types, and a `stat` only for
 * entries whose type the file system does not tell. Every name is kept, whatever bytes it holds.
 */
export declare function walk<T>(dir: string, options: WalkOptions<T>): Array<WalkEntry<T>>;
