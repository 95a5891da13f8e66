declare const _default: import("../../src/rules/define-rule.js").Rule<"substring" | "substringOfEnv" | "neverMatches" | "djangoCheck" | "patternNeedsPath", Record<string, never>>;
export default _default;
