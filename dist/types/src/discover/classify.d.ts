import type { Language } from '../model/types.js';
/** The language of a file from its name, or undefined when cors-lint does not read it. */
export declare function classify(filePath: string): Language | undefined;
/** Text test for files classified as nginx by folder only: does it look like nginx at all? */
export declare function looksLikeNginx(text: string): boolean;
