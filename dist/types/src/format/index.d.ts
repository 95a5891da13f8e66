import type { Formatter } from './formatter.js';
/** Every output format, by its --format name. */
export declare const formatters: Record<string, Formatter>;
