import { type FunctionNode, type Node } from './ast.js';
import type { ModuleLoader, JsModule } from './modules.js';
import type { Binding } from './scope.js';
/** Where a resolved value is written. */
export interface WrittenAt {
    mod: JsModule;
    node: Node;
}
interface Meta {
    at?: WrittenAt;
    /** The environment variable this value stands in for (its default, or the variable itself when unknown). */
    env?: string;
    /** The value is the default of an environment lookup. */
    envDriven?: boolean;
}
/** What the evaluator knows about an expression. It never executes code: anything else is `unknown`. */
export type JsValue = Meta & ({
    t: 'string';
    v: string;
} | {
    t: 'number';
    v: number;
} | {
    t: 'boolean';
    v: boolean;
} | {
    t: 'null';
} | {
    t: 'undefined';
} | {
    t: 'regex';
    pattern: string;
    flags: string;
} | {
    t: 'array';
    items: JsValue[];
    isSet?: boolean;
} | {
    t: 'object';
    props: Map<string, JsValue>;
    keys: Map<string, WrittenAt>;
    unknownSpread?: string;
} | {
    t: 'function';
    fn: FunctionNode;
    mod: JsModule;
}
/** An imported npm package (`member` = named export used, undefined = the default/namespace). */
 | {
    t: 'package';
    source: string;
    member?: string;
}
/** A same-repository module's namespace. */
 | {
    t: 'namespace';
    mod: JsModule;
}
/** The incoming request's headers object, or the request's Origin header value. */
 | {
    t: 'request';
    part: 'headers' | 'origin';
}
/** Request data the caller chooses: `req.query`, `req.body`, `req.params` and what is read from them. */
 | {
    t: 'request';
    part: 'data';
    text: string;
} | {
    t: 'unknown';
    why: string;
});
export type ValueOf<T extends JsValue['t']> = Extract<JsValue, {
    t: T;
}>;
export declare function unknown(why: string, meta?: Meta): JsValue;
/** Evaluates expressions the way a reader would: constants, imports, literals, a few string/array methods. */
export declare class Evaluator {
    readonly loader: ModuleLoader;
    private readonly active;
    private readonly memo;
    constructor(loader: ModuleLoader);
    evaluate(node: Node | null | undefined, mod: JsModule, depth?: number): JsValue;
    private evaluateInner;
    /** The value a module specifier stands for: a package, or a same-repository namespace. */
    moduleValue(specifier: string, from: JsModule): JsValue;
    private identifier;
    bindingValue(binding: Binding, mod: JsModule, depth: number): JsValue;
    /** An export of a same-repository module (ESM or CommonJS). Cycle-guarded. */
    exported(mod: JsModule, name: string, depth: number): JsValue;
    private exportedInner;
    private object;
    /** `value[name]` for a value already evaluated. */
    property(value: JsValue, name: string, _depth?: number): JsValue;
    private member;
    private logical;
    private call;
    /** Methods of strings and arrays that configuration code uses on constants. */
    private method;
}
/** The expression a function returns when its body is one expression or one return statement. */
export declare function singleReturn(fn: FunctionNode): Node | undefined;
export declare function truthiness(value: JsValue): boolean | undefined;
export declare function describeUnknown(value: JsValue): string;
export {};
