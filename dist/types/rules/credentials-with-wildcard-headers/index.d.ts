declare const _default: import("../../src/rules/define-rule.js").Rule<"allowHeaders" | "allowMethods" | "exposeHeaders" | "exposeHeadersDropped", Record<string, never>>;
export default _default;
