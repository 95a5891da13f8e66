import type { Formatter } from './formatter.js';
/** Human output: findings grouped by file, `line:col severity message [rule-id]`, a code frame, a summary. */
export declare const formatText: Formatter;
/**
 * File names may hold newlines and other control characters: one finding stays one line, with them
 * written as escapes (\n, \t, \xNN).
 */
export declare function printable(text: string): string;
