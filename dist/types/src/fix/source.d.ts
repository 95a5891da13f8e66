import type { Fix, FixApplicability, FixEdit, Span } from '../model/types.js';
/**
 * A file's text as the scanners saw it, with the position arithmetic rules need to build edits.
 * Lines and columns are 1-based, columns in UTF-16 code units (as in every Span).
 */
export declare class SourceText {
    readonly file: string;
    readonly text: string;
    private readonly lines;
    constructor(file: string, text: string);
    /** Offset of a 1-based line and column, or undefined when the position is not in the text. */
    offset(line: number, column: number): number | undefined;
    position(offset: number): {
        line: number;
        column: number;
    };
    /** [start, end) of a span of this file, or undefined when it lies elsewhere or outside the text. */
    range(span: Span): {
        start: number;
        end: number;
    } | undefined;
    slice(span: Span): string | undefined;
    /** The line ending the file uses (its first one), so inserted lines match it. */
    get eol(): string;
    /** The leading whitespace of the line holding `offset`. */
    indentAt(offset: number): string;
    /** The offset just past the end of the line holding `offset` (after its line break), or the text's end. */
    lineEnd(offset: number): number;
    edit(start: number, end: number, replacement: string): FixEdit;
}
/** A fix of one or more edits, or undefined when there is none (so rules can write `fix: fixOf(...)`). */
export declare function fixOf(applicability: FixApplicability, description: string, edits: Array<FixEdit | undefined>): Fix | undefined;
/** What a rule reads the source through; undefined when the run has no text (model-only rule tests). */
export type SourceReader = (file: string) => SourceText | undefined;
/** A reader over a text lookup, building each file's line index once. */
export declare function sourceReader(textOf: (file: string) => string | undefined): SourceReader;
/**
 * A string literal at `span` whose content is exactly `value` as written (no escapes), with its quote
 * and any Python prefix (`r`, `u`), or undefined: an edit inside it then keeps the author's quotes.
 */
export declare function plainStringLiteral(source: SourceText, span: Span, value: string): {
    quote: string;
    prefix: string;
    contentStart: number;
    contentEnd: number;
} | undefined;
/**
 * A fix's edits as one replacement of whole lines (for review tools whose suggestions are line-based,
 * as GitHub's are): [start, end) runs from the start of the first touched line to just past the last
 * one's line break, and `text` is what those lines become. An insertion at the start of a line is
 * attached to the line before it (the line the finding is on), not to the line it pushes down.
 */
export declare function lineWise(source: SourceText, edits: readonly FixEdit[]): {
    start: number;
    end: number;
    text: string;
};
