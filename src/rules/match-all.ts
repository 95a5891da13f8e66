import type { OriginMatcher } from '../model/types.js';
import { compilePattern, PatternEvaluator, specOf } from '../regex/index.js';

/** Patterns short and simple enough to count as "match everything" at a glance. */
const SIMPLE = /^[\^]?(?:\(\?[a-z]+\))?[.\w\\:/?*+^$()|[\]-]{0,24}$/;
const PROBES = ['https://attacker.example', 'http://x', 'null'];

/**
 * True when a regex accepts every origin (`.*`, `^.+$`, `(.*)`): that is reflection, not a
 * permissive pattern. Only short patterns without nested repetition are considered; anything else
 * is left to the regex rules. Matching uses the stack's own semantics (src/regex).
 */
export function acceptsEveryOrigin(matcher: OriginMatcher): boolean {
  if (matcher.kind !== 'regex' || !SIMPLE.test(matcher.pattern) || /\)[*+{]/.test(matcher.pattern)) return false;
  const compiled = compilePattern(specOf(matcher));
  if (!compiled.ok || compiled.compiled.risky) return false;
  const results = new PatternEvaluator(compiled.compiled).acceptsAll(PROBES);
  return results.every((r) => r === true);
}
