import type { Io } from './main.js';
/** `cors-lint check`: answers "would the browser allow this request?" for every policy found. */
export declare function runCheckCli(argv: string[], io: Io): Promise<number>;
