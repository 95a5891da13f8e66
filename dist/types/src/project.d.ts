import { type DiscoveredFile } from './discover/discover.js';
import type { Project } from './extract/scanner.js';
export type MutableProject = Project & {
    remember(absPath: string, text: string): void;
    linesOf(displayPath: string): string[] | undefined;
    textOf(displayPath: string): string | undefined;
};
/**
 * `listFiles` runs on first use of `allFiles`: only the nginx scanner (includers, glob includes) and
 * the version lookup need the whole tree, so runs without them never walk the root a second time.
 * The scanned files' texts are kept for the run (rules quote them, suppressions read them); any
 * other file is read when a scanner asks for it, and only the most recent ones are kept.
 */
export declare function createProject(cwd: string, root: string, listFiles: () => DiscoveredFile[], maxBytes: number): MutableProject;
