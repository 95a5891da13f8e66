import type { Formatter } from './formatter.js';
/**
 * The JSON contract other tools read: findings with relative `/` paths and 1-based positions,
 * diagnostics, and a summary. Fields are only ever added, never renamed.
 */
export declare const formatJson: Formatter;
