declare const _default: import("../../src/rules/define-rule.js").Rule<"echo" | "literal" | "literalWithoutCredentialsHeader" | "startupError", Record<string, never>>;
export default _default;
