import type { Span, Valued } from '../../../model/types.js';
import { spanAt, whereWritten } from '../origins.js';
import { describeUnknown, type JsValue, type WrittenAt } from '../values.js';

/** One option read from an options object. */
export interface OptionRead {
  value: JsValue;
  /** Span of the `key: value` property when it is written in an object literal. */
  keySpan?: Span;
  /** Span of the value expression (may be in another file when resolved through a constant). */
  valueSpan?: Span;
  /** The `key: value` property as written, when it is written in an object literal. */
  keyAt?: WrittenAt;
}

/**
 * The options object a middleware receives: `undefined` when no options are passed,
 * `unknown` when they cannot be resolved (then every option is unknown).
 */
export class OptionsObject {
  constructor(
    readonly value: JsValue,
    readonly useSite: WrittenAt | undefined,
  ) {}

  get resolvable(): boolean {
    return this.value.t === 'object' || this.value.t === 'undefined' || this.value.t === 'null';
  }

  /** The option, `undefined` when it is certainly not set, or an unknown value when it may be set. */
  read(name: string): OptionRead | undefined {
    const v = this.value;
    if (v.t === 'undefined' || v.t === 'null') return undefined;
    if (v.t !== 'object') return { value: { t: 'unknown', why: `options are ${describeUnknown(v)}` } };
    const found = v.props.get(name);
    if (!found) return v.unknownSpread ? { value: { t: 'unknown', why: `${name} may come from ${v.unknownSpread}` } } : undefined;
    return { value: found, keySpan: spanAt(v.keys.get(name)), valueSpan: spanAt(found.at), keyAt: v.keys.get(name) };
  }
}

/** Valued<T> from a read option, keeping spans and env provenance. */
export function valued<T>(read: OptionRead, value: T | 'unknown', why?: string): Valued<T> {
  const where = whereWritten(read.value);
  const out: Valued<T> = { value, span: read.valueSpan ?? read.keySpan };
  if (why) out.why = why;
  if (where.envDriven) out.envDriven = true;
  if (where.source) out.source = where.source;
  if (where.span && read.keySpan && where.span.file !== read.keySpan.file) out.definedAt = where.span;
  else if (where.span && read.keySpan && (where.span.line < read.keySpan.line || where.span.line > read.keySpan.endLine)) out.definedAt = where.span;
  return out;
}

/** A header or method list written as an array or a comma-separated string. */
export function stringList(read: OptionRead): Valued<string[]> {
  const v = read.value;
  // A string is sent as written (npm cors, @fastify/cors, @koa/cors): keep it for the exact header.
  if (v.t === 'string') return { ...valued(read, splitList(v.v)), raw: v.v };
  if (v.t === 'array') {
    const out: string[] = [];
    for (const item of v.items) {
      if (item.t !== 'string') return valued<string[]>(read, 'unknown', `list item is ${describeUnknown(item)}`);
      out.push(item.v.trim());
    }
    return valued(read, out);
  }
  if (v.t === 'undefined' || v.t === 'null') return valued(read, []);
  return valued<string[]>(read, 'unknown', describeUnknown(v));
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A number or numeric string (maxAge). */
export function numberOption(read: OptionRead): Valued<number> {
  const v = read.value;
  if (v.t === 'number') return valued(read, v.v);
  if (v.t === 'string' && /^\s*-?\d+\s*$/.test(v.v)) return valued(read, Number(v.v));
  return valued<number>(read, 'unknown', describeUnknown(v));
}

