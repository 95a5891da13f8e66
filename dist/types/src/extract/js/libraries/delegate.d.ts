import type { Evaluator, JsValue, ValueOf } from '../values.js';
/**
 * An options delegate `(req, callback) => callback(null, options)`: when every call hands back
 * the same resolvable options object, those options are the policy; otherwise it is per request.
 */
export declare function classifyDelegate(fnValue: ValueOf<'function'>, ev: Evaluator): {
    options?: JsValue;
    how: string;
};
