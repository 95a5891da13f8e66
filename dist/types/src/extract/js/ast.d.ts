import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Span } from '../../model/types.js';
export type Node = TSESTree.Node;
export type Expr = TSESTree.Expression;
export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
/** Child nodes of an ESTree node, in source order (type annotations are skipped: they hold no values). */
export declare function childrenOf(node: Node): Node[];
/** Visits every node once, parents before children, without recursion (deep minified code must not overflow the stack). */
export declare function walk(root: Node, visit: (node: Node, parent: Node | undefined) => void): void;
export declare function spanOf(node: Node, file: string): Span;
/** Strips wrappers that do not change the value: TS assertions, non-null, satisfies, optional chains. */
export declare function unwrap(node: Node): Node;
/** The property name of `a.b`, `a['b']`, or undefined for computed non-literal keys. */
export declare function memberName(node: TSESTree.MemberExpression): string | undefined;
/** Key of an object property when it is static. */
export declare function propertyKey(prop: TSESTree.Property | TSESTree.PropertyDefinition): string | undefined;
export declare function isFunction(node: Node): node is FunctionNode;
/** `a.b.c` as text for plain member chains of identifiers, else undefined. */
export declare function dottedName(node: Node): string | undefined;
/** Source text of a node, shortened for messages. */
export declare function textOf(node: Node, text: string, max?: number): string;
