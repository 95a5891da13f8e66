declare const _default: import("../../src/rules/define-rule.js").Rule<"ownAddHeader" | "inheritOff", Record<string, never>>;
export default _default;
