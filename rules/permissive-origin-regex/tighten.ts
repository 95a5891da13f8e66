import type { RegexMode } from '../../src/model/types.js';

/**
 * The pattern its author evidently meant: every dot between two letters or digits (or after a group,
 * `(app|www).example`) escaped, a host separator, not "any character", and the anchors the library's matching mode leaves out added
 * (`search`: `^` and `$`; `match`: `$`), with a top-level alternation grouped first so each anchor
 * applies to every branch. Returns undefined when nothing would change.
 */
export function tightenPattern(pattern: string, mode: RegexMode): string | undefined {
  let out = '';
  let inClass = false;
  let depth = 0;
  let topLevelAlternation = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      out += pattern.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) topLevelAlternation = true;
    if (ch === '.' && /[A-Za-z0-9)]/.test(pattern[i - 1] ?? '') && /[A-Za-z0-9]/.test(pattern[i + 1] ?? '')) {
      out += '\\.';
      continue;
    }
    out += ch;
  }
  if (mode !== 'fullmatch') {
    const wantStart = mode === 'search';
    const hasStart = out.startsWith('^');
    const hasEnd = /(?:^|[^\\])(?:\\\\)*\$$/.test(out);
    if (topLevelAlternation && ((wantStart && !hasStart) || !hasEnd)) out = `${wantStart ? '^' : ''}(?:${out})$`;
    else {
      if (wantStart && !hasStart) out = `^${out}`;
      if (!hasEnd) out = `${out}$`;
    }
  }
  return out === pattern ? undefined : out;
}
