import type { FixEdit } from '../model/types.js';
/**
 * A unified diff (`--- a/file`, `+++ b/file`, hunks with three lines of context) from one file's
 * edits, built from the edited lines themselves. Lines keep their own endings (a CRLF file stays CRLF
 * in the patch), so `git apply` and `patch -p1` reproduce the fixed file exactly.
 */
export declare function unifiedDiff(file: string, before: string, edits: readonly FixEdit[]): string;
