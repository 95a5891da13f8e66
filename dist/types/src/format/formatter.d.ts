import type { LintResult } from '../lint.js';
export interface FormatContext {
    result: LintResult;
    /** Absolute current directory: finding paths are relative to it. */
    cwd: string;
    /** ANSI colours (text format only). */
    color: boolean;
    /** Unsafe fixes count as available (--unsafe-fixes): marked `[*]`, offered as suggestions. */
    unsafeFixes?: boolean;
    /** Findings fixed by --fix before this report (text: the closing line). */
    fixed?: number;
    /** Wrap text output at this many columns (undefined or 0: never). */
    width?: number;
}
/** A formatter turns a whole run into the text written to stdout or --output. */
export type Formatter = (context: FormatContext) => string;
