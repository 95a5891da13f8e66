import type { Diagnostic, Span } from '../model/types.js';
import type { ContextFile } from '../environment/context-files.js';
import type { Frontend, FrontendApiUrl } from './types.js';
export interface FrontendReader {
    readText(absPath: string): string | undefined;
    display(absPath: string): string;
    diagnostics: Diagnostic[];
    /** JS/TS files of the scan (absolute): literal API base URLs in the frontend's code. */
    codeFiles?: readonly string[];
}
export declare function spanAt(text: string, offset: number, length: number, file: string): Span;
export declare function detectFrontends(files: readonly ContextFile[], io: FrontendReader): Frontend[];
/** API base URLs written literally in the frontend's own code (axios.create baseURL, fetch, env fallbacks). */
export declare function codeApiUrls(text: string, display: string): FrontendApiUrl[];
