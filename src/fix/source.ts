import type { Fix, FixApplicability, FixEdit, Span } from '../model/types.js';
import { LineIndex } from '../parse/line-index.js';

/**
 * A file's text as the scanners saw it, with the position arithmetic rules need to build edits.
 * Lines and columns are 1-based, columns in UTF-16 code units (as in every Span).
 */
export class SourceText {
  private readonly lines: LineIndex;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.lines = new LineIndex(text);
  }

  /** Offset of a 1-based line and column, or undefined when the position is not in the text. */
  offset(line: number, column: number): number | undefined {
    const start = this.lines.lineStart(line);
    if (start === undefined) return undefined;
    const offset = start + column - 1;
    const next = this.lines.lineStart(line + 1) ?? this.text.length + 1;
    return column >= 1 && offset < next && offset <= this.text.length ? offset : undefined;
  }

  position(offset: number): { line: number; column: number } {
    return this.lines.position(offset);
  }

  /** [start, end) of a span of this file, or undefined when it lies elsewhere or outside the text. */
  range(span: Span): { start: number; end: number } | undefined {
    if (span.file !== this.file) return undefined;
    const start = this.offset(span.line, span.column);
    const end = this.offset(span.endLine, span.endColumn);
    return start === undefined || end === undefined || end < start ? undefined : { start, end };
  }

  slice(span: Span): string | undefined {
    const r = this.range(span);
    return r && this.text.slice(r.start, r.end);
  }

  /** The line ending the file uses (its first one), so inserted lines match it. */
  get eol(): string {
    const nl = this.text.indexOf('\n');
    return nl > 0 && this.text[nl - 1] === '\r' ? '\r\n' : '\n';
  }

  /** The leading whitespace of the line holding `offset`. */
  indentAt(offset: number): string {
    const { line } = this.position(offset);
    const start = this.lines.lineStart(line)!;
    return /^[ \t]*/.exec(this.text.slice(start))![0];
  }

  /** The offset just past the end of the line holding `offset` (after its line break), or the text's end. */
  lineEnd(offset: number): number {
    const nl = this.text.indexOf('\n', offset);
    return nl === -1 ? this.text.length : nl + 1;
  }

  edit(start: number, end: number, replacement: string): FixEdit {
    const a = this.position(start);
    const b = this.position(end);
    return { file: this.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, start, end, replacement };
  }
}

/** A fix of one or more edits, or undefined when there is none (so rules can write `fix: fixOf(...)`). */
export function fixOf(applicability: FixApplicability, description: string, edits: Array<FixEdit | undefined>): Fix | undefined {
  if (!edits.length || edits.some((e) => e === undefined)) return undefined;
  return { applicability, description, edits: edits as FixEdit[] };
}

/** What a rule reads the source through; undefined when the run has no text (model-only rule tests). */
export type SourceReader = (file: string) => SourceText | undefined;

/** A reader over a text lookup, building each file's line index once. */
export function sourceReader(textOf: (file: string) => string | undefined): SourceReader {
  const cache = new Map<string, SourceText | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      const text = textOf(file);
      cache.set(file, text === undefined ? undefined : new SourceText(file, text));
    }
    return cache.get(file);
  };
}

/**
 * A string literal at `span` whose content is exactly `value` as written (no escapes), with its quote
 * and any Python prefix (`r`, `u`), or undefined: an edit inside it then keeps the author's quotes.
 */
export function plainStringLiteral(source: SourceText, span: Span, value: string): { quote: string; prefix: string; contentStart: number; contentEnd: number } | undefined {
  const r = source.range(span);
  if (!r) return undefined;
  const raw = source.text.slice(r.start, r.end);
  const m = /^([rRuU]?)(["'`])([\s\S]*)\2$/.exec(raw);
  if (!m || m[3] !== value || value.includes(m[2]!) || (m[2] === '`' && value.includes('${'))) return undefined;
  const prefix = m[1]!;
  // Backslashes are written as they are only in a raw string.
  if (value.includes('\\') && prefix.toLowerCase() !== 'r') return undefined;
  return { quote: m[2]!, prefix, contentStart: r.start + prefix.length + 1, contentEnd: r.end - 1 };
}

/**
 * A fix's edits as one replacement of whole lines (for review tools whose suggestions are line-based,
 * as GitHub's are): [start, end) runs from the start of the first touched line to just past the last
 * one's line break, and `text` is what those lines become. An insertion at the start of a line is
 * attached to the line before it (the line the finding is on), not to the line it pushes down.
 */
export function lineWise(source: SourceText, edits: readonly FixEdit[]): { start: number; end: number; text: string } {
  const lineStartOf = (offset: number) => source.offset(source.position(offset).line, 1)!;
  let start = Infinity;
  let end = -Infinity;
  for (const e of edits) {
    const insertionAtLineStart = e.start === e.end && e.column === 1 && e.line > 1;
    const first = insertionAtLineStart ? lineStartOf(e.start - 1) : lineStartOf(e.start);
    const last = insertionAtLineStart ? e.start : source.lineEnd(e.end > e.start && e.endColumn === 1 ? e.end - 1 : e.end);
    start = Math.min(start, first);
    end = Math.max(end, last);
  }
  let text = source.text.slice(start, end);
  for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start - start) + e.replacement + text.slice(e.end - start);
  return { start, end, text };
}
