import type { Diagnostic } from '../../model/types.js';
import { LineIndex } from '../line-index.js';
import { skipLuaBlock } from './lua.js';

/**
 * nginx's configuration lexer rules (ngx_conf_read_token in src/core/ngx_conf_file.c), re-implemented:
 * - words are separated by space, tab, CR, LF; `;` ends a directive, `{` opens a block, `}` closes one;
 * - `#` starts a comment only at the start of a word (`a#b` is one word);
 * - `"` and `'` start a quoted word only at the start of a word, and the closing quote must be followed
 *   by a separator, `;`, `{` or `)`;
 * - a backslash protects the next character; `\"` `\'` `\\` `\t` `\r` `\n` are unescaped, any other
 *   escape is kept as written;
 * - inside a word, `}` and quotes are ordinary characters and `${` does not open a block.
 */
export type Token =
  | { kind: 'word'; value: string; raw: string; quote?: '"' | "'"; start: number; end: number }
  | { kind: ';' | '{' | '}'; start: number; end: number }
  | { kind: 'eof'; start: number; end: number };

const SPACE = new Set([' ', '\t', '\r', '\n']);

export class Lexer {
  private pos = 0;
  readonly lines: LineIndex;

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly diagnostics: Diagnostic[],
  ) {
    this.lines = new LineIndex(text);
  }

  error(offset: number, message: string): void {
    const { line, column } = this.lines.position(offset);
    this.diagnostics.push({ kind: 'parse-error', file: this.file, message, line, column });
  }

  next(): Token {
    const { text } = this;
    const n = text.length;
    for (;;) {
      while (this.pos < n && SPACE.has(text[this.pos]!)) this.pos++;
      if (this.pos >= n) return { kind: 'eof', start: n, end: n };
      if (text[this.pos] === '#') {
        while (this.pos < n && text[this.pos] !== '\n') this.pos++;
        continue;
      }
      break;
    }
    const start = this.pos;
    const c = text[start]!;
    if (c === '{' && text[start + 1] === '{' && closesOnLine(text, start + 2, '}}')) return this.word(start);
    if (c === ';' || c === '{' || c === '}') {
      this.pos++;
      return { kind: c, start, end: start + 1 };
    }
    if (c === '"' || c === "'") return this.quoted(start, c);
    return this.word(start);
  }

  private quoted(start: number, quote: '"' | "'"): Token {
    const { text } = this;
    const n = text.length;
    let i = start + 1;
    let value = '';
    while (i < n && text[i] !== quote) {
      if (text[i] === '\\' && i + 1 < n) {
        value += unescape(text[i + 1]!);
        i += 2;
        continue;
      }
      value += text[i];
      i++;
    }
    if (i >= n) {
      this.error(start, `unterminated ${quote === '"' ? 'double' : 'single'}-quoted string`);
      this.pos = n;
      return { kind: 'word', value, raw: text.slice(start), quote, start, end: n };
    }
    this.pos = i + 1;
    const after = text[this.pos];
    if (after !== undefined && !SPACE.has(after) && after !== ';' && after !== '{' && after !== ')' && after !== '}') {
      this.error(this.pos, `unexpected "${after}" after a quoted string`);
    }
    return { kind: 'word', value, raw: text.slice(start, i + 1), quote, start, end: i + 1 };
  }

  private word(start: number): Token {
    const { text } = this;
    const n = text.length;
    let i = start;
    let escaped = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 92 /* \\ */ && i + 1 < n) {
        escaped = true;
        i += 2;
        continue;
      }
      // Template value markers are opaque: their inner spaces and braces do not split the word.
      if (c === 123 /* { */ && text.charCodeAt(i + 1) === 123 && closesOnLine(text, i + 2, '}}')) {
        i = text.indexOf('}}', i + 2) + 2;
        continue;
      }
      if (c === 60 /* < */ && text.startsWith('<%=', i) && closesOnLine(text, i + 3, '%>')) {
        i = text.indexOf('%>', i + 3) + 2;
        continue;
      }
      if (c === 36 /* $ */ && text.charCodeAt(i + 1) === 123) {
        const end = text.indexOf('}', i);
        i = end < 0 ? n : end + 1;
        continue;
      }
      if ((c === 32 || c === 9 || c === 13 || c === 10 || c === 59 /* ; */ || c === 123) && i > start) break;
      i++;
    }
    this.pos = i;
    const raw = text.slice(start, i);
    return { kind: 'word', value: escaped ? unescapeAll(raw) : raw, raw, start, end: i };
  }

  /** After a `*_by_lua_block` name and its `{`: skip the Lua body. Returns the body text. */
  rawLuaBody(openBrace: number): { body: string; end: number } | undefined {
    const end = skipLuaBlock(this.text, openBrace);
    if (end < 0) {
      this.error(openBrace, 'unterminated Lua block: no matching "}"');
      this.pos = this.text.length;
      return undefined;
    }
    this.pos = end;
    return { body: this.text.slice(openBrace + 1, end - 1), end };
  }
}

function unescape(c: string): string {
  switch (c) {
    case '"':
    case "'":
    case '\\':
      return c;
    case 't':
      return '\t';
    case 'r':
      return '\r';
    case 'n':
      return '\n';
    default:
      return `\\${c}`;
  }
}

/** A template marker closes on the same line (an unclosed `{{` is ordinary text). */
function closesOnLine(text: string, from: number, close: string): boolean {
  const end = text.indexOf(close, from);
  const lineEnd = text.indexOf('\n', from);
  return end >= 0 && (lineEnd < 0 || end < lineEnd);
}

/** The escapes nginx resolves in a word; any other backslash stays. */
function unescapeAll(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\' && i + 1 < raw.length) {
      out += unescape(raw[i + 1]!);
      i++;
    } else out += raw[i];
  }
  return out;
}
