declare const _default: import("../../src/rules/define-rule.js").Rule<"withApp" | "withNginxUpstream", Record<string, never>>;
export default _default;
