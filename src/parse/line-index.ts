import type { Span } from '../model/types.js';

/** Offsets -> 1-based line/column (UTF-16 columns, like editors and SARIF). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  /** Offset where the 1-based line starts, or undefined past the last line. */
  lineStart(line: number): number | undefined {
    return this.starts[line - 1];
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  /** Span of text[start, end) — end exclusive, so endColumn is the column just after the last char. */
  span(file: string, start: number, end: number): Span {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}
