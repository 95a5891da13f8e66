import type { Library } from '../model/types.js';
import type { WeaknessClass } from './candidates.js';
import type { RegexSpec } from './engine.js';
import type { IntendedOrigin } from './intended.js';
/** How the configuration names a pattern option, per library. */
export declare function patternLabel(library: Library): string;
/**
 * How a message names an origin pattern: the library's term and the pattern as written, or, when the
 * pattern translates a string test (`origin.startsWith(...)`), that test as the code spells it.
 */
export declare function patternWording(library: Library, entry: {
    writtenAs?: string;
} & RegexSpec): {
    label: string;
    pattern: string;
};
/** The pattern as its author wrote it: /p/flags for JavaScript, quoted otherwise. */
export declare function patternText(spec: RegexSpec): string;
/** How the library matches, in words. */
export declare function matchingSemantics(spec: RegexSpec & {
    writtenAs?: string;
}, library: Library): string;
/** What the weakness lets an attacker do, in words. */
export declare function weaknessEffect(weakness: WeaknessClass, witness: string, intended: readonly IntendedOrigin[]): string;
/** What happens to a pattern the library's regex engine rejects. */
export declare function invalidPatternEffect(library: Library): string;
