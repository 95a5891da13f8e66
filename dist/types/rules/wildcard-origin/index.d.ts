declare const _default: import("../../src/rules/define-rule.js").Rule<"wildcard", Record<string, never>>;
export default _default;
