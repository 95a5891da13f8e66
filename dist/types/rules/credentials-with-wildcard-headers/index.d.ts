declare const _default: import("../../src/rules/define-rule.js").Rule<"allowHeaders" | "allowMethods" | "exposeHeaders", Record<string, never>>;
export default _default;
