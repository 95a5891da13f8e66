import type { Span } from '../../model/types.js';
import { truncateText } from './modules.js';
import { describe, unknown, type PyValue } from './values.js';

// Python operators and built-in string operations over evaluated values.

/** Values of the branches of a condition the scanner cannot decide. */
export function union(values: PyValue[], condition: string): PyValue {
  const [first] = values;
  if (!first) return unknown(`depends on the condition ${truncateText(condition)}`);
  if (first.t === 'seq' && values.every((v) => v.t === 'seq')) {
    const items: PyValue[] = [];
    const seen = new Set<string>();
    for (const v of values as Array<Extract<PyValue, { t: 'seq' }>>) {
      for (const item of v.items) {
        const key = `${item.t}:${'v' in item ? String(item.v) : describe(item)}:${item.span ? `${item.span.file}:${item.span.line}:${item.span.column}` : ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        items.push(item);
      }
    }
    return { ...first, items };
  }
  const scalar = (v: PyValue) => (v.t === 'str' || v.t === 'num' || v.t === 'bool' ? `${v.t}:${String(v.v)}` : undefined);
  if (scalar(first) !== undefined && values.every((v) => scalar(v) === scalar(first))) return first;
  return unknown(`depends on the condition ${truncateText(condition)} (${values.map(describe).join(' or ')})`);
}

/** Larger results are not worth modelling and could exhaust memory on generated code. */
const MAX_ITEMS = 10_000;
const MAX_STRING = 100_000;

export function combine(a: PyValue, b: PyValue, span: Span): PyValue {
  if (a.t === 'seq' && b.t === 'seq' && a.items.length + b.items.length > MAX_ITEMS) return unknown(`a list of more than ${MAX_ITEMS} items`, { span });
  if (a.t === 'str' && b.t === 'str' && a.v.length + b.v.length > MAX_STRING) return unknown(`a string of more than ${MAX_STRING} characters`, { span });
  if (a.t === 'str' && b.t === 'str') return { t: 'str', v: a.v + b.v, span, envDriven: a.envDriven || b.envDriven, source: a.source ?? b.source };
  if (a.t === 'num' && b.t === 'num') return { t: 'num', v: a.v + b.v, span };
  if (a.t === 'seq' && b.t === 'seq') return { t: 'seq', kind: a.kind, items: [...a.items, ...b.items], span, envDriven: a.envDriven || b.envDriven, source: a.source ?? b.source };
  if (a.t === 'dict' && b.t === 'dict') return { t: 'dict', entries: [...a.entries, ...b.entries], span };
  // A known list plus something unknown: keep what is known and say what is not.
  if (a.t === 'seq' && b.t === 'unknown') return { ...a, items: [...a.items, b], span };
  if (a.t === 'unknown' && b.t === 'seq') return { ...b, items: [a, ...b.items], span };
  return unknown(`${describe(a)} + ${describe(b)}`, { span, envDriven: a.envDriven || b.envDriven, source: a.source ?? b.source });
}

export function sortItems(items: PyValue[]): PyValue[] {
  if (!items.every((i) => i.t === 'str')) return items;
  return [...items].sort((x, y) => ((x as { v: string }).v < (y as { v: string }).v ? -1 : 1));
}
