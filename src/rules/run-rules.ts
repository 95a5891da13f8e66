import { createHash } from 'node:crypto';
import type { CorsPolicy, Finding, Severity } from '../model/types.js';
import { formatMessage, type AnyRule, type Report, type RunSettings } from './define-rule.js';

export interface RuleSetting {
  /** Severity the user configured; undefined = the rule's own (which may vary per finding). */
  severity?: Severity;
  options: Record<string, unknown>;
}

/**
 * Runs every enabled rule over all policies of the run (rules may look across files).
 * A rule that throws becomes an internal error, reported by the caller; it never hides other rules.
 */
export function runRules(
  rules: readonly AnyRule[],
  policies: readonly CorsPolicy[],
  settingFor: (rule: AnyRule) => RuleSetting | 'off',
  settings: RunSettings,
): { findings: Finding[]; errors: Array<{ ruleId: string; error: unknown }> } {
  const findings: Finding[] = [];
  const errors: Array<{ ruleId: string; error: unknown }> = [];
  for (const rule of rules) {
    const setting = settingFor(rule);
    if (setting === 'off') continue;
    const options = { ...rule.meta.defaultOptions, ...setting.options };
    const report = (r: Report<string>) => {
      const template = rule.meta.messages[r.messageId];
      if (template === undefined) throw new Error(`rule ${rule.meta.id} reported unknown message id ${r.messageId}`);
      findings.push({
        ruleId: rule.meta.id,
        severity: setting.severity ?? r.severity ?? rule.meta.defaultSeverity,
        message: formatMessage(template, r.data),
        location: r.span,
        witness: r.witness,
        fingerprint: fingerprint(rule.meta.id, r),
        policyIndex: r.policy ? policies.indexOf(r.policy) : undefined,
      });
    };
    try {
      rule.check({ policies, options, settings, report });
    } catch (error) {
      errors.push({ ruleId: rule.meta.id, error });
    }
  }
  return { findings, errors };
}

/** Stable when unrelated lines move: rule, file, message id and the offending text, not the line. */
function fingerprint(ruleId: string, r: Report<string>): string {
  const identity = [ruleId, r.span.file, r.messageId, r.fingerprintText ?? JSON.stringify(r.data ?? {})].join('\u0000');
  return createHash('sha256').update(identity).digest('hex').slice(0, 32);
}
