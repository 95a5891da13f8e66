declare const _default: import("../../src/rules/define-rule.js").Rule<"withCredentials" | "withoutCredentials", Record<string, never>>;
export default _default;
