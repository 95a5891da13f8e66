import type { Formatter } from './formatter.js';
/** Human output: findings grouped by file, `line:col severity message [rule-id]`, a code frame, a summary. */
export declare const formatText: Formatter;
