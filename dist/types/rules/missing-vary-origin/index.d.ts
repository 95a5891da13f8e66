declare const _default: import("../../src/rules/define-rule.js").Rule<"missingVary", Record<string, never>>;
export default _default;
