export type { WeaknessClass } from './candidates.js';
export { asOrigin as asOriginForSearch, candidateGroups, countWilds, fillTemplate as renderTemplate, UNRELATED_ORIGINS } from './candidates.js';
export { invalidPatternEffect, matchingSemantics, patternLabel, patternText, patternWording, weaknessEffect } from './describe.js';
export { compilePattern, DEFAULT_BUDGET_MS, MAX_INPUT_LENGTH, PatternEvaluator, type CompiledPattern, type RegexSpec } from './engine.js';
export { intendedOrigins, isMeant, siteOf, suffixKind, type IntendedOrigin } from './intended.js';
export { isAttackerReachable, isBrowserOrigin, normalizeOrigin, parseSerializedOrigin, serializeOrigin, type ParsedOrigin } from './origin-syntax.js';
export { templatesOf, render, WILD, type Template } from './skeleton.js';
export { translatePattern, type Translation } from './translate.js';
export { analyzeOriginPattern, preparePattern, searchWitness, type AnalysisOptions, type PatternVerdict, type PreparedPattern, type SearchResult, } from './witness.js';
import type { OriginMatcher } from '../model/types.js';
import type { RegexSpec } from './engine.js';
/** The regex fields of a regex OriginMatcher. */
export declare function specOf(matcher: Extract<OriginMatcher, {
    kind: 'regex';
}>): RegexSpec;
