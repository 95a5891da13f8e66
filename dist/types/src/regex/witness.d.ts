import { type WeaknessClass } from './candidates.js';
import { PatternEvaluator, type CompiledPattern, type RegexSpec } from './engine.js';
import { type IntendedOrigin } from './intended.js';
import { type Template } from './skeleton.js';
export interface AnalysisOptions {
    /** Time budget for all tests of this pattern, in milliseconds. */
    budgetMs?: number;
}
export type PatternVerdict = {
    verdict: 'permissive';
    /** An origin a browser can send that the pattern accepts and its author did not mean. */
    witness: string;
    weakness: WeaknessClass;
    intended: IntendedOrigin[];
    elapsedMs: number;
} | {
    verdict: 'safe';
    intended: IntendedOrigin[];
    tested: number;
    elapsedMs: number;
}
/** The pattern uses a construct that cannot be evaluated faithfully. */
 | {
    verdict: 'unsupported';
    reason: string;
}
/** The library's own regex engine rejects the pattern: it never matches (or the app fails to load). */
 | {
    verdict: 'invalid';
    reason: string;
}
/** The budget ran out before the question was settled. */
 | {
    verdict: 'undecided';
    reason: string;
    elapsedMs: number;
};
export interface PreparedPattern {
    compiled: CompiledPattern;
    templates: Template[];
    intended: IntendedOrigin[];
    evaluator: PatternEvaluator;
}
/** Compiles a pattern and reads its skeleton; the evaluator carries the pattern's time budget. */
export declare function preparePattern(spec: RegexSpec, options?: AnalysisOptions): PreparedPattern | {
    unsupported: string;
    invalid: boolean;
};
/** Does the pattern accept an origin its author did not mean? */
export declare function analyzeOriginPattern(spec: RegexSpec, options?: AnalysisOptions): PatternVerdict;
export type SearchResult = {
    kind: 'found';
    origin: string;
    weakness: WeaknessClass;
} | {
    kind: 'none';
} | {
    kind: 'undecided';
    reason: string;
};
/**
 * Tests candidate groups in order and returns the first origin the pattern accepts for which
 * `wanted` holds. Undecided when the budget ran out before every candidate was tested.
 */
export declare function searchWitness(prepared: PreparedPattern, wanted: (origin: string, weakness: WeaknessClass) => boolean, groups: ReadonlyArray<{
    weakness: WeaknessClass;
    origins: readonly string[];
}>, 
/** Only origins an attacker could own (registrable hosts, `null`); false = any browser origin. */
attackerOnly?: boolean): SearchResult;
