import type { OriginMatcher } from '../model/types.js';
/**
 * True when a regex accepts every origin (`.*`, `^.+$`, `(.*)`): that is reflection, not a
 * permissive pattern. Only short patterns without nested repetition are considered; anything else
 * is left to the regex rules. Matching uses the stack's own semantics (src/regex).
 */
export declare function acceptsEveryOrigin(matcher: OriginMatcher): boolean;
