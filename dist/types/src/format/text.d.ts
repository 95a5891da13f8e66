import type { Finding } from '../model/types.js';
import type { Formatter } from './formatter.js';
/** Human output: findings grouped by file, `line:col severity message [rule-id]`, a code frame, a summary. */
export declare const formatText: Formatter;
/**
 * File names may hold newlines and other control characters: one finding stays one line, with them
 * written as escapes (\n, \t, \xNN).
 */
export declare function printable(text: string): string;
/** "N fixable with --fix", and how many more --unsafe-fixes would fix; undefined when nothing is fixable. */
export declare function fixableLine(findings: Finding[], unsafeFixes: boolean): string | undefined;
/**
 * Word-wraps a message to `width` columns; continuation lines are indented to `lead` (the column the
 * message starts at). Never breaks inside a word; no wrapping without a width.
 */
export declare function wrap(text: string, width: number | undefined, lead: number): string;
