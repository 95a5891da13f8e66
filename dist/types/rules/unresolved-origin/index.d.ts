declare const _default: import("../../src/rules/define-rule.js").Rule<"unresolved", Record<string, never>>;
export default _default;
