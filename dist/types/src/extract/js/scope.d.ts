import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { type FunctionNode, type Node } from './ast.js';
export type BindingKind = 'const' | 'let' | 'var' | 'function' | 'class' | 'import' | 'param' | 'catch' | 'other';
export interface Binding {
    name: string;
    kind: BindingKind;
    id: TSESTree.Identifier;
    /** The initializer the name was declared with (the whole init for destructured names). */
    init?: Node;
    /** Property/index path from `init` for destructured names: `const { a: { b } } = x` -> ['a', 'b']. */
    path?: Array<string | number>;
    /** Destructuring default: `const { a = 'x' } = y`. */
    fallback?: Node;
    /** The path crosses a rest element or a computed key: the value cannot be followed. */
    opaque?: boolean;
    importSource?: string;
    /** 'default', '*' (namespace) or the exported name. */
    importName?: string;
    fn?: FunctionNode;
    /** The function whose parameter this is, and the parameter index. */
    paramOf?: {
        fn: FunctionNode;
        index: number;
    };
    reassigned: boolean;
}
/** Scope analysis good enough to follow constants: module, function and block scopes, hoisted `var`. */
export declare class Scopes {
    readonly program: TSESTree.Program;
    readonly parents: Map<TSESTree.Node, TSESTree.Node>;
    private readonly scopes;
    /** Every node in document order (the walk is done once and reused by the extractors). */
    readonly nodes: Node[];
    constructor(program: TSESTree.Program);
    /** The binding an identifier reference resolves to, if it is declared in this file. */
    lookup(id: TSESTree.Identifier): Binding | undefined;
    lookupName(name: string, at: Node): Binding | undefined;
    /** Module-level binding by name (exports, re-exports). */
    moduleBinding(name: string): Binding | undefined;
    parentOf(node: Node): Node | undefined;
    /** The nearest enclosing function of a node, if any. */
    enclosingFunction(node: Node): FunctionNode | undefined;
    private isScopeNode;
    private scopeNodeAt;
    private functionScopeNodeAt;
    private scopeFor;
    private scopeAt;
    private add;
    private declare;
    private declareParams;
    private noteAssignment;
}
