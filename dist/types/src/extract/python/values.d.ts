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
export type PyValue = Origin & (
/**
 * `at`: where `v[0]` is written, when `v` maps one-to-one onto the source (a one-line literal
 * without escapes, or a slice of one), so that pieces of it get their own spans.
 */
{
    t: 'str';
    v: string;
    at?: {
        line: number;
        column: number;
    };
} | {
    t: 'num';
    v: number;
} | {
    t: 'bool';
    v: boolean;
} | {
    t: 'none';
} | {
    t: 'seq';
    kind: 'list' | 'tuple' | 'set';
    items: PyValue[];
} | {
    t: 'dict';
    entries: Array<{
        key: PyValue;
        value: PyValue;
        span: Span;
    }>;
}
/** A name from outside the scanned tree, e.g. `starlette.middleware.cors.CORSMiddleware`, `os.getenv`. */
 | {
    t: 'sym';
    qname: string;
} | {
    t: 'module';
    mod: PyModule;
} | {
    t: 'class';
    mod: PyModule;
    node: PyNode;
    name: string;
} | {
    t: 'func';
    mod: PyModule;
    node: PyNode;
    name: string;
}
/** The result of calling something we keep symbolically (a class instance, `FastAPI()`, `CORS()`). */
 | {
    t: 'call';
    callee: PyValue;
    node: PyNode;
    mod: PyModule;
}
/** `re.compile(pattern, flags)`. */
 | {
    t: 'regex';
    pattern: string;
    ignoreCase: boolean;
} | {
    t: 'unknown';
    why: string;
});
export type PyStr = Extract<PyValue, {
    t: 'str';
}>;
export type PySeq = Extract<PyValue, {
    t: 'seq';
}>;
export declare function unknown(why: string, extra?: Origin): PyValue;
/** 1-based span of a node in a file. Columns count UTF-16 code units, as JavaScript strings do. */
export declare function spanOf(node: PyNode, file: string): Span;
/** `s.v.slice(start, end)`, with the span of the slice when the text maps onto the source. */
export declare function sliceStr(s: PyStr, start: number, end?: number): PyStr;
/** Mark a value (and the items it holds) as reached through the reference at `use`. */
export declare function reachedVia(value: PyValue, use: Span): PyValue;
/** Mark a value (and its items) as an environment default. */
export declare function envDefault(value: PyValue, source: string): PyValue;
/**
 * The dotted name of a library symbol: external names as imported, and classes or functions
 * defined in the scanned tree by module + name (so the libraries' own sources are recognised too).
 */
export declare function qualifiedName(value: PyValue | undefined): string | undefined;
/** Python truthiness where it can be decided. */
export declare function truthy(value: PyValue): boolean | undefined;
/** Short human description of a value for `why` texts. */
export declare function describe(value: PyValue): string;
/** Decode the escapes of a non-raw Python string body; unknown escapes keep their backslash, as Python does. */
export declare function decodeEscapes(body: string): string;
