declare const _default: import("../../src/rules/define-rule.js").Rule<"listInOneValue" | "replaced" | "twoWrites", Record<string, never>>;
export default _default;
