import type { CorsPolicy, OriginEntry, Span } from '../../../model/types.js';
import { type Evaluator, type JsValue, type WrittenAt } from '../values.js';
export interface OriginOptionModel {
    entries: OriginEntry[];
    notes: string[];
    /** The option switches CORS off (no CORS headers at all). */
    disabled?: boolean;
    /** The Allow-Origin value follows the request (array, RegExp, true, function). */
    perRequest: boolean | 'unknown';
    /** The origins come from an origin callback. */
    fromFunction?: boolean;
}
/**
 * The `origin` option of npm cors and @fastify/cors, which share their shapes:
 * '*' / a string (sent verbatim), true (echo), false (off), RegExp (`.test`, unanchored),
 * array (strings compared with ===, RegExps tested, other truthy items allow all), function.
 */
export declare function originOptionModel(value: JsValue | undefined, library: 'cors' | '@fastify/cors', ev: Evaluator, useSite: WrittenAt | undefined): OriginOptionModel;
/** Writes what the origin option says into the policy: its origins, where it is written, and the flags simulate needs. */
export declare function applyOriginModel(policy: CorsPolicy, model: OriginOptionModel, keySpan: Span | undefined, notes: string[]): void;
