import type { Span } from '../../model/types.js';
/** Offsets -> 1-based line/column (UTF-16 columns, like editors and SARIF). */
export declare class LineIndex {
    private readonly starts;
    constructor(text: string);
    position(offset: number): {
        line: number;
        column: number;
    };
    /** Span of text[start, end) — end exclusive, so endColumn is the column just after the last char. */
    span(file: string, start: number, end: number): Span;
}
