import { type LintOptions, type LintResult } from '../lint.js';
import type { Diagnostic, FixEdit } from '../model/types.js';
import { isApplicable } from './apply.js';
export { isApplicable };
export interface FixOptions {
    /** Also apply fixes marked unsafe (--unsafe-fixes). */
    unsafe: boolean;
    /** false: compute the patch only (--diff); nothing is written. */
    write: boolean;
    /** Re-lint rounds after applying, for fixes that overlapped others (Ruff: 100; ours rarely need 2). */
    maxRounds?: number;
    /** Which findings are reported, and so fixed: the baseline hides recorded ones (default: all). */
    select?: (result: LintResult) => LintResult;
}
export interface FileChange {
    file: string;
    before: string;
    after: string;
    /** The edits from `before` to `after` (one round: --diff), for building a patch. */
    edits: FixEdit[];
}
export interface FixRun {
    /** The lint result after the fixes (with --diff: before them; nothing was changed), after `select`. */
    result: LintResult;
    /** Number of findings whose fix was applied. */
    fixed: number;
    changes: FileChange[];
    /** One `fix-skipped` per file whose fix could not be applied (would not parse, not UTF-8, changed meanwhile). */
    diagnostics: Diagnostic[];
    /** A unified diff of every change (empty when nothing would change). */
    patch: string;
}
/**
 * Lint, apply the applicable fixes file by file, check each fixed file still parses with the same
 * parser, write it, and lint again until no fix applies (bounded). With `write: false` one round is
 * computed in memory and returned as a patch; fixes that overlap another wait for the next --fix round.
 */
export declare function lintAndFix(paths: string[], lintOptions: LintOptions, options: FixOptions): Promise<FixRun>;
