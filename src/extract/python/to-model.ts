import type { OriginEntry, OriginMatcher, Provenance, Span, Valued } from '../../model/types.js';
import type { CallOption } from './evaluate.js';
import { describe, type PyValue } from './values.js';

/** Provenance of an evaluated value: use-site span, and the literal's span when it differs. */
export function provenance(value: PyValue): Provenance & { span?: Span } {
  const out: Provenance & { span?: Span } = {};
  const span = value.useSpan ?? value.span;
  if (span) out.span = span;
  if (value.useSpan && value.span && !sameSpan(value.useSpan, value.span)) out.definedAt = value.span;
  if (value.envDriven) out.envDriven = true;
  if (value.source) out.source = value.source;
  return out;
}

function sameSpan(a: Span, b: Span): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}

export function entry(matcher: OriginMatcher, value: PyValue, fallback?: Span): OriginEntry {
  const prov = provenance(value);
  return { ...matcher, ...prov, span: prov.span ?? fallback };
}

/** Valued fields sit at the keyword argument; the literal is `definedAt` when it is written elsewhere. */
function valuedProvenance(opt: CallOption): Provenance & { span: Span } {
  const v = opt.value;
  const out: Provenance & { span: Span } = { span: opt.span };
  const definedAt = opt.definedAt ?? (v.useSpan && v.span && !sameSpan(v.useSpan, v.span) ? v.span : undefined);
  if (definedAt) out.definedAt = definedAt;
  if (v.envDriven) out.envDriven = true;
  if (v.source) out.source = v.source;
  return out;
}

export function valuedBool(opt: CallOption, name: string): Valued<boolean> {
  const v = opt.value;
  const prov = valuedProvenance(opt);
  if (v.t === 'bool') return { value: v.v, ...prov };
  if (v.t === 'none') return { value: false, ...prov };
  if (v.t === 'num' || v.t === 'str') return { value: v.t === 'num' ? v.v !== 0 : v.v.length > 0, ...prov };
  return { value: 'unknown', why: `${name}: ${describe(v)}`, ...prov };
}

export function valuedNumber(opt: CallOption, name: string): Valued<number> {
  const v = opt.value;
  const prov = valuedProvenance(opt);
  if (v.t === 'num') return { value: v.v, ...prov };
  if (v.t === 'str' && /^\s*\d+\s*$/.test(v.v)) return { value: Number(v.v), ...prov };
  return { value: 'unknown', why: `${name}: ${describe(v)}`, ...prov };
}

/**
 * A list of strings. `scalarIsList` is for libraries that wrap a single string into a list
 * (Flask-CORS); elsewhere a plain string is kept as its characters would be iterated.
 */
export function valuedStrings(opt: CallOption, name: string, scalarIsList = true): Valued<string[]> {
  const v = opt.value;
  const prov = valuedProvenance(opt);
  if (v.t === 'str') return scalarIsList ? { value: [v.v], ...prov } : { value: [...v.v], ...prov };
  if (v.t === 'none') return { value: [], ...prov };
  if (v.t === 'seq') {
    const bad = v.items.find((i) => i.t !== 'str');
    if (!bad) return { value: v.items.map((i) => (i as { v: string }).v), ...prov };
    return { value: 'unknown', why: `${name}: ${describe(bad)}`, ...prov };
  }
  return { value: 'unknown', why: `${name}: ${describe(v)}`, ...prov };
}

/** A Valued that says the option may be set by a `**kwargs` the scanner could not resolve. */
export function maybeInSplat<T>(splats: string[], name: string): Valued<T> | undefined {
  if (!splats.length) return undefined;
  return { value: 'unknown', why: `${name} may be set by ${splats.join(', ')}` };
}

/**
 * An empty environment default (`os.getenv("ORIGINS", "").split(",")`) stands for "set in the
 * environment": say so instead of reporting an empty origin that no deployment uses.
 */
export function envPlaceholder(v: PyValue): PyValue {
  if (v.t === 'str' && v.envDriven && v.v.trim() === '') {
    return { t: 'unknown', why: `environment variable ${v.source ?? '?'} (its default is empty)`, span: v.span, useSpan: v.useSpan, envDriven: true, source: v.source };
  }
  return v;
}

/** Items of a sequence with empty environment defaults collapsed into one unknown entry. */
export function originItems(v: PyValue): PyValue[] {
  const items = (v.t === 'seq' ? v.items : [v]).map(envPlaceholder);
  const out: PyValue[] = [];
  for (const item of items) {
    const dup = item.t === 'unknown' && item.envDriven && out.some((o) => o.t === 'unknown' && o.envDriven && o.source === item.source && o.why === item.why);
    if (!dup) out.push(item);
  }
  return out;
}
