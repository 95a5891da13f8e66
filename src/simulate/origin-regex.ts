// Evaluates an origin pattern the way the library applies it: Python re.fullmatch / re.match
// (translated to an equivalent JavaScript RegExp), JavaScript RegExp.test, PCRE search.
import type { OriginMatcher } from '../model/types.js';
import { UnknownBehaviour } from './types.js';

type RegexMatcher = Extract<OriginMatcher, { kind: 'regex' }>;

export interface CompiledOrigin {
  test(origin: string): boolean;
  /** The RegExp keeps state between requests (`g`/`y` with RegExp.test): the answer depends on earlier requests. */
  stateful: boolean;
}

/** Python `re` syntax -> JavaScript syntax for the subset that origin patterns use; throws when untranslatable. */
export function translatePythonPattern(pattern: string): { source: string; flags: string } {
  let source = pattern;
  let flags = '';
  // Leading global inline flags: (?i), (?s), (?m), (?a), (?u)
  for (;;) {
    const m = /^\(\?([aiLmsux]+)\)/.exec(source);
    if (!m) break;
    for (const f of m[1]!) {
      if (f === 'i' || f === 's' || f === 'm') flags += flags.includes(f) ? '' : f;
      else if (f === 'a' || f === 'u') continue;
      else throw new Error(`inline flag (?${f}) has no JavaScript equivalent`);
    }
    source = source.slice(m[0].length);
  }
  if (/\(\?[aiLmsux-]+[):]/.test(source)) throw new Error('a scoped inline flag group has no portable JavaScript equivalent');
  source = source
    .replace(/\(\?P<([A-Za-z_]\w*)>/g, '(?<$1>')
    .replace(/\(\?P=([A-Za-z_]\w*)\)/g, '\\k<$1>')
    .replace(/\\A/g, '^')
    .replace(/\\Z/g, '(?![\\s\\S])')
    .replace(/\{,(\d+)\}/g, '{0,$1}');
  return { source, flags };
}

function anchor(source: string, mode: RegexMatcher['mode']): string {
  if (mode === 'fullmatch') return `^(?:${source})$`;
  if (mode === 'match') return `^(?:${source})`;
  return source;
}

/** Compiles an origin regex entry; throws UnknownBehaviour when the pattern cannot be evaluated faithfully. */
export function compileOriginRegex(entry: RegexMatcher): CompiledOrigin {
  try {
    if (entry.flavor === 'python') {
      const { source, flags } = translatePythonPattern(entry.pattern);
      const re = new RegExp(anchor(source, entry.mode), flags + (entry.ignoreCase && !flags.includes('i') ? 'i' : ''));
      return { test: (o) => re.test(o), stateful: false };
    }
    if (entry.flavor === 'js') {
      const flags = entry.flags ?? (entry.ignoreCase ? 'i' : '');
      const re = new RegExp(anchor(entry.pattern, entry.mode), flags);
      const stateful = /[gy]/.test(flags);
      return { test: (o) => re.test(o), stateful };
    }
    // PCRE: JavaScript agrees with PCRE for the constructs origin patterns use.
    const re = new RegExp(anchor(entry.pattern, entry.mode), entry.ignoreCase ? 'i' : '');
    return { test: (o) => re.test(o), stateful: false };
  } catch (error) {
    throw new UnknownBehaviour(`the pattern ${JSON.stringify(entry.pattern)} cannot be evaluated: ${(error as Error).message}`, (entry as { span?: never }).span);
  }
}
