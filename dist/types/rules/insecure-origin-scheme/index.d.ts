declare const _default: import("../../src/rules/define-rule.js").Rule<"insecure" | "insecurePattern", Record<string, never>>;
export default _default;
