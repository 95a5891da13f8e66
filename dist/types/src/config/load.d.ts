import type { LoadedConfig } from './types.js';
export declare class ConfigError extends Error {
    readonly file: string;
    readonly problems: string[];
    constructor(file: string, problems: string[]);
}
/**
 * Finds and reads the configuration: --config FILE, else the first of .cors-lint.json/.yaml/.yml
 * or package.json "cors-lint" in the start folder or its parents. JSON and YAML only: repository
 * code is never executed.
 */
export declare function loadConfig(startDir: string, explicit: string | undefined, knownRuleIds: readonly string[]): LoadedConfig;
