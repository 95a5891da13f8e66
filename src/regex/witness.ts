// The analysis a rule asks for: does this origin pattern accept an origin that it should not, and
// which one? Witnesses are always confirmed by running the pattern with the library's semantics.

import { candidateGroups, UNRELATED_ORIGINS, type WeaknessClass } from './candidates.js';
import { compilePattern, DEFAULT_BUDGET_MS, PatternEvaluator, type CompiledPattern, type RegexSpec } from './engine.js';
import { intendedOrigins, isMeant, type IntendedOrigin } from './intended.js';
import { isAttackerReachable, isBrowserOrigin } from './origin-syntax.js';
import { templatesOf, type Template } from './skeleton.js';

export interface AnalysisOptions {
  /** Time budget for all tests of this pattern, in milliseconds. */
  budgetMs?: number;
}

export type PatternVerdict =
  | {
      verdict: 'permissive';
      /** An origin a browser can send that the pattern accepts and its author did not mean. */
      witness: string;
      weakness: WeaknessClass;
      intended: IntendedOrigin[];
      elapsedMs: number;
    }
  | { verdict: 'safe'; intended: IntendedOrigin[]; tested: number; elapsedMs: number }
  /** The pattern uses a construct that cannot be evaluated faithfully. */
  | { verdict: 'unsupported'; reason: string }
  /** The library's own regex engine rejects the pattern: it never matches (or the app fails to load). */
  | { verdict: 'invalid'; reason: string }
  /** The budget ran out before the question was settled. */
  | { verdict: 'undecided'; reason: string; elapsedMs: number };

export interface PreparedPattern {
  compiled: CompiledPattern;
  templates: Template[];
  intended: IntendedOrigin[];
  evaluator: PatternEvaluator;
}

/** Compiles a pattern and reads its skeleton; the evaluator carries the pattern's time budget. */
export function preparePattern(spec: RegexSpec, options: AnalysisOptions = {}): PreparedPattern | { unsupported: string; invalid: boolean } {
  const compiled = compilePattern(spec);
  if (!compiled.ok) return { unsupported: compiled.reason, invalid: compiled.invalid === true };
  const { templates } = templatesOf(compiled.compiled.ast, compiled.compiled.flags);
  return {
    compiled: compiled.compiled,
    templates,
    intended: intendedOrigins(templates),
    evaluator: new PatternEvaluator(compiled.compiled, options.budgetMs ?? DEFAULT_BUDGET_MS),
  };
}

/** Does the pattern accept an origin its author did not mean? */
export function analyzeOriginPattern(spec: RegexSpec, options: AnalysisOptions = {}): PatternVerdict {
  const prepared = preparePattern(spec, options);
  if ('unsupported' in prepared) return { verdict: prepared.invalid ? 'invalid' : 'unsupported', reason: prepared.unsupported };
  const { evaluator, intended } = prepared;

  const unrelated = evaluator.acceptsAll(UNRELATED_ORIGINS);
  if (unrelated.every((r) => r === true)) {
    return { verdict: 'permissive', witness: UNRELATED_ORIGINS[0]!, weakness: 'match-all', intended, elapsedMs: evaluator.elapsedMs };
  }
  // Outside the http-scheme class a witness must be unmeant whatever its scheme, so that a plain
  // http downgrade is reported as such and not dressed up as another weakness.
  const unmeant = (origin: string, weakness: WeaknessClass) =>
    !isMeant(origin, intended) && (weakness === 'http-scheme' || !origin.startsWith('http://') || !isMeant(`https://${origin.slice(7)}`, intended));
  const found = searchWitness(prepared, unmeant, candidateGroups(prepared.templates, intended));
  if (found.kind === 'found') {
    return { verdict: 'permissive', witness: found.origin, weakness: found.weakness, intended, elapsedMs: evaluator.elapsedMs };
  }
  if (found.kind === 'undecided') {
    return { verdict: 'undecided', reason: found.reason, elapsedMs: evaluator.elapsedMs };
  }
  return { verdict: 'safe', intended, tested: evaluator.tested, elapsedMs: evaluator.elapsedMs };
}

export type SearchResult =
  | { kind: 'found'; origin: string; weakness: WeaknessClass }
  | { kind: 'none' }
  | { kind: 'undecided'; reason: string };

/**
 * Tests candidate groups in order and returns the first origin the pattern accepts for which
 * `wanted` holds. Undecided when the budget ran out before every candidate was tested.
 */
export function searchWitness(
  prepared: PreparedPattern,
  wanted: (origin: string, weakness: WeaknessClass) => boolean,
  groups: ReadonlyArray<{ weakness: WeaknessClass; origins: readonly string[] }>,
  /** Only origins an attacker could own (registrable hosts, `null`); false = any browser origin. */
  attackerOnly = true,
): SearchResult {
  const { evaluator } = prepared;
  for (const group of groups) {
    const eligible = (o: string) => (attackerOnly ? isAttackerReachable(o) : isBrowserOrigin(o)) && wanted(o, group.weakness);
    // In-process tests are cheaper than the eligibility checks (PSL lookups), so test first there;
    // a risky pattern's tests cost budget, so filter first.
    const origins = prepared.compiled.risky ? group.origins.filter(eligible) : group.origins.filter(isBrowserOrigin);
    if (!origins.length) continue;
    const results = evaluator.acceptsAll(origins);
    const hit = origins.findIndex((o, i) => results[i] === true && (prepared.compiled.risky || eligible(o)));
    if (hit >= 0) return { kind: 'found', origin: origins[hit]!, weakness: group.weakness };
    if (results.some((r) => r === undefined)) {
      const why = prepared.compiled.risky ? ` (${prepared.compiled.riskReason}, run in a time-limited worker)` : '';
      return { kind: 'undecided', reason: `the ${evaluator.budgetMs} ms budget ran out after ${evaluator.tested} tests${why}` };
    }
  }
  return { kind: 'none' };
}
