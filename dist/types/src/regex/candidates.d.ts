import { type Template } from './skeleton.js';
import type { IntendedOrigin } from './intended.js';
export type WeaknessClass = 'match-all' | 'public-suffix-wildcard' | 'no-dot-boundary' | 'unescaped-dot' | 'missing-end-anchor' | 'http-scheme' | 'null-origin' | 'other';
export interface CandidateGroup {
    weakness: WeaknessClass;
    origins: string[];
}
/** Unrelated https origins: a pattern that accepts all of them accepts every https origin. */
export declare const UNRELATED_ORIGINS: string[];
/** Completes a rendered template into an origin a browser could send, or undefined. */
export declare function asOrigin(text: string, scheme?: string, leadingLabel?: string): string | undefined;
export declare function candidateGroups(templates: readonly Template[], intended: readonly IntendedOrigin[]): CandidateGroup[];
/**
 * Renders a template with `filler` in wildcard `index` (every wildcard when index < 0) where the
 * wildcard accepts it, and ordinary labels elsewhere.
 */
export declare function fillTemplate(t: Template, filler: string, index?: number): string;
export declare function countWilds(t: Template): number;
