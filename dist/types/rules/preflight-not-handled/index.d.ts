export interface PreflightOptions {
    /** Also report OPTIONS that go to something cors-lint cannot see (an upstream, preflightContinue). */
    reportPassthrough: boolean;
}
declare const _default: import("../../src/rules/define-rule.js").Rule<"passthrough" | "notHandled", PreflightOptions>;
export default _default;
