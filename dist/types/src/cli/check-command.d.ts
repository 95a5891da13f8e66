import type { Io } from './main.js';
/** `cors-lint check`: wired to the simulator. */
export declare function runCheckCli(argv: string[], io: Io): Promise<number>;
