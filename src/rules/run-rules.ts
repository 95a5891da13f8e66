import { createHash } from 'node:crypto';
import type { CorsPolicy, Finding, Severity } from '../model/types.js';
import { formatMessage, type AnyRule, type Report, type RunSettings } from './define-rule.js';
import type { SourceReader } from '../fix/source.js';

export interface RuleSetting {
  /** Severity the user configured; undefined = the rule's own (which may vary per finding). */
  severity?: Severity;
  options: Record<string, unknown>;
}

export interface RuleError {
  ruleId: string;
  error: unknown;
  /** The file of the policy the rule failed on, when one policy alone makes it throw. */
  file?: string;
}

/**
 * Runs every enabled rule over all policies of the run (rules may look across files).
 * A rule that throws becomes an internal error, reported by the caller; it never hides other rules,
 * nor its own findings on other policies: it is run on each policy alone to find the ones it fails
 * on, then again on all the others together.
 */
export function runRules(
  rules: readonly AnyRule[],
  policies: readonly CorsPolicy[],
  settingFor: (rule: AnyRule) => RuleSetting | 'off',
  settings: RunSettings,
  source: SourceReader = () => undefined,
): { findings: Finding[]; errors: RuleError[] } {
  const findings: Finding[] = [];
  const errors: RuleError[] = [];
  for (const rule of rules) {
    const setting = settingFor(rule);
    if (setting === 'off') continue;
    const options = { ...rule.meta.defaultOptions, ...setting.options };
    const report = (r: Report<string>, into: Finding[]) => {
      const template = rule.meta.messages[r.messageId];
      if (template === undefined) throw new Error(`rule ${rule.meta.id} reported unknown message id ${r.messageId}`);
      if (r.fix && !fixableAs(rule.meta.fixable, r.fix.applicability)) throw new Error(`rule ${rule.meta.id} reported a fix (${r.fix.applicability}) but declares fixable: ${rule.meta.fixable ?? 'none'}`);
      into.push({
        ruleId: rule.meta.id,
        severity: setting.severity ?? r.severity ?? rule.meta.defaultSeverity,
        message: formatMessage(template, r.data),
        location: r.span,
        witness: r.witness,
        fingerprint: fingerprint(rule.meta.id, r),
        policyIndex: r.policy ? policies.indexOf(r.policy) : undefined,
        ...(r.relatedLocations?.length ? { relatedLocations: r.relatedLocations } : {}),
        ...(r.fix ? { fix: r.fix } : {}),
      });
    };
    const ruleFindings: Finding[] = [];
    const collect = (r: Report<string>) => report(r, ruleFindings);
    try {
      rule.check({ policies, options, settings, source, report: collect });
    } catch (batchError) {
      ruleFindings.length = 0;
      const failing = new Set<CorsPolicy>();
      for (const policy of policies) {
        try {
          rule.check({ policies: [policy], options, settings, source, report: () => {} });
        } catch (error) {
          failing.add(policy);
          errors.push({ ruleId: rule.meta.id, error, file: policy.span.file });
        }
      }
      const rest = policies.filter((p) => !failing.has(p));
      if (!failing.size) errors.push({ ruleId: rule.meta.id, error: batchError });
      else if (rest.length) {
        try {
          rule.check({ policies: rest, options, settings, source, report: collect });
        } catch (error) {
          ruleFindings.length = 0;
          errors.push({ ruleId: rule.meta.id, error });
        }
      }
    }
    findings.push(...ruleFindings);
  }
  return { findings, errors };
}

/** Stable when unrelated lines move: rule, file, message id and the offending text, not the line. */
function fingerprint(ruleId: string, r: Report<string>): string {
  const identity = [ruleId, r.span.file, r.messageId, r.fingerprintText ?? JSON.stringify(r.data ?? {})].join('\u0000');
  return createHash('sha256').update(identity).digest('hex').slice(0, 32);
}

function fixableAs(declared: AnyRule['meta']['fixable'], applicability: 'safe' | 'unsafe'): boolean {
  return declared === 'safe-or-unsafe' || declared === applicability;
}
