import type { Span, Valued } from '../../../model/types.js';
import { type JsValue, type WrittenAt } from '../values.js';
/** One option read from an options object. */
export interface OptionRead {
    value: JsValue;
    /** Span of the `key: value` property when it is written in an object literal. */
    keySpan?: Span;
    /** Span of the value expression (may be in another file when resolved through a constant). */
    valueSpan?: Span;
    /** The `key: value` property as written, when it is written in an object literal. */
    keyAt?: WrittenAt;
}
/**
 * The options object a middleware receives: `undefined` when no options are passed,
 * `unknown` when they cannot be resolved (then every option is unknown).
 */
export declare class OptionsObject {
    readonly value: JsValue;
    readonly useSite: WrittenAt | undefined;
    constructor(value: JsValue, useSite: WrittenAt | undefined);
    get resolvable(): boolean;
    /** The option, `undefined` when it is certainly not set, or an unknown value when it may be set. */
    read(name: string): OptionRead | undefined;
}
/** Valued<T> from a read option, keeping spans and env provenance. */
export declare function valued<T>(read: OptionRead, value: T | 'unknown', why?: string): Valued<T>;
/** A header or method list written as an array or a comma-separated string. */
export declare function stringList(read: OptionRead): Valued<string[]>;
export declare function splitList(text: string): string[];
/** A number or numeric string (maxAge). */
export declare function numberOption(read: OptionRead): Valued<number>;
