import type { Diagnostic } from '../model/types.js';
import type { ContextFile } from './context-files.js';
import { type EnvSource } from './types.js';
export interface SourceReader {
    readText(absPath: string): string | undefined;
    display(absPath: string): string;
}
export declare function readEnvSources(files: readonly ContextFile[], variables: readonly string[], io: SourceReader): {
    sources: EnvSource[];
    diagnostics: Diagnostic[];
};
