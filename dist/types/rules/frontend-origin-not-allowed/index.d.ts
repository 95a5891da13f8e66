declare const _default: import("../../src/rules/define-rule.js").Rule<"blocked", Record<string, never>>;
export default _default;
