import type { OriginEntry } from '../../../model/types.js';
import type { Evaluator, JsValue, ValueOf } from '../values.js';
/**
 * An options delegate `(req, callback) => callback(null, options)`: when every call hands back
 * the same resolvable options object, those options are the policy; otherwise it is per request.
 */
export declare function classifyDelegate(fnValue: ValueOf<'function'>, ev: Evaluator): {
    options?: JsValue;
    how: string;
};
/**
 * The options-delegate pattern of the cors README: the delegate hands back `{ origin: true }` or
 * `{ origin: false }` depending on a test of the request Origin (`allowlist.indexOf(req.header('Origin'))`).
 * Each handed-back object literal is a decision site guarded by its enclosing conditions.
 */
export declare function delegateOrigins(fnValue: ValueOf<'function'>, ev: Evaluator): {
    entries: OriginEntry[];
    notes: string[];
    options?: JsValue;
} | undefined;
