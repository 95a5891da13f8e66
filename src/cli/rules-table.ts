import type { AnyRule } from '../rules/define-rule.js';

/** `cors-lint rules`: id, default severity, the fixes it offers and one line of description per rule. */
export function formatRulesTable(rules: readonly AnyRule[]): string {
  const idWidth = Math.max(...rules.map((r) => r.meta.id.length), 4);
  const rows = rules.map((r) => {
    const severity = r.meta.offByDefault ? 'off' : r.meta.defaultSeverity;
    const fix = r.meta.fixable === 'safe-or-unsafe' ? 'both' : (r.meta.fixable ?? '');
    return `${r.meta.id.padEnd(idWidth)}  ${severity.padEnd(7)}  ${fix.padEnd(6)}  ${r.meta.docs.description}`;
  });
  return `${'rule'.padEnd(idWidth)}  ${'default'.padEnd(7)}  ${'fix'.padEnd(6)}  description\n${rows.join('\n')}\n`;
}
