import type { OriginEntry, OriginMatcher, Provenance, Span, Valued } from '../../model/types.js';
import type { CallOption } from './evaluate.js';
import { type PyValue } from './values.js';
/** Provenance of an evaluated value: use-site span, and the literal's span when it differs. */
export declare function provenance(value: PyValue): Provenance & {
    span?: Span;
};
export declare function entry(matcher: OriginMatcher, value: PyValue, fallback?: Span): OriginEntry;
export declare function valuedBool(opt: CallOption, name: string): Valued<boolean>;
export declare function valuedNumber(opt: CallOption, name: string): Valued<number>;
/**
 * A list of strings. `scalarIsList` is for libraries that wrap a single string into a list
 * (Flask-CORS); elsewhere a plain string is kept as its characters would be iterated.
 */
export declare function valuedStrings(opt: CallOption, name: string, scalarIsList?: boolean): Valued<string[]>;
/** A Valued that says the option may be set by a `**kwargs` the scanner could not resolve. */
export declare function maybeInSplat<T>(splats: string[], name: string): Valued<T> | undefined;
/**
 * An empty environment default (`os.getenv("ORIGINS", "").split(",")`) stands for "set in the
 * environment": say so instead of reporting an empty origin that no deployment uses.
 */
export declare function envPlaceholder(v: PyValue): PyValue;
/** Items of a sequence with empty environment defaults collapsed into one unknown entry. */
export declare function originItems(v: PyValue): PyValue[];
