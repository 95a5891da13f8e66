import type { Diagnostic, Span } from '../model/types.js';
import { type EnvSetting, type EnvSource } from './types.js';
export interface ComposeContext {
    absPath: string;
    display(absPath: string): string;
    readText(absPath: string): string | undefined;
}
export declare function readCompose(text: string, ctx: ComposeContext): {
    sources: EnvSource[];
    diagnostics: Diagnostic[];
};
/** Compose interpolation: `$$` is a literal `$`; `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `$VAR`. */
export declare function interpolate(raw: string, span: Span, env: Map<string, EnvSetting>): EnvSetting;
