import type { OriginMatcher } from '../model/types.js';

/** Patterns short and simple enough to run without a backtracking risk. */
const SIMPLE = /^[\^]?(?:\(\?[a-z]+\))?[.\w\\:/?*+^$()|[\]-]{0,24}$/;
const PROBES = ['https://attacker.example', 'http://x', 'null'];

/**
 * True when a regex accepts every origin (`.*`, `^.+$`, `(.*)`): that is reflection, not a
 * permissive pattern. Only simple patterns are evaluated; anything else is left to the regex rules.
 */
export function acceptsEveryOrigin(matcher: OriginMatcher): boolean {
  if (matcher.kind !== 'regex' || !SIMPLE.test(matcher.pattern) || /\)[*+{]/.test(matcher.pattern)) return false;
  const body = matcher.pattern.replace(/^\(\?([a-z]+)\)/, '');
  let re: RegExp;
  try {
    const anchored = matcher.mode === 'fullmatch' ? `^(?:${body})$` : matcher.mode === 'match' ? `^(?:${body})` : body;
    re = new RegExp(anchored, matcher.ignoreCase ? 'i' : '');
  } catch {
    return false;
  }
  return PROBES.every((probe) => re.test(probe));
}
