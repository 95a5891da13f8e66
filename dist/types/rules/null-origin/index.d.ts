declare const _default: import("../../src/rules/define-rule.js").Rule<"trusted", Record<string, never>>;
export default _default;
