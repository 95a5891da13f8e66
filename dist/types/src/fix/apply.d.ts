import type { Fix, FixEdit } from '../model/types.js';
/** Which fixes a run applies: safe ones, and unsafe ones with --unsafe-fixes. */
export declare function isApplicable(fix: Fix | undefined, unsafe: boolean): fix is Fix;
/**
 * Applies whole fixes to one file's text, in order of position. A fix whose edits overlap (or touch
 * the same insertion point as) an edit already taken is left for the next round, after a re-lint, as
 * Ruff does; a fix identical to one taken is the same fix reported twice (one constant, two apps): it
 * counts as applied, its edits are made once.
 */
export declare function applyFixes(text: string, fixes: readonly Fix[]): {
    text: string;
    applied: Fix[];
    deferred: Fix[];
};
/** Non-overlapping edits applied from the end, so earlier offsets stay valid. */
export declare function applyEdits(text: string, edits: readonly FixEdit[]): string;
