/**
 * Options the CORS library does not have, or values of a type it does not take. The scanner states
 * what the library does with them (read from its source); this rule words it and names the nearest
 * real option. A layer that raises is worse than a broken policy: the application never serves.
 */
declare const _default: import("../../src/rules/define-rule.js").Rule<"raises" | "ignored" | "raisesType" | "ignoredType" | "proxyRejects" | "proxyRejectsType", Record<string, never>>;
export default _default;
