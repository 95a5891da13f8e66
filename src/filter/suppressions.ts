import type { Finding } from '../model/types.js';

const DIRECTIVE = /(?:#|\/\/|\/\*)\s*cors-lint-disable-next-line\b([^\n]*)/;

/**
 * `# cors-lint-disable-next-line rule-a, rule-b -- reason` (also `//`) on the line above a finding
 * suppresses those rules there; with no rule id it suppresses every rule on the next line.
 */
export function isSuppressed(finding: Finding, lines: readonly string[] | undefined): boolean {
  if (!lines) return false;
  for (let i = finding.location.line - 2; i >= 0; i--) {
    const line = lines[i] ?? '';
    const match = DIRECTIVE.exec(line);
    if (match) return directiveCovers(match[1] ?? '', finding.ruleId);
    // A directive may sit above a decorator or continuation comment lines; stop at code.
    if (!/^\s*(?:#|\/\/|\*|\/\*)/.test(line)) return false;
  }
  return false;
}

function directiveCovers(rest: string, ruleId: string): boolean {
  const ids = rest.split('--')[0]!.replace(/\*\/.*$/, '').split(/[\s,]+/).filter(Boolean);
  return ids.length === 0 || ids.includes(ruleId);
}
