export interface Options {
    /** Time budget per pattern in milliseconds (all candidate tests together). */
    budgetMs: number;
}
declare const _default: import("../../src/rules/define-rule.js").Rule<"unsupported" | "invalid" | "permissive" | "undecided", Options>;
export default _default;
