import type { OriginMatcher } from '../model/types.js';
type RegexMatcher = Extract<OriginMatcher, {
    kind: 'regex';
}>;
export interface CompiledOrigin {
    test(origin: string): boolean;
    /** The RegExp keeps state between requests (`g`/`y` with RegExp.test): the answer depends on earlier requests. */
    stateful: boolean;
}
/** Python `re` syntax -> JavaScript syntax for the subset that origin patterns use; throws when untranslatable. */
export declare function translatePythonPattern(pattern: string): {
    source: string;
    flags: string;
};
/** Compiles an origin regex entry; throws UnknownBehaviour when the pattern cannot be evaluated faithfully. */
export declare function compileOriginRegex(entry: RegexMatcher): CompiledOrigin;
export {};
