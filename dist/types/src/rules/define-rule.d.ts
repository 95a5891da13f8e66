import type { FrontendContext } from '../frontend/types.js';
import type { DeployedPath } from '../paths/types.js';
import type { CorsPolicy, Finding, Fix, Severity, Span } from '../model/types.js';
import type { SourceReader } from '../fix/source.js';
export declare const DOCS_BASE_URL = "https://github.com/cors-lint/cors-lint/blob/main/rules";
export interface RuleDocs {
    description: string;
    /** CWE ids that fit the weakness, e.g. 942 (permissive cross-domain policy), 346 (origin validation). */
    cwe: number[];
    /** 0.0–10.0, GitHub code scanning's security-severity for an `error`-level finding of this rule. */
    securitySeverity: number;
    url: string;
}
export interface RuleMeta<MessageId extends string, Options> {
    id: string;
    docs: RuleDocs;
    defaultSeverity: Severity;
    /** Off unless configured (e.g. unresolved-origin, origin-not-allowed-by-policy without an allowlist). */
    offByDefault?: boolean;
    /**
     * The rule may offer fixes, and of which applicability (as ESLint's meta.fixable): a rule that
     * reports a fix without declaring it fails, so `cors-lint rules` and the docs can say which rules fix.
     */
    fixable?: 'safe' | 'unsafe' | 'safe-or-unsafe';
    /** Message templates by id; `{{name}}` is replaced with data. */
    messages: Record<MessageId, string>;
    defaultOptions: Options;
}
export interface Report<MessageId extends string> {
    messageId: MessageId;
    data?: Record<string, string | number>;
    span: Span;
    /** Overrides the rule's default severity for this finding (e.g. error with credentials, warning without). */
    severity?: Severity;
    witness?: string;
    policy?: CorsPolicy;
    /** Text that identifies the finding independently of its line (e.g. the offending origin). */
    fingerprintText?: string;
    /** Other places that explain the finding (SARIF relatedLocations). */
    relatedLocations?: Array<{
        span: Span;
        message: string;
    }>;
    /** The one right edit, when there is one (built with src/fix/source.ts from `context.source`). */
    fix?: Fix;
}
/** Settings the user gave for the whole run that rules may read. */
export interface RunSettings {
    /** The organisation's allowlist: exact origins and `https://*.example.com` patterns. */
    allowedOrigins?: string[];
    /** The repository's frontends and the backend policies their API URLs reach (src/frontend). */
    frontends?: FrontendContext;
    /** Proxy routes linked to the applications behind them (src/paths). */
    paths?: readonly DeployedPath[];
}
export interface RuleContext<MessageId extends string, Options> {
    policies: readonly CorsPolicy[];
    options: Options;
    settings: RunSettings;
    /** The text of a file as scanned, for rules that offer fixes; undefined when the run has none. */
    source: SourceReader;
    report(report: Report<MessageId>): void;
}
export interface Rule<MessageId extends string = string, Options = Record<string, unknown>> {
    meta: RuleMeta<MessageId, Options>;
    check(context: RuleContext<MessageId, Options>): void;
}
export type AnyRule = Rule<string, any>;
type MetaInput<M extends string, O> = Omit<RuleMeta<M, O>, 'docs' | 'defaultOptions'> & {
    docs: Omit<RuleDocs, 'url'>;
    defaultOptions?: O;
};
/** Fills the docs URL and default options, and keeps the message ids typed. */
export declare function defineRule<M extends string, O = Record<string, never>>(rule: {
    meta: MetaInput<M, O>;
    check(context: RuleContext<M, O>): void;
}): Rule<M, O>;
/** Replaces `{{name}}` placeholders and appends the rule id, so every message names its rule. */
export declare function formatMessage(template: string, data?: Record<string, string | number>): string;
export type { Finding };
