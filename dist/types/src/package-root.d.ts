/**
 * The folder holding cors-lint's own package.json, from source (src/…) and from the bundle (dist/…)
 * alike: rule READMEs and the parser wasm are found relative to it.
 */
export declare function packageRoot(): string;
export declare function packageVersion(): string;
export declare function ruleReadmePath(ruleId: string): string;
