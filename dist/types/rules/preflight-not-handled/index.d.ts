export interface PreflightOptions {
    /** Also report OPTIONS that go to something cors-lint cannot see (an upstream, preflightContinue). */
    reportPassthrough: boolean;
}
declare const rule: import("../../src/rules/define-rule.js").Rule<"passthrough" | "notHandled" | "proxyAnswers", PreflightOptions>;
export default rule;
