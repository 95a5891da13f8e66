import type { Diagnostic, Span } from '../../model/types.js';
/** One argument (or the name) of a directive, after nginx's quote and escape handling. */
export interface NginxWord {
    /** The value nginx sees: quotes removed, `\"` `\'` `\\` `\t` `\r` `\n` unescaped. */
    value: string;
    /** The text exactly as written. */
    raw: string;
    /** The quote character when the word was written in quotes. */
    quote?: '"' | "'";
    span: Span;
    /** The template marker the word holds (`{{ origin }}`, `<%= x %>`, `${ORIGIN}` in a template, `__ORIGIN__`). */
    templated?: string;
}
export interface NginxDirective {
    name: string;
    nameSpan: Span;
    args: NginxWord[];
    /** From the first character of the name to the `;` or `{` that ends the header (inclusive). */
    span: Span;
    /** Children of a `{ ... }` block; undefined for a simple directive. */
    block?: NginxDirective[];
    /** From the name to the closing `}` (or the end of file when it is missing). */
    blockSpan?: Span;
    /** Raw body of a `*_by_lua_block { ... }` (not parsed as nginx). */
    rawBody?: string;
    /** Display path of the file the directive is written in. */
    file: string;
}
export interface NginxParseResult {
    directives: NginxDirective[];
    diagnostics: Diagnostic[];
}
