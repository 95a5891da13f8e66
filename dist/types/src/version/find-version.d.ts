import type { CorsPolicy, Library } from '../model/types.js';
export interface VersionInfo {
    /** The version whose behaviour applies; absent when only a range is known and behaviour differs inside it. */
    version?: string;
    /** Display path of the file that pins it. */
    source: string;
    /** How the version was derived (a FastAPI pin, a range). */
    note?: string;
}
/** What the version lookup needs from a project: the root and a way to read files under it. */
export interface VersionProject {
    root: string;
    /** Defaults to reading from disk, refusing paths outside the root. */
    readText?(absPath: string): {
        text: string;
    } | {
        error: string;
    };
    /** Display path -> absolute path for policy spans; defaults to resolving against cwd. */
    allFiles?: ReadonlyArray<{
        absPath: string;
        path: string;
    }>;
    cwd?: string;
    /** Absolute path -> display path, for VersionInfo.source. */
    displayPath?(absPath: string): string;
    /** File names in a folder; defaults to the disk. */
    listDir?(absDir: string): string[];
}
/**
 * The version of `library` that applies to `fileAbs`: walks from the file's folder up to the root
 * and returns the first pin found. Undefined when nothing pins it.
 */
export declare function libraryVersionNear(project: VersionProject, fileAbs: string, library: Library): VersionInfo | undefined;
/**
 * Sets policy.libraryVersion (and libraryVersionSource) from the nearest pin of its library.
 * Policies that already carry a version are left alone. Returns the number of policies annotated.
 */
export declare function annotateVersions(policies: CorsPolicy[], project: VersionProject): number;
