/**
 * Source nested deeper than this is not parsed: real code stays far below it (CPython itself refuses
 * more than 200 nested parentheses and 100 indentation levels), and the parsers and tree walks behind
 * cors-lint are recursive, so an attacker's 100,000 levels must stop here, with a diagnostic.
 */
export declare const MAX_CODE_NESTING = 200;
/**
 * The deepest nesting of brackets (and, in Python, indented blocks) in a source text, counted in one
 * pass that skips strings and comments. Approximate where the languages are context-sensitive (a JS
 * regex literal holding a bracket), which only moves a count a little: it is a bound, not a parser.
 */
export declare function nestingDepth(text: string, language: 'python' | 'js'): number;
/** The file-skipped message for a text nested too deeply, or undefined. */
export declare function nestingProblem(text: string, language: 'python' | 'js'): string | undefined;
