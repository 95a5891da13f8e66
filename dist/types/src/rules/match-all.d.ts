import type { OriginMatcher } from '../model/types.js';
/**
 * True when a regex accepts every origin (`.*`, `^.+$`, `(.*)`): that is reflection, not a
 * permissive pattern. Only simple patterns are evaluated; anything else is left to the regex rules.
 */
export declare function acceptsEveryOrigin(matcher: OriginMatcher): boolean;
