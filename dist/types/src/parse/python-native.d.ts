import type { PyParser } from './python-node.js';
/** The native Python parser, or why it cannot be loaded. Tried once per process. */
export declare function loadNativePython(): {
    parser: PyParser;
} | {
    error: string;
};
