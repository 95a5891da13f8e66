import type { AnyRule } from '../rules/define-rule.js';
import type { RuleSetting } from '../rules/run-rules.js';
import type { Config, RuleEntry } from './types.js';
/** The setting of one rule for the whole run, from `rules` (overrides are applied per finding). */
export declare function ruleSetting(rule: AnyRule, config: Config): RuleSetting | 'off';
/**
 * The level a per-path override gives a rule for a file: undefined = no override applies,
 * otherwise the last matching override's level (later overrides win, as in ESLint).
 */
export declare function overrideLevel(config: Config, ruleId: string, file: string): RuleEntry | undefined;
/** The level the top-level `rules` gives (undefined when not configured). */
export declare function baseLevel(config: Config, ruleId: string): ReturnType<typeof levelOf>;
export declare function levelOf(entry: RuleEntry | undefined): import("./types.js").RuleLevel | undefined;
