import type { NginxWord } from '../../parse/nginx/index.js';

/** An `if (...)` condition of the rewrite module (ngx_http_rewrite_if_condition). */
export type Condition =
  | { kind: 'compare'; variable: string; op: '=' | '!='; value: string; text: string }
  | { kind: 'regex'; variable: string; op: '~' | '~*' | '!~' | '!~*'; pattern: string; text: string; patternWord?: NginxWord }
  | { kind: 'truthy'; variable: string; text: string }
  | { kind: 'other'; text: string };

/** nginx strips the `(` of the first word and the `)` of the last one. */
export function parseCondition(values: string[], words: NginxWord[] = []): Condition {
  const parts = [...values];
  const pw = [...words];
  if (parts.length) parts[0] = parts[0]!.replace(/^\(/, '');
  if (parts.length) parts[parts.length - 1] = parts[parts.length - 1]!.replace(/\)$/, '');
  const keep = parts.map((p, i) => ({ p, w: pw[i] })).filter((x, i) => x.p !== '' || (i > 0 && i < parts.length - 1));
  const text = `(${keep.map((x) => (words.length ? quoteIfNeeded(x.p) : x.p)).join(' ')})`;
  const v = keep.map((x) => x.p);
  if (v.length === 1 && v[0]!.startsWith('$')) return { kind: 'truthy', variable: varName(v[0]!), text };
  if (v.length === 3 && v[0]!.startsWith('$')) {
    const op = v[1]!;
    if (op === '=' || op === '!=') return { kind: 'compare', variable: varName(v[0]!), op, value: v[2]!, text };
    if (op === '~' || op === '~*' || op === '!~' || op === '!~*') {
      return { kind: 'regex', variable: varName(v[0]!), op, pattern: v[2]!, text, patternWord: keep[2]!.w };
    }
  }
  return { kind: 'other', text };
}

function quoteIfNeeded(s: string): string {
  return /[\s;{}]/.test(s) || s === '' ? `"${s}"` : s;
}

export function varName(ref: string): string {
  return ref.replace(/^\$\{?/, '').replace(/\}$/, '').toLowerCase();
}

/** A JavaScript RegExp for an nginx (PCRE) pattern, or undefined when it uses syntax JS lacks. */
export function toJsRegex(pattern: string, ignoreCase: boolean): RegExp | undefined {
  try {
    return new RegExp(pattern, ignoreCase ? 'i' : '');
  } catch {
    return undefined;
  }
}

/** The condition holds? `undefined` when the scanner cannot tell. `get` returns a variable's value. */
export function evaluateCondition(c: Condition, get: (name: string) => string | undefined): boolean | undefined {
  if (c.kind === 'other') return undefined;
  const value = get(c.variable);
  if (value === undefined) return undefined;
  if (c.kind === 'truthy') return value !== '' && value !== '0';
  if (c.kind === 'compare') return c.op === '=' ? value === c.value : value !== c.value;
  const re = toJsRegex(c.pattern, c.op.endsWith('*'));
  if (!re) return undefined;
  const hit = re.test(value);
  return c.op.startsWith('!') ? !hit : hit;
}
