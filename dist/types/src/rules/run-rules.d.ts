import type { CorsPolicy, Finding, Severity } from '../model/types.js';
import { type AnyRule, type RunSettings } from './define-rule.js';
import type { SourceReader } from '../fix/source.js';
export interface RuleSetting {
    /** Severity the user configured; undefined = the rule's own (which may vary per finding). */
    severity?: Severity;
    options: Record<string, unknown>;
}
export interface RuleError {
    ruleId: string;
    error: unknown;
    /** The file of the policy the rule failed on, when one policy alone makes it throw. */
    file?: string;
}
/**
 * Runs every enabled rule over all policies of the run (rules may look across files).
 * A rule that throws becomes an internal error, reported by the caller; it never hides other rules,
 * nor its own findings on other policies: it is run on each policy alone to find the ones it fails
 * on, then again on all the others together.
 */
export declare function runRules(rules: readonly AnyRule[], policies: readonly CorsPolicy[], settingFor: (rule: AnyRule) => RuleSetting | 'off', settings: RunSettings, source?: SourceReader): {
    findings: Finding[];
    errors: RuleError[];
};
