import type { TSESTree } from '@typescript-eslint/typescript-estree';
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
}
/** `spreadOf`: object literals spread or Object.assign-ed into this one (`{ ...corsOptions, credentials: true }`). */
 | {
    t: 'object';
    props: Map<string, JsValue>;
    keys: Map<string, WrittenAt>;
    unknownSpread?: string;
    spreadOf?: Node[];
}
/** `bound`: parameters of an enclosing factory, with the arguments it was called with (`allow(list)` returning `(origin, cb) => ...`). */
 | {
    t: 'function';
    fn: FunctionNode;
    mod: JsModule;
    bound?: Map<Binding, JsValue>;
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
    /**
     * Options objects some CORS layer in this scan was built from (npm cors, @fastify/cors, @koa/cors),
     * so an exported options object is described on its own only when nothing consumes it.
     */
    readonly consumedOptions: Set<TSESTree.Node>;
    /** Factory parameters in force while a returned closure is read (see withBindings); the memo is off meanwhile. */
    private bindings;
    constructor(loader: ModuleLoader);
    /** Runs `read` with the factory parameters of a closure bound to the arguments the factory got. */
    withBindings<T>(bound: Map<Binding, JsValue> | undefined, read: () => T): T;
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
/** The object literals an object value is made of: its own and those spread into it. */
export declare function sourcesOf(value: JsValue): Node[];
/** The expression a function returns when its body is one expression or one return statement. */
export declare function singleReturn(fn: FunctionNode): Node | undefined;
export declare function truthiness(value: JsValue): boolean | undefined;
export declare function describeUnknown(value: JsValue): string;
export {};
