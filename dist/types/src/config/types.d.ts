import type { Severity } from '../model/types.js';
import type { PythonParserSetting } from '../parse/python-node.js';
export type RuleLevel = Severity | 'off';
/** `"error"`, `"off"`, or `["warning", { ...options }]`. */
export type RuleEntry = RuleLevel | [RuleLevel] | [RuleLevel, Record<string, unknown>];
export interface Override {
    files: string[];
    rules: Record<string, RuleEntry>;
}
export interface Config {
    rules?: Record<string, RuleEntry>;
    /** The organisation's allowlist: exact origins and `https://*.example.com` patterns. */
    allowedOrigins?: string[];
    /** Globs (relative to the scan root) that are never scanned. */
    ignore?: string[];
    overrides?: Override[];
    /** Baseline file: findings recorded there are not reported. */
    baseline?: string;
    /** Files larger than this are skipped with a diagnostic (default 1 MiB). */
    maxFileBytes?: number;
    /** Time one file may take to parse and extract before it is cut off with a diagnostic (default 5000). */
    fileTimeBudgetMs?: number;
    /**
     * Python parser engine: `wasm` (default, web-tree-sitter, the same everywhere), `native` (the
     * `tree-sitter` Node.js bindings, faster; wasm when they cannot be loaded, with a notice) or `auto`
     * (native when available). Same results either way. The CORS_LINT_PARSER environment variable wins.
     */
    parser?: PythonParserSetting;
}
/** A config and the file it came from (for messages and for resolving relative paths). */
export interface LoadedConfig {
    config: Config;
    /** Absolute path of the config file, or undefined when none was found. */
    file?: string;
}
