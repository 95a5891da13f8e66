declare const _default: import("../../src/rules/define-rule.js").Rule<"throughPath" | "withNginxUpstream", Record<string, never>>;
export default _default;
