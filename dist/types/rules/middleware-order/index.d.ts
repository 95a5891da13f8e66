declare const _default: import("../../src/rules/define-rule.js").Rule<"wrappedByLater" | "shadowedByCors" | "routesBefore", Record<string, never>>;
export default _default;
