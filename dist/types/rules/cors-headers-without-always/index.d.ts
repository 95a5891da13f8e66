declare const _default: import("../../src/rules/define-rule.js").Rule<"withoutAlways" | "withoutAlwaysMany", Record<string, never>>;
export default _default;
