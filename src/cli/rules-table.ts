import type { AnyRule } from '../rules/define-rule.js';

/** `cors-lint rules`: id, default severity and one line of description per rule. */
export function formatRulesTable(rules: readonly AnyRule[]): string {
  const idWidth = Math.max(...rules.map((r) => r.meta.id.length), 4);
  const rows = rules.map((r) => {
    const severity = r.meta.offByDefault ? 'off' : r.meta.defaultSeverity;
    return `${r.meta.id.padEnd(idWidth)}  ${severity.padEnd(7)}  ${r.meta.docs.description}`;
  });
  return `${'rule'.padEnd(idWidth)}  ${'default'.padEnd(7)}  description\n${rows.join('\n')}\n`;
}
