declare const _default: import("../../src/rules/define-rule.js").Rule<"strips", Record<string, never>>;
export default _default;
