import type { PyNode } from '../../parse/python.js';
import type { Span } from '../../model/types.js';
import type { PyModule } from './modules.js';

/** Where an evaluated value came from. `span` is the literal; `useSpan` the reference that led to it. */
export interface Origin {
  span?: Span;
  useSpan?: Span;
  envDriven?: boolean;
  /** Environment variable or settings field the value stands in for. */
  source?: string;
}

/**
 * The result of statically evaluating a Python expression. Nothing is executed: anything the
 * evaluator cannot prove becomes `unknown` with a reason naming what it saw.
 */
export type PyValue = Origin &
  (
    /**
     * `at`: where `v[0]` is written, when `v` maps one-to-one onto the source (a one-line literal
     * without escapes, or a slice of one), so that pieces of it get their own spans.
     */
    | { t: 'str'; v: string; at?: { line: number; column: number } }
    | { t: 'num'; v: number }
    | { t: 'bool'; v: boolean }
    | { t: 'none' }
    | { t: 'seq'; kind: 'list' | 'tuple' | 'set'; items: PyValue[] }
    | { t: 'dict'; entries: Array<{ key: PyValue; value: PyValue; span: Span }> }
    /** A name from outside the scanned tree, e.g. `starlette.middleware.cors.CORSMiddleware`, `os.getenv`. */
    | { t: 'sym'; qname: string }
    | { t: 'module'; mod: PyModule }
    | { t: 'class'; mod: PyModule; node: PyNode; name: string }
    | { t: 'func'; mod: PyModule; node: PyNode; name: string }
    /** The result of calling something we keep symbolically (a class instance, `FastAPI()`, `CORS()`). */
    | { t: 'call'; callee: PyValue; node: PyNode; mod: PyModule }
    /** `re.compile(pattern, flags)`. */
    | { t: 'regex'; pattern: string; ignoreCase: boolean }
    | { t: 'unknown'; why: string }
  );

export type PyStr = Extract<PyValue, { t: 'str' }>;
export type PySeq = Extract<PyValue, { t: 'seq' }>;

/** Reasons are for people: long ones (nested unknowns) are cut. */
const MAX_WHY = 300;

export function unknown(why: string, extra: Origin = {}): PyValue {
  return { t: 'unknown', why: why.length > MAX_WHY ? `${why.slice(0, MAX_WHY - 1)}…` : why, ...extra };
}

/** 1-based span of a node in a file. Columns count UTF-16 code units, as JavaScript strings do. */
export function spanOf(node: PyNode, file: string): Span {
  return {
    file,
    line: node.startPosition.row + 1,
    column: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column + 1,
  };
}

/** `s.v.slice(start, end)`, with the span of the slice when the text maps onto the source. */
export function sliceStr(s: PyStr, start: number, end = s.v.length): PyStr {
  const v = s.v.slice(start, end);
  if (!s.at || !s.span) return { ...s, v, at: undefined };
  const column = s.at.column + start;
  return {
    ...s,
    v,
    at: { line: s.at.line, column },
    span: { file: s.span.file, line: s.at.line, column, endLine: s.at.line, endColumn: column + v.length },
  };
}

/** Mark a value (and the items it holds) as reached through the reference at `use`. */
export function reachedVia(value: PyValue, use: Span): PyValue {
  if (value.t === 'seq') return { ...value, useSpan: use, items: value.items.map((i) => reachedVia(i, use)) };
  if (value.t === 'sym' || value.t === 'module' || value.t === 'class' || value.t === 'func' || value.t === 'call') return value;
  return { ...value, useSpan: use };
}

/** Mark a value (and its items) as an environment default. */
export function envDefault(value: PyValue, source: string): PyValue {
  if (value.t === 'seq') return { ...value, envDriven: true, source, items: value.items.map((i) => envDefault(i, source)) };
  return { ...value, envDriven: true, source };
}

/**
 * The dotted name of a library symbol: external names as imported, and classes or functions
 * defined in the scanned tree by module + name (so the libraries' own sources are recognised too).
 */
export function qualifiedName(value: PyValue | undefined): string | undefined {
  if (!value) return undefined;
  if (value.t === 'sym') return value.qname;
  if (value.t === 'class' || value.t === 'func') return value.mod.name ? `${value.mod.name}.${value.name}` : value.name;
  return undefined;
}

/** Python truthiness where it can be decided. */
export function truthy(value: PyValue): boolean | undefined {
  switch (value.t) {
    case 'str':
      return value.v.length > 0;
    case 'num':
      return value.v !== 0;
    case 'bool':
      return value.v;
    case 'none':
      return false;
    case 'seq':
      return value.items.length > 0;
    case 'dict':
      return value.entries.length > 0;
    case 'unknown':
      return undefined;
    default:
      return true;
  }
}

/** Short human description of a value for `why` texts. */
export function describe(value: PyValue): string {
  switch (value.t) {
    case 'str':
      return JSON.stringify(value.v.length > 80 ? `${value.v.slice(0, 79)}…` : value.v);
    case 'num':
    case 'bool':
      return String(value.v);
    case 'none':
      return 'None';
    case 'seq':
      return `${value.kind} of ${value.items.length}`;
    case 'dict':
      return 'dict';
    case 'sym':
      return value.qname;
    case 'module':
      return `module ${value.mod.name}`;
    case 'class':
    case 'func':
      return value.name;
    case 'call':
      return `${describe(value.callee)}(...)`;
    case 'regex':
      return `re.compile(${JSON.stringify(value.pattern.length > 80 ? `${value.pattern.slice(0, 79)}…` : value.pattern)})`;
    case 'unknown':
      return value.why;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** Decode the escapes of a non-raw Python string body; unknown escapes keep their backslash, as Python does. */
export function decodeEscapes(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const n = body[i + 1]!;
    if (n in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[n];
      i++;
      continue;
    }
    const hex = n === 'x' ? 2 : n === 'u' ? 4 : n === 'U' ? 8 : 0;
    if (hex && /^[0-9a-fA-F]+$/.test(body.slice(i + 2, i + 2 + hex)) && body.length >= i + 2 + hex) {
      out += String.fromCodePoint(parseInt(body.slice(i + 2, i + 2 + hex), 16));
      i += 1 + hex;
      continue;
    }
    const oct = /^[0-7]{1,3}/.exec(body.slice(i + 1));
    if (oct) {
      out += String.fromCodePoint(parseInt(oct[0], 8));
      i += oct[0].length;
      continue;
    }
    out += c;
  }
  return out;
}
