import type { RegexMode } from '../../src/model/types.js';
/**
 * The pattern its author evidently meant: every dot between two letters or digits (or after a group,
 * `(app|www).example`) escaped, a host separator, not "any character", and the anchors the library's matching mode leaves out added
 * (`search`: `^` and `$`; `match`: `$`), with a top-level alternation grouped first so each anchor
 * applies to every branch. Returns undefined when nothing would change.
 */
export declare function tightenPattern(pattern: string, mode: RegexMode): string | undefined;
