import type { CorsPolicy, OriginEntry, Span } from '../../../model/types.js';
import { type Evaluator, type JsValue, type WrittenAt } from '../values.js';
import type { OptionRead } from './options.js';
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
/**
 * The origin option as the library sees it when it is written as `cond ? a : b` (directly or through a
 * constant) and the condition cannot be decided statically: every branch may apply, so the model holds
 * the origins of all of them (`origins.length ? origins : true` reflects whenever the list is empty).
 */
export declare function originOptionModelOf(read: OptionRead | undefined, library: 'cors' | '@fastify/cors', ev: Evaluator, useSite: WrittenAt | undefined): OriginOptionModel;
/** Writes what the origin option says into the policy: its origins, where it is written, and the flags simulate needs. */
export declare function applyOriginModel(policy: CorsPolicy, model: OriginOptionModel, keySpan: Span | undefined, notes: string[]): void;
