import type { AnyRule } from '../src/rules/define-rule.js';

/** Every rule cors-lint has, in catalog order. Ids are public interface. */
export const allRules: AnyRule[] = [];

export function findRule(id: string): AnyRule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}
