import type { AnyRule } from '../rules/define-rule.js';
/** `cors-lint rules`: id, default severity, the fixes it offers and one line of description per rule. */
export declare function formatRulesTable(rules: readonly AnyRule[]): string;
