import type { Config } from './types.js';
/** Checks a parsed config; returns messages that name the key and the allowed values. */
export declare function validateConfig(raw: unknown, knownRuleIds: readonly string[]): string[];
export declare function asConfig(raw: unknown): Config;
