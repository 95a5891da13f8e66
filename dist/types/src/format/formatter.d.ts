import type { LintResult } from '../lint.js';
export interface FormatContext {
    result: LintResult;
    /** Absolute current directory: finding paths are relative to it. */
    cwd: string;
    /** ANSI colours (text format only). */
    color: boolean;
}
/** A formatter turns a whole run into the text written to stdout or --output. */
export type Formatter = (context: FormatContext) => string;
