/**
 * Source nested deeper than this is not parsed: real code stays far below it (CPython itself refuses
 * more than 200 nested parentheses and 100 indentation levels), and the parsers and tree walks behind
 * cors-lint are recursive, so an attacker's 100,000 levels must stop here, with a diagnostic.
 */
export const MAX_CODE_NESTING = 200;

/**
 * The deepest nesting of brackets (and, in Python, indented blocks) in a source text, counted in one
 * pass that skips strings and comments. Approximate where the languages are context-sensitive (a JS
 * regex literal holding a bracket), which only moves a count a little: it is a bound, not a parser.
 */
export function nestingDepth(text: string, language: 'python' | 'js'): number {
  let depth = 0;
  let max = 0;
  let i = 0;
  const n = text.length;
  // Python blocks: the indentation stack of the tokenizer, at the start of each logical line.
  const indents: number[] = [0];
  let lineStart = true;
  while (i < n) {
    const ch = text[i]!;
    if (lineStart && language === 'python' && depth === 0) {
      lineStart = false;
      let width = 0;
      while (i < n && (text[i] === ' ' || text[i] === '\t')) width += text[i++] === '\t' ? 8 : 1;
      if (i < n && text[i] !== '\n' && text[i] !== '\r' && text[i] !== '#') {
        while (indents.length > 1 && width < indents[indents.length - 1]!) indents.pop();
        if (width > indents[indents.length - 1]!) indents.push(width);
        if (indents.length - 1 > max) max = indents.length - 1;
      }
      continue;
    }
    lineStart = false;
    if (ch === '\n') {
      lineStart = true;
      i++;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') {
      depth++;
      const total = depth + (language === 'python' ? indents.length - 1 : 0);
      if (total > max) max = total;
      i++;
      continue;
    }
    if (ch === ')' || ch === ']' || ch === '}') {
      if (depth > 0) depth--;
      i++;
      continue;
    }
    if (language === 'python' && ch === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (language === 'js' && ch === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (language === 'js' && ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
      continue;
    }
    if (ch === '"' || ch === "'" || (language === 'js' && ch === '`')) {
      i = skipString(text, i, language);
      continue;
    }
    i++;
  }
  return max;
}

/** The index just past the string literal that starts at `start` (Python triple quotes included). */
function skipString(text: string, start: number, language: 'python' | 'js'): number {
  const quote = text[start]!;
  const triple = language === 'python' && text.startsWith(quote.repeat(3), start);
  const close = triple ? quote.repeat(3) : quote;
  let i = start + close.length;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (text.startsWith(close, i)) return i + close.length;
    // An unterminated one-line string ends at the line (both languages; template literals span lines).
    if (ch === '\n' && !triple && quote !== '`') return i;
    i++;
  }
  return i;
}

/** The file-skipped message for a text nested too deeply, or undefined. */
export function nestingProblem(text: string, language: 'python' | 'js'): string | undefined {
  const depth = nestingDepth(text, language);
  return depth > MAX_CODE_NESTING ? `nesting deeper than ${MAX_CODE_NESTING} levels (brackets${language === 'python' ? ' and indented blocks' : ''}); not parsed` : undefined;
}
