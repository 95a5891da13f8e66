import type { Span } from '../model/types.js';
/** Offsets -> 1-based line/column (UTF-16 columns, like editors and SARIF). */
export declare class LineIndex {
    private readonly starts;
    constructor(text: string);
    /** Offset where the 1-based line starts, or undefined past the last line. */
    lineStart(line: number): number | undefined;
    position(offset: number): {
        line: number;
        column: number;
    };
    /** Span of text[start, end) — end exclusive, so endColumn is the column just after the last char. */
    span(file: string, start: number, end: number): Span;
}
