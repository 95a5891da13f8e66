import type { AST } from '@eslint-community/regexpp';
import type { RegexFlavor, RegexMode } from '../model/types.js';
/** The regex fields of an OriginMatcher. */
export interface RegexSpec {
    pattern: string;
    flavor: RegexFlavor;
    mode: RegexMode;
    ignoreCase: boolean;
    flags?: string;
}
/** Origins are short; longer inputs are never tested (bounds backtracking work too). */
export declare const MAX_INPUT_LENGTH = 256;
/** Default time budget per pattern, for all of its tests together. */
export declare const DEFAULT_BUDGET_MS = 50;
export interface CompiledPattern {
    spec: RegexSpec;
    /** The translated JavaScript pattern, before anchoring. */
    source: string;
    flags: string;
    /** The AST of `source` (used to derive what the author meant). */
    ast: AST.Pattern;
    /** What is actually run: `source` anchored per `spec.mode`. */
    anchoredSource: string;
    risky: boolean;
    riskReason?: string;
}
export type Compiled = {
    ok: true;
    compiled: CompiledPattern;
}
/** `invalid`: the library's own regex engine rejects the pattern (so it never matches or fails to load). */
 | {
    ok: false;
    reason: string;
    invalid?: boolean;
};
export declare function compilePattern(spec: RegexSpec): Compiled;
/**
 * Tests origins against one compiled pattern, charging every test to the pattern's budget.
 * `accepts` answers true / false, or undefined once the budget is spent.
 */
export declare class PatternEvaluator {
    readonly compiled: CompiledPattern;
    readonly budgetMs: number;
    private spentMs;
    private readonly cache;
    private readonly regex;
    exhausted: boolean;
    /** Number of inputs actually decided. */
    tested: number;
    constructor(compiled: CompiledPattern, budgetMs?: number);
    get elapsedMs(): number;
    /**
     * One in-process test, charged to the budget. A test that seems slow is timed again, so a
     * garbage-collection pause or a first-run compilation is not mistaken for the pattern's cost.
     */
    private timedTest;
    accepts(input: string): boolean | undefined;
    /** Results in input order; undefined for inputs not decided within the budget. */
    acceptsAll(inputs: readonly string[]): Array<boolean | undefined>;
}
