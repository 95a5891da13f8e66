import type { NginxWord } from '../../parse/nginx/index.js';
/** An `if (...)` condition of the rewrite module (ngx_http_rewrite_if_condition). */
export type Condition = {
    kind: 'compare';
    variable: string;
    op: '=' | '!=';
    value: string;
    text: string;
} | {
    kind: 'regex';
    variable: string;
    op: '~' | '~*' | '!~' | '!~*';
    pattern: string;
    text: string;
    patternWord?: NginxWord;
} | {
    kind: 'truthy';
    variable: string;
    text: string;
} | {
    kind: 'other';
    text: string;
};
/** nginx strips the `(` of the first word and the `)` of the last one. */
export declare function parseCondition(values: string[], words?: NginxWord[]): Condition;
export declare function varName(ref: string): string;
/** A JavaScript RegExp for an nginx (PCRE) pattern, or undefined when it uses syntax JS lacks. */
export declare function toJsRegex(pattern: string, ignoreCase: boolean): RegExp | undefined;
/** The condition holds? `undefined` when the scanner cannot tell. `get` returns a variable's value. */
export declare function evaluateCondition(c: Condition, get: (name: string) => string | undefined): boolean | undefined;
