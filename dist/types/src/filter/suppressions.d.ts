import type { Finding } from '../model/types.js';
/**
 * `# cors-lint-disable-next-line rule-a, rule-b -- reason` (also `//`) on the line above a finding
 * suppresses those rules there; with no rule id it suppresses every rule on the next line.
 */
export declare function isSuppressed(finding: Finding, lines: readonly string[] | undefined): boolean;
