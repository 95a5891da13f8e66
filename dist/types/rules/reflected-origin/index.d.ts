declare const _default: import("../../src/rules/define-rule.js").Rule<"withCredentials" | "withoutCredentials" | "chosenWithCredentials" | "chosenWithoutCredentials", Record<string, never>>;
export default _default;
