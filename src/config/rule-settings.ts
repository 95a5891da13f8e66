import picomatch from 'picomatch';
import type { AnyRule } from '../rules/define-rule.js';
import type { RuleSetting } from '../rules/run-rules.js';
import type { Config, RuleEntry } from './types.js';

/** The setting of one rule for the whole run, from `rules` (overrides are applied per finding). */
export function ruleSetting(rule: AnyRule, config: Config): RuleSetting | 'off' {
  const entry = config.rules?.[rule.meta.id];
  if (entry === undefined) {
    // A rule that is off by default still runs when an override switches it on somewhere.
    const onSomewhere = config.overrides?.some((o) => levelOf(o.rules[rule.meta.id]) && levelOf(o.rules[rule.meta.id]) !== 'off');
    return rule.meta.offByDefault && !onSomewhere ? 'off' : { options: {} };
  }
  const level = levelOf(entry)!;
  if (level === 'off') {
    const onSomewhere = config.overrides?.some((o) => { const l = levelOf(o.rules[rule.meta.id]); return l !== undefined && l !== 'off'; });
    return onSomewhere ? { options: optionsOf(entry) } : 'off';
  }
  return { severity: level, options: optionsOf(entry) };
}

/**
 * The level a per-path override gives a rule for a file: undefined = no override applies,
 * otherwise the last matching override's level (later overrides win, as in ESLint).
 */
export function overrideLevel(config: Config, ruleId: string, file: string): RuleEntry | undefined {
  let result: RuleEntry | undefined;
  for (const override of config.overrides ?? []) {
    if (!(ruleId in override.rules)) continue;
    if (picomatch(override.files, { dot: true })(file)) result = override.rules[ruleId];
  }
  return result;
}

/** The level the top-level `rules` gives (undefined when not configured). */
export function baseLevel(config: Config, ruleId: string): ReturnType<typeof levelOf> {
  return levelOf(config.rules?.[ruleId]);
}

export function levelOf(entry: RuleEntry | undefined) {
  if (entry === undefined) return undefined;
  return Array.isArray(entry) ? entry[0] : entry;
}

function optionsOf(entry: RuleEntry): Record<string, unknown> {
  return Array.isArray(entry) && entry[1] ? entry[1] : {};
}
