import type { Diagnostic } from '../../model/types.js';
import { LineIndex } from '../line-index.js';
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
export type Token = {
    kind: 'word';
    value: string;
    raw: string;
    quote?: '"' | "'";
    start: number;
    end: number;
} | {
    kind: ';' | '{' | '}';
    start: number;
    end: number;
} | {
    kind: 'eof';
    start: number;
    end: number;
};
export declare class Lexer {
    private readonly text;
    private readonly file;
    private readonly diagnostics;
    private pos;
    readonly lines: LineIndex;
    constructor(text: string, file: string, diagnostics: Diagnostic[]);
    error(offset: number, message: string): void;
    next(): Token;
    private quoted;
    private word;
    /** After a `*_by_lua_block` name and its `{`: skip the Lua body. Returns the body text. */
    rawLuaBody(openBrace: number): {
        body: string;
        end: number;
    } | undefined;
}
