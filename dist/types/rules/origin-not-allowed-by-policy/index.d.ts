export interface Options {
    /** Time budget per pattern in milliseconds. */
    budgetMs: number;
}
declare const _default: import("../../src/rules/define-rule.js").Rule<"exact" | "substring" | "every" | "pattern" | "unchecked", Options>;
export default _default;
